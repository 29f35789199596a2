package org.ihcblotquant.plugin;

import java.awt.Color;
import java.nio.file.Paths;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.GroupedValues;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.Warnings;
import org.ihcblotquant.stats.plot.BarChart;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Analyze &gt; IHC Blot Quant &gt; Compare Groups: descriptives and a t-test, Mann–Whitney U or
 * one-way ANOVA + Tukey of a column of the Results table or of a CSV. Macro-recordable, e.g.
 * {@code run("Compare Groups", "table=/data/scores.csv value=dab group=response test=[Welch t-test]");}
 * The test goes to the Results table, the descriptives to "Group Statistics", and a bar chart
 * (mean ± SD or SEM with the points and the p-value) is shown as an ImageJ Plot.
 */
public class CompareGroupsPlugin implements PlugIn {

    private static final String TITLE = "Compare Groups";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Table (CSV file; empty = Results table)", "", 30);
        gd.addStringField("Value column", "", 16);
        gd.addStringField("Group column", "", 16);
        gd.addStringField("Levels (comma-separated, first = x; empty = all)", "", 24);
        gd.addChoice("Test", GroupComparison.Test.labels(), GroupComparison.Test.WELCH.label);
        gd.addStringField("Pair column (paired t-test only)", "", 16);
        gd.addChoice("Error bars", new String[] {"SD", "SEM"}, "SD");
        gd.addNumericField("Confidence level", 0.95, 2);
        gd.addFileField("Save plot (.png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV to folder (optional)", "", 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String table = gd.getNextString();
        String value = gd.getNextString().trim();
        String group = gd.getNextString().trim();
        String levels = gd.getNextString();
        GroupComparison.Test test = GroupComparison.Test.values()[gd.getNextChoiceIndex()];
        String pair = gd.getNextString().trim();
        BarChart.ErrorBars bars = gd.getNextChoiceIndex() == 1 ? BarChart.ErrorBars.SEM : BarChart.ErrorBars.SD;
        double conf = gd.getNextNumber();
        String plotFile = gd.getNextString().trim();
        String folder = gd.getNextString().trim();
        try {
            run(table, value, group, levels, test, pair, bars, conf, plotFile, folder);
        } catch (InputException | IllegalArgumentException | org.ihcblotquant.cli.UsageException e) {
            StatsPlugins.error(TITLE, e.getMessage());
        } catch (Exception e) {
            StatsPlugins.error(TITLE, e.toString());
        }
    }

    static void run(String table, String value, String group, String levels, GroupComparison.Test test, String pair,
            BarChart.ErrorBars bars, double conf, String plotFile, String folder) throws Exception {
        if (value.isEmpty() || group.isEmpty()) {
            throw new InputException("give the value column and the group column");
        }
        if (!(conf > 0 && conf < 1)) {
            throw new InputException("confidence level must be between 0 and 1, e.g. 0.95");
        }
        CsvTable csv = StatsPlugins.readInput(table);
        ColumnData d = ColumnData.of(csv);
        Warnings w = new Warnings();
        GroupedValues gv = StatsInput.grouped(d, value, group, StatsPlugins.levels(levels), w);
        double[][] pairs = null;
        if (test == GroupComparison.Test.PAIRED) {
            if (pair.isEmpty()) {
                throw new InputException("the paired t-test needs the pair column (e.g. the patient id)");
            }
            if (gv.levelCount() != 2) {
                throw new InputException("paired t-test compares exactly 2 groups, found " + gv.levelCount()
                        + "; list two in Levels");
            }
            pairs = StatsInput.pairs(d, value, group, pair, gv.levels().get(0), gv.levels().get(1), w);
        }
        GroupComparison result = GroupComparison.run(test, gv, pairs, conf);
        Provenance prov = Provenance.start("Compare Groups").put("input", csv.source()).put("value", value)
                .put("group", group).put("test", test.label).put("conf_level", conf);
        for (String m : w.all()) {
            IJ.log(TITLE + " warning: " + m);
        }
        org.ihcblotquant.io.Table main = test == GroupComparison.Test.NONE ? result.descriptivesTable()
                : result.testTable();
        if (test != GroupComparison.Test.NONE) {
            StatsPlugins.showTable(result.descriptivesTable(), "Group Statistics");
        }
        StatsPlugins.showResults(main);
        java.util.Map<String, org.ihcblotquant.io.Table> tables = new java.util.LinkedHashMap<>();
        if (test != GroupComparison.Test.NONE) {
            tables.put("compare_groups_test", result.testTable());
        }
        tables.put("compare_groups_descriptives", result.descriptivesTable());
        StatsPlugins.writeTables(folder, prov, w.all(), tables);
        IJ.log(TITLE + ": " + String.join("; ", prov.lines()));
        IJ.log(result.toText());
        if (!plotFile.isEmpty()) {
            PlotFiles.write(new BarChart(result, value, bars, null), Paths.get(plotFile));
        }
        plot(result, value, bars).show();
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
