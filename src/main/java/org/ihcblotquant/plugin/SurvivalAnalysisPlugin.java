package org.ihcblotquant.plugin;

import java.awt.Color;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.plugin.PlugIn;

import org.ihcblotquant.cli.Args;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.KaplanMeier;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.SurvivalData;
import org.ihcblotquant.stats.Warnings;
import org.ihcblotquant.stats.plot.KaplanMeierChart;
import org.ihcblotquant.stats.plot.PlotFiles;

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

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Table (CSV file; empty = Results table)", "", 30);
        gd.addFileField("Join with (clinical CSV; optional)", "", 30);
        gd.addStringField("On (id column for the join; TABLE_COL:JOIN_COL if named differently)", "", 16);
        gd.addStringField("Time column", "", 16);
        gd.addStringField("Event column (1 = event, 0 = censored)", "", 16);
        gd.addStringField("Codes for other event words (EVENT:CENSORED, e.g. dead:alive)", "", 16);
        gd.addStringField("Group column (or use a score cut-off below)", "", 16);
        gd.addStringField("Score column (for the cut-off)", "", 16);
        gd.addNumericField("Cut (score < cut = low, >= cut = high)", 0.5, 3);
        gd.addStringField("Levels (comma-separated, first = reference; empty = all)", "", 24);
        gd.addChoice("Confidence interval", CONF_TYPES, "log");
        gd.addNumericField("Level of confidence", 0.95, 2);
        gd.addStringField("At (times for numbers at risk, comma-separated; empty = auto)", "", 24);
        gd.addCheckbox("Bands (draw confidence bands)", false);
        gd.addFileField("Save plot (.png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV to folder (optional)", "", 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        Options o = new Options();
        o.table = gd.getNextString();
        o.join = gd.getNextString().trim();
        o.on = gd.getNextString().trim();
        o.time = gd.getNextString().trim();
        o.event = gd.getNextString().trim();
        o.codes = gd.getNextString().trim();
        o.group = gd.getNextString().trim();
        o.score = gd.getNextString().trim();
        o.cut = gd.getNextNumber();
        o.levels = gd.getNextString();
        o.confType = ConfType.parse(CONF_TYPES[gd.getNextChoiceIndex()]);
        o.confLevel = gd.getNextNumber();
        o.at = gd.getNextString().trim();
        o.bands = gd.getNextBoolean();
        o.plotFile = gd.getNextString().trim();
        o.folder = gd.getNextString().trim();
        try {
            run(o);
        } catch (InputException | IllegalArgumentException | org.ihcblotquant.cli.UsageException e) {
            StatsPlugins.error(TITLE, e.getMessage());
        } catch (Exception e) {
            StatsPlugins.error(TITLE, e.toString());
        }
    }

    /** The dialog's values. */
    static final class Options {
        String table = "";
        String join = "";
        String on = "";
        String time = "";
        String event = "";
        String codes = "";
        String group = "";
        String score = "";
        double cut = 0.5;
        String levels = "";
        ConfType confType = ConfType.LOG;
        double confLevel = 0.95;
        String at = "";
        boolean bands;
        String plotFile = "";
        String folder = "";
    }

    static void run(Options o) throws Exception {
        if (o.time.isEmpty() || o.event.isEmpty()) {
            throw new InputException("give the time column and the event column");
        }
        if (!o.group.isEmpty() && !o.score.isEmpty()) {
            throw new InputException("give either a group column or a score column with a cut, not both");
        }
        if (!(o.confLevel > 0 && o.confLevel < 1)) {
            throw new InputException("confidence level must be between 0 and 1, e.g. 0.95");
        }
        CsvTable csv = StatsPlugins.readInput(o.table);
        ColumnData d;
        Warnings w = new Warnings();
        if (!o.join.isEmpty()) {
            if (o.on.isEmpty()) {
                throw new InputException("joining needs the id column (On)");
            }
            d = ColumnData.joinOn(csv, CsvTable.read(Paths.get(o.join)), o.on);
            ColumnData.JoinReport j = d.joinReport();
            if (!j.onlyInLeft.isEmpty()) {
                w.add(j.onlyInLeft.size() + " id(s) only in " + j.left + ": " + String.join(", ", j.onlyInLeft));
            }
            if (!j.onlyInRight.isEmpty()) {
                w.add(j.onlyInRight.size() + " id(s) only in " + j.right + ": " + String.join(", ", j.onlyInRight));
            }
        } else {
            d = ColumnData.of(csv);
        }
        StatsInput.Grouping grouping = !o.group.isEmpty() ? StatsInput.Grouping.byColumn(o.group)
                : !o.score.isEmpty() ? StatsInput.Grouping.byCut(o.score, o.cut) : StatsInput.Grouping.none();
        EventCodes codes = o.codes.isEmpty() ? EventCodes.defaults() : EventCodes.parse(o.codes);
        double[] at = o.at.isEmpty() ? null : Args.parseDoubles("at", o.at);
        SurvivalData data = StatsInput.survival(d, o.time, o.event, grouping, codes, StatsPlugins.levels(o.levels), w);
        SurvivalAnalysis a = SurvivalAnalysis.run(data, o.confType, o.confLevel, at, w);
        Provenance prov = Provenance.start("Survival Analysis").put("input", d.source()).put("time", o.time)
                .put("event", o.event).put("grouping", grouping.describe()).put("conf_type", o.confType.label)
                .put("conf_level", o.confLevel);
        for (String m : w.all()) {
            IJ.log(TITLE + " warning: " + m);
        }
        if (grouping.isCut()) {
            StringBuilder sb = new StringBuilder(TITLE + ": groups by " + grouping.describe() + ":");
            for (int g = 0; g < data.levelCount(); g++) {
                sb.append(' ').append(data.levels().get(g)).append(" n = ").append(data.count(g));
            }
            IJ.log(sb.toString());
        }
        StatsPlugins.showTable(a.kmTable(), "Kaplan-Meier");
        StatsPlugins.showTable(atRiskTable(a), "Numbers at Risk");
        StatsPlugins.showResults(a.summaryTable());
        java.util.Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("survival_summary", a.summaryTable());
        tables.put("kaplan_meier", a.kmTable());
        tables.put("numbers_at_risk", atRiskTable(a));
        StatsPlugins.writeTables(o.folder, prov, w.all(), tables);
        IJ.log(TITLE + ": " + String.join("; ", prov.lines()));
        IJ.log(a.toText());
        if (!o.plotFile.isEmpty()) {
            PlotFiles.write(new KaplanMeierChart(a, o.time, o.bands, null), Paths.get(o.plotFile));
        }
        plot(a, o.time, o.bands).show();
    }

    static Table atRiskTable(SurvivalAnalysis a) {
        List<String> cols = new ArrayList<>();
        cols.add("group");
        for (double t : a.atTimes) {
            cols.add("t=" + Report.num(t));
        }
        Table t = new Table(cols);
        for (KaplanMeier km : a.curves) {
            Object[] row = new Object[cols.size()];
            row[0] = km.level;
            for (int i = 0; i < a.atTimes.length; i++) {
                row[i + 1] = km.atRisk(a.atTimes[i]);
            }
            t.addRow(row);
        }
        return t;
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
            plot.addLabel(0.02, 0.06, "Log-rank p = " + Report.p(a.logRank.p));
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
