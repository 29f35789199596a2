package org.ihcblotquant.plugin;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.job.SurvivalJob;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.CutPoint;
import org.ihcblotquant.stats.MedianRule;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.KaplanMeier;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.SurvivalAnalysis;

/**
 * Analyze &gt; IHC Blot Quant &gt; Survival Analysis: Kaplan–Meier curves, medians, log-rank test
 * and hazard ratio from the Results table or a CSV (optionally joined with a clinical sheet).
 * Macro-recordable, e.g.
 * {@code run("Survival Analysis", "table=/d/aml.csv time=time event=status group=x");}
 * One row per group goes to the Results table; the Kaplan–Meier tables and the numbers at risk
 * to their own tables; the curves are shown as an ImageJ Plot.
 */
public class SurvivalAnalysisPlugin implements PlugIn {

    private static final String TITLE = "Survival Analysis";
    private static final String[] CONF_TYPES = {"log", "log-log", "plain"};
    static final String[] ADJUST = {"Holm", "Bonferroni", "Benjamini-Hochberg", "none"};
    static final PValueAdjust.Method[] ADJUST_METHODS = {PValueAdjust.Method.HOLM, PValueAdjust.Method.BONFERRONI,
        PValueAdjust.Method.BH, PValueAdjust.Method.NONE};
    private static final String[] MEDIAN_RULES = {"printed (R print(survfit))", "midpoint (R quantile(survfit))"};

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Table (CSV file; empty = Results table)", "", 30);
        gd.addFileField("Join with (clinical CSV; optional)", "", 30);
        gd.addStringField("On (id column for the join; TABLE_COL:JOIN_COL if named differently)", "", 16);
        gd.addStringField("Pool rows by (id column, e.g. slide for per-image tables; optional)", "", 16);
        gd.addStringField("Time column", "", 16);
        gd.addStringField("Event column (1 = event, 0 = censored)", "", 16);
        gd.addStringField("Codes for other event words (EVENT:CENSORED, e.g. dead:alive)", "", 16);
        gd.addStringField("Group column (or use a score cut-off below)", "", 16);
        gd.addStringField("Score column (for the cut-off)", "", 16);
        gd.addStringField("Cut (number: score < cut low; or median, tertiles, optimal)", "0.5", 10);
        gd.addStringField("Levels (comma-separated, first = reference; empty = all)", "", 24);
        gd.addChoice("Confidence interval", CONF_TYPES, "log");
        gd.addNumericField("Level of confidence", 0.95, 2);
        gd.addStringField("At (times for numbers at risk, comma-separated; empty = auto)", "", 24);
        gd.addCheckbox("Bands (draw confidence bands)", false);
        gd.addFileField("Save plot (.png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV to folder (optional)", "", 30);
        gd.addMessage("Issue 11 additions (all optional):");
        gd.addStringField("Strata column (stratified log-rank and Cox)", "", 16);
        gd.addStringField("Covariates (numeric, comma-separated: adjusted hazard ratios)", "", 24);
        gd.addStringField("Factors (categorical covariates, comma-separated)", "", 24);
        gd.addCheckbox("Trend (log-rank test for trend over the ordered groups)", false);
        gd.addCheckbox("Pairwise (log-rank test of every pair)", false);
        gd.addChoice("Correction (pairwise p-values)", ADJUST, "Holm");
        gd.addNumericField("RMST up to time (0 = none)", 0, 2);
        gd.addStringField("Survival at times (comma-separated; optional)", "", 24);
        gd.addChoice("Median rule", MEDIAN_RULES, MEDIAN_RULES[0]);
        gd.addCheckbox("Separate two-group Cox fits (instead of one model)", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            StatsSource source = StatsPlugins.source(gd.getNextString(), gd.getNextString(), gd.getNextString(),
                    gd.getNextString());
            String time = gd.getNextString().trim();
            SurvivalJob.Builder b = SurvivalJob.Request.builder(source).time(time).event(gd.getNextString());
            String codes = gd.getNextString().trim();
            if (!codes.isEmpty()) {
                try {
                    b.codes(EventCodes.parse(codes));
                } catch (IllegalArgumentException e) {
                    throw new FieldException("event-codes", e.getMessage());
                }
            }
            String group = gd.getNextString().trim();
            String score = gd.getNextString().trim();
            String cut = gd.getNextString().trim();
            if (!score.isEmpty()) {
                b.scoreCut(score, CutPoint.parse(cut));
            }
            b.group(group);
            b.levels(Fields.optionalList(gd.getNextString()));
            ConfType confType = ConfType.parse(CONF_TYPES[gd.getNextChoiceIndex()]);
            b.conf(confType, gd.getNextNumber());
            String at = gd.getNextString().trim();
            b.at(at.isEmpty() ? null : Fields.numbers("at", at));
            boolean bands = gd.getNextBoolean();
            b.figure(bands, time, null);
            b.outputs(StatsPlugins.outputs(gd.getNextString(), gd.getNextString())).command(TITLE);
            b.strata(gd.getNextString());
            b.adjustFor(Fields.optionalList(gd.getNextString()), Fields.optionalList(gd.getNextString()), null);
            b.trend(gd.getNextBoolean(), null);
            boolean pairwise = gd.getNextBoolean();
            SurvivalAnalysis.Options options = new SurvivalAnalysis.Options()
                    .pairwise(pairwise, ADJUST_METHODS[gd.getNextChoiceIndex()]);
            double rmst = gd.getNextNumber();
            if (rmst > 0) {
                options.rmst(rmst);
            } else if (rmst < 0 || Double.isNaN(rmst)) {
                throw new FieldException("rmst", "the time horizon must be positive (0 = none)");
            }
            String survivalAt = gd.getNextString().trim();
            if (!survivalAt.isEmpty()) {
                options.survivalAt(Fields.numbers("survival-at", survivalAt));
            }
            options.medianRule(gd.getNextChoiceIndex() == 0 ? MedianRule.PRINTED : MedianRule.MIDPOINT);
            options.separateCoxFits(gd.getNextBoolean());
            b.options(options);
            SurvivalJob.Outcome o = new SurvivalJob().run(b.build(), ProgressListener.NONE);
            for (String m : o.warnings()) {
                UserMessages.warn(TITLE, m);
            }
            StatsPlugins.showTable(o.tables().get("kaplan_meier"), "Kaplan-Meier");
            StatsPlugins.showTable(o.tables().get("numbers_at_risk"), "Numbers at Risk");
            if (o.adjusted() != null) {
                StatsPlugins.showTable(CoxRegressionPlugin.coefficients(o.adjusted()), "Adjusted Cox Model");
            }
            StatsPlugins.showResults(o.tables().get("summary"));
            IJ.log(TITLE + ": " + String.join("; ", o.provenance().lines()));
            IJ.log(o.text());
            plot(o.analysis(), time, bands).show();
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.SURVIVAL);
        }
    }

    private static final Color[] COLORS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    /** Kaplan–Meier steps with censor ticks (and bands), legend with n / events, log-rank p. */
    static Plot plot(SurvivalAnalysis a, String timeLabel, boolean bands) {
        String xLabel = bands ? timeLabel + "   (thin lines: " + Report.num(a.confLevel * 100) + "% CI, "
                + a.confType.label + ")" : timeLabel;
        Plot plot = new Plot(TITLE, xLabel, "Survival probability");
        double xMax = a.atTimes[a.atTimes.length - 1];
        for (KaplanMeier km : a.curves) {
            for (KaplanMeier.Row r : km.rows) {
                xMax = Math.max(xMax, r.time);
            }
        }
        // headroom above 1 for the log-rank label, clear of the curves (which start at 1)
        plot.setLimits(0, xMax, 0, 1.12);
        StringBuilder legend = new StringBuilder();
        for (int g = 0; g < a.curves.size(); g++) {
            KaplanMeier km = a.curves.get(g);
            Color col = COLORS[g % COLORS.length];
            plot.setColor(col);
            plot.setLineWidth(2);
            double[][] steps = steps(km, 0);
            plot.add("line", steps[0], steps[1]);
            legend.append(g > 0 ? "\n" : "").append(km.level).append(" (n = ").append(km.n).append(", events = ")
                    .append(km.events).append(")");
            plot.setLineWidth(1);
            if (bands) {
                // drawn as plain lines, not data sets, so the legend lists only the curves
                for (int side = 1; side <= 2; side++) {
                    double[][] b = steps(km, side);
                    for (int i = 1; i < b[0].length; i++) {
                        plot.drawLine(b[0][i - 1], b[1][i - 1], b[0][i], b[1][i]);
                    }
                }
            }
            plot.setLineWidth(2);
            for (KaplanMeier.Row r : km.rows) {
                if (r.nCensor > 0) {
                    plot.drawLine(r.time, r.surv - 0.02, r.time, r.surv + 0.02);
                }
            }
        }
        plot.setColor(Color.BLACK);
        plot.setLineWidth(1);
        plot.addLegend(legend.toString(), "top-right");
        if (a.logRank != null) {
            org.ihcblotquant.stats.CutPoint.Assignment cut = a.data.cut();
            boolean chosen = cut != null && cut.dataChosen;
            plot.addLabel(0.02, 0.06, "Log-rank p = " + Report.p(a.logRank.p) + (chosen
                    ? " (unadjusted); DATA-CHOSEN cut " + Report.num(cut.thresholds[0]) + ", adjusted p = "
                            + Report.p(cut.search.pAdjusted) : ""));
        }
        return plot;
    }

    /** Step coordinates of the curve (which = 0), its lower (1) or upper (2) band. */
    private static double[][] steps(KaplanMeier km, int which) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double y = 1;
        xs.add(0.0);
        ys.add(1.0);
        for (KaplanMeier.Row r : km.rows) {
            double v = which == 0 ? r.surv : which == 1 ? r.lower : r.upper;
            if (Double.isNaN(v)) {
                if (r.surv == 1) {
                    continue;
                }
                break;
            }
            if (v != y) {
                xs.add(r.time);
                ys.add(y);
                xs.add(r.time);
                ys.add(v);
                y = v;
            }
        }
        double last = km.rows.isEmpty() ? 0 : km.rows.get(km.rows.size() - 1).time;
        xs.add(last);
        ys.add(y);
        double[][] out = new double[2][xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            out[0][i] = xs.get(i);
            out[1][i] = ys.get(i);
        }
        return out;
    }
}
