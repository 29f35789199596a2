package org.ihcblotquant.plugin;

import java.awt.Color;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CompareGroupsJob;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.StatsOutputs;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.stats.Alternative;
import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.plot.BarChart;

/**
 * Analyze &gt; IHC Blot Quant &gt; Compare Groups: descriptives and a t-test, Mann–Whitney U or
 * one-way ANOVA + Tukey of a column of the Results table or of a CSV. Macro-recordable, e.g.
 * {@code run("Compare Groups", "table=/data/scores.csv value=dab group=response test=[Welch t-test]");}
 * The test goes to the Results table, the descriptives to "Group Statistics", and a bar chart
 * (mean ± SD or SEM with the points and the p-value) is shown as an ImageJ Plot.
 */
public class CompareGroupsPlugin implements PlugIn {

    private static final String TITLE = "Compare Groups";
    private static final String[] ALTERNATIVES = {"two-sided", "less", "greater"};

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Table (CSV file; empty = Results table)", "", 30);
        gd.addFileField("Join with (clinical CSV; optional)", "", 30);
        gd.addStringField("On (id column for the join; TABLE_COL:JOIN_COL if named differently)", "", 16);
        gd.addStringField("Pool rows by (id column, e.g. slide for per-image tables; optional)", "", 16);
        gd.addStringField("Value column", "", 16);
        gd.addStringField("Group column", "", 16);
        gd.addStringField("Levels (comma-separated, first = x; empty = all)", "", 24);
        gd.addChoice("Test", GroupComparison.Test.labels(), GroupComparison.Test.WELCH.label);
        gd.addStringField("Pair column (paired t-test and signed-rank only)", "", 16);
        gd.addChoice("Error bars", new String[] {"SD", "SEM"}, "SD");
        gd.addNumericField("Confidence level", 0.95, 2);
        gd.addFileField("Save plot (.png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV to folder (optional)", "", 30);
        gd.addChoice("Alternative (two-group tests; x = first level)", ALTERNATIVES, ALTERNATIVES[0]);
        gd.addChoice("Correction (Dunn's tests after Kruskal-Wallis)", SurvivalAnalysisPlugin.ADJUST, "Holm");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            StatsSource source = StatsPlugins.source(gd.getNextString(), gd.getNextString(), gd.getNextString(),
                    gd.getNextString());
            String value = gd.getNextString().trim();
            String group = gd.getNextString().trim();
            String levels = gd.getNextString();
            GroupComparison.Test test = GroupComparison.Test.values()[gd.getNextChoiceIndex()];
            String pair = gd.getNextString().trim();
            BarChart.ErrorBars bars = gd.getNextChoiceIndex() == 1 ? BarChart.ErrorBars.SEM : BarChart.ErrorBars.SD;
            double conf = gd.getNextNumber();
            StatsOutputs outputs = StatsPlugins.outputs(gd.getNextString(), gd.getNextString());
            Alternative alternative = Alternative.values()[gd.getNextChoiceIndex()];
            PValueAdjust.Method adjust = SurvivalAnalysisPlugin.ADJUST_METHODS[gd.getNextChoiceIndex()];
            CompareGroupsJob.Outcome o = new CompareGroupsJob().run(CompareGroupsJob.Request.builder(source, test)
                    .value(value).group(group).levels(Fields.optionalList(levels))
                    .pairBy(test == GroupComparison.Test.PAIRED || test == GroupComparison.Test.SIGNRANK ? pair : null)
                    .alternative(alternative).adjust(adjust).confLevel(conf).errorBars(bars)
                    .outputs(outputs).command(TITLE).build(), ProgressListener.NONE);
            for (String m : o.warnings()) {
                UserMessages.warn(TITLE, m);
            }
            if (test != GroupComparison.Test.NONE) {
                StatsPlugins.showTable(o.tables().get("descriptives"), "Group Statistics");
            }
            StatsPlugins.showResults(o.mainTable());
            IJ.log(TITLE + ": " + String.join("; ", o.provenance().lines()));
            IJ.log(o.text());
            plot(o.result(), value, bars).show();
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.COMPARE);
        }
    }

    /** The bar chart as an ImageJ Plot: bars of the means, error bars, the points, the p-value. */
    static Plot plot(GroupComparison r, String value, BarChart.ErrorBars bars) {
        int k = r.groups.size();
        StringBuilder cats = new StringBuilder("{");
        double[] x = new double[k];
        double[] mean = new double[k];
        double[] err = new double[k];
        double lo = 0;
        double hi = 0;
        for (int g = 0; g < k; g++) {
            Descriptives d = r.groups.get(g);
            cats.append(g > 0 ? "," : "").append(d.level.replace(",", " "));
            x[g] = g;
            mean[g] = d.mean;
            double e = bars == BarChart.ErrorBars.SD ? d.sd : d.sem;
            err[g] = Double.isNaN(e) ? 0 : e;
            for (double v : r.data.values(g)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            hi = Math.max(hi, d.mean + err[g]);
            lo = Math.min(lo, d.mean - err[g]);
        }
        cats.append('}');
        Plot plot = new Plot(TITLE + ": " + value, cats.toString(), value + " (mean \u00b1 " + bars.name() + ")");
        plot.setLimits(-0.6, k - 0.4, lo, hi + 0.15 * (hi - lo + 1e-12));
        plot.setColor(new Color(0x0072B2), new Color(0xB3D7EC));
        plot.add("separated bar", x, mean);
        plot.setColor(Color.BLACK);
        plot.add("error bars", err);
        plot.setColor(new Color(0xD55E00));
        for (int g = 0; g < k; g++) {
            double[] v = r.data.values(g);
            double[] px = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                px[i] = g + ((i * 0.618034) % 1.0 - 0.5) * 0.3;
            }
            plot.add("circle", px, v);
        }
        plot.setColor(Color.BLACK);
        if (r.test != GroupComparison.Test.NONE) {
            plot.addLabel(0.02, 0.06, r.pLabel() + "   bars: mean \u00b1 " + bars.name());
        }
        return plot;
    }
}
