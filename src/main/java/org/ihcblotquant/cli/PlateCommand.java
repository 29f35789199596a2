package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.PlateJob;
import org.ihcblotquant.job.PlateOutcome;
import org.ihcblotquant.job.PlateRequest;
import org.ihcblotquant.plate.ConditionSummary;
import org.ihcblotquant.plate.Dunnett;
import org.ihcblotquant.plate.Normalisation;
import org.ihcblotquant.plate.PlateResult;
import org.ihcblotquant.plate.PlateSettings;
import org.ihcblotquant.plate.PlateTables;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.Report;

/** {@code ihcq plate}: plate assays (CCK-8, Caspase-Glo...) from plate-reader exports; a thin adapter over {@link PlateJob}. */
public final class PlateCommand implements CliCommand {

    @Override
    public String name() {
        return "plate";
    }

    @Override
    public String summary() {
        return "plate assays (CCK-8, Caspase-Glo): blank subtraction, % of control, ANOVA, Dunnett, Tukey";
    }

    @Override
    public String help() {
        return "Usage: ihcq plate READS --layout LAYOUT --blank NAME --control NAME [options]\n"
                + "\n"
                + "READS: a plate-reader export: 8x12 or 16x24 grids (a row of column numbers, then rows A-H / A-P)\n"
                + "  with any header lines above them, several grids = plates 1..n; or a long table 'well,value'.\n"
                + "  Comma, semicolon or tab separated; decimal commas accepted. Overflow marks (OVRFLW, *****)\n"
                + "  are flagged and left out, never read as 0; other text in a well is an error.\n"
                + "LAYOUT: the same grid form holding condition names (empty = unused well), or 'well,condition[,dose]'\n"
                + "  rows; one layout for every plate, or one grid per plate. 'Name dose [unit]' (e.g. 'Dox 0.5 uM')\n"
                + "  or a dose column orders dose series by dose.\n"
                + "\n"
                + "Options:\n"
                + "  --layout FILE       plate layout (required)\n"
                + "  --blank NAME        condition of the blank wells (medium, no cells) (required)\n"
                + "  --control NAME      condition the others are compared with (required)\n"
                + "  --normalise M       percent-of-control (default): 100 (v - mean blank) / (mean control - mean blank)\n"
                + "                      fold: the same ratio without 100; none: v - mean blank\n"
                + "  --exclude WELLS     leave wells out, e.g. A1,B7 (every plate) or 2:B7 (plate 2 only)\n"
                + "  --max-od X          flag absorbance readings above X (default 3.5; 'none' = no check;\n"
                + "                      not applied to luminescence/fluorescence counts, i.e. readings above 10)\n"
                + "  --plate N           analyse only plate N of the file (default: every plate)\n"
                + "  --conf-level X      level of the Dunnett and Tukey intervals (default 0.95)\n"
                + "\n"
                + "Output:\n"
                + "  (default)           per-condition table and tests on standard output; warnings on standard error\n"
                + "  --out FILE.csv      per condition: plate, condition, dose, n, mean, sd, sem, mean_raw, sd_raw,\n"
                + "                      cv_percent, role, p_vs_control (provenance as '#' lines)\n"
                + "  --wells FILE.csv    per well: raw, blank_subtracted, normalised, robust_z, used, flags\n"
                + "  --json FILE         everything at full precision (--json - prints it instead of the text). Keys:\n"
                + "                      conditions, anova {F, df_between, df_within, p}, dunnett [condition, vs,\n"
                + "                      difference, ci_low, ci_high, p], tukey (as 'ihcq stats anova'), welch (exactly\n"
                + "                      two conditions), wells, warnings, provenance; several plates: 'plates' [...]\n"
                + "  --plot FILE         .png or .svg: mean +- SD bars, wells as points, marks vs control\n"
                + "                      (several plates: FILE_plateN.png)\n"
                + "  --title TEXT        plot title\n"
                + "\n"
                + "Checks: outliers (Grubbs alpha 0.05; robust z > 3.5 with n >= 6) and readings above --max-od are\n"
                + "flagged, not removed; CV above 20 % is a warning; blanks reading higher than the control are refused.\n"
                + "Statistics on the normalised values of the non-blank conditions: one-way ANOVA, Dunnett's test of\n"
                + "each condition against the control (two-sided, single-step, as R multcomp / scipy.stats.dunnett),\n"
                + "Tukey HSD, and with exactly two conditions Welch's t-test.\n"
                + "\n"
                + "Example:\n"
                + "  ihcq plate test-images/plates/saos2-reads.csv --layout test-images/plates/saos2-layout.csv \\\n"
                + "      --plate 1 --blank Blank --control Control --out cck8.csv --json cck8.json --plot cck8.png\n"
                + "\n"
                + "Exit codes: 0 done; 1 bad input (message names file, plate and well); 2 invalid options.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("layout", "blank", "control", "normalise", "normalize", "exclude", "out",
                "wells", "json", "plot", "max-od", "plate", "conf-level", "title"), Args.names());
        if (a.positional().size() != 1) {
            throw new UsageException(a.positional().isEmpty() ? "give the plate-reader export (READS)"
                    : "one READS file expected, got " + a.positional().size());
        }
        return run(a, out, err);
    }

    private static int run(Args a, PrintStream out, PrintStream err) throws Exception {
        String norm = a.get("normalise", a.get("normalize", Normalisation.PERCENT_OF_CONTROL.key));
        String maxOdText = a.get("max-od", null);
        double maxOd = maxOdText == null ? PlateSettings.DEFAULT_MAX_OD
                : maxOdText.trim().equalsIgnoreCase("none") ? Double.NaN : Args.parseDouble("--max-od", maxOdText);
        PlateSettings settings = new PlateSettings(required(a, "blank"), required(a, "control"),
                Normalisation.parse(norm), PlateSettings.parseExclude(a.get("exclude", null)), maxOd,
                a.getDouble("conf-level", 0.95));
        boolean jsonToStdout = "-".equals(a.get("json", null));
        PlateRequest.Builder b = PlateRequest.builder(Paths.get(a.positional().get(0)),
                Paths.get(required(a, "layout")), settings).plate(a.getInt("plate", 0)).title(a.get("title", null));
        if (a.has("out")) {
            b.conditionsCsv(Paths.get(a.get("out", null)));
        }
        if (a.has("wells")) {
            b.wellsCsv(Paths.get(a.get("wells", null)));
        }
        if (a.has("json") && !jsonToStdout) {
            b.json(Paths.get(a.get("json", null)));
        }
        if (a.has("plot")) {
            b.plot(Paths.get(a.get("plot", null)));
        }
        PlateOutcome o = new PlateJob().run(b.build(), ProgressListener.NONE);
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        if (jsonToStdout) {
            out.print(Json.write(o.json()));
        } else {
            out.print(text(o));
        }
        for (Path p : o.written()) {
            out.println("wrote " + p);
        }
        return OK;
    }

    private static String required(Args a, String name) {
        String v = a.get(name, null);
        if (v == null || v.trim().isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return v.trim();
    }

    /** Human-readable results: per plate the condition table and the tests. */
    static String text(PlateOutcome o) {
        StringBuilder sb = new StringBuilder();
        for (PlateResult p : o.plates()) {
            sb.append(String.format(Locale.ROOT, "Plate %d (%s; blank mean %s, control mean %s after blank subtraction)%n",
                    p.plate, p.normalisation.unit, Report.num(p.blankMean), Report.num(p.controlMean)));
            sb.append(String.format(Locale.ROOT, "%-24s %3s %10s %10s %10s %10s %10s %7s %10s%n", "condition", "n",
                    "mean", "sd", "sem", "mean_raw", "sd_raw", "cv%", "p vs ctrl"));
            for (ConditionSummary c : p.conditions) {
                double pv = PlateTables.pVsControl(p, c);
                sb.append(String.format(Locale.ROOT, "%-24s %3d %10s %10s %10s %10s %10s %7s %10s%n", c.condition, c.n,
                        Report.num(c.mean), Report.num(c.sd), Report.num(c.sem), Report.num(c.meanRaw),
                        Report.num(c.sdRaw), Report.num(Math.round(c.cvPercent * 10) / 10.0),
                        Double.isNaN(pv) ? "" : Report.p(pv)));
            }
            if (p.anova != null) {
                sb.append(String.format(Locale.ROOT, "One-way ANOVA: F(%d, %d) = %s, p = %s%n", p.anova.dfBetween,
                        p.anova.dfWithin, Report.num(p.anova.f), Report.p(p.anova.p)));
            }
            if (p.dunnett != null) {
                sb.append("Dunnett vs ").append(p.dunnett.rows.get(0).vs).append(" (two-sided, ")
                        .append(Report.num(p.dunnett.confLevel * 100)).append("% simultaneous CI):\n");
                for (Dunnett.Row r : p.dunnett.rows) {
                    sb.append(String.format(Locale.ROOT, "  %-24s diff %10s  CI %10s to %10s  p = %s%n", r.condition,
                            Report.num(r.difference), Report.num(r.ciLow), Report.num(r.ciHigh), Report.p(r.p)));
                }
            }
            if (p.welch != null) {
                sb.append(String.format(Locale.ROOT, "Welch t-test %s vs %s: t = %s, df = %s, p = %s%n", p.welch.x.level,
                        p.welch.y.level, Report.num(p.welch.t), Report.num(p.welch.df), Report.p(p.welch.p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
