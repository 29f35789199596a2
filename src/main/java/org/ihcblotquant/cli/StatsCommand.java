package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.GroupedValues;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.SurvivalData;
import org.ihcblotquant.stats.Warnings;
import org.ihcblotquant.stats.plot.BarChart;
import org.ihcblotquant.stats.plot.KaplanMeierChart;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * {@code ihcq stats}: group comparisons and survival analysis of any CSV (our results tables,
 * a clinical sheet, or both joined on an id). A thin adapter over {@code org.ihcblotquant.stats}.
 */
public final class StatsCommand implements CliCommand {

    private static final List<String> SUBCOMMANDS = Arrays.asList("describe", "ttest", "mannwhitney", "anova",
            "survival");

    private static final Set<String> COMMON_VALUES = Args.names("table", "join", "on", "json", "csv", "plot",
            "title", "conf-level", "levels");

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "statistics: t-tests, Mann-Whitney, ANOVA + Tukey, Kaplan-Meier + log-rank + hazard ratio";
    }

    @Override
    public String help() {
        return "Usage: ihcq stats SUBCOMMAND --table F.csv [options]\n"
                + "\n"
                + "Sub-commands:\n"
                + "  describe     n, mean, SD, SEM, median, min, max per group\n"
                + "  ttest        two-sample t-test (Welch by default), Student or paired; or the Mann-Whitney U test\n"
                + "  mannwhitney  Mann-Whitney U / Wilcoxon rank-sum test (as R wilcox.test)\n"
                + "  anova        one-way ANOVA with Tukey HSD (Tukey-Kramer for unequal n)\n"
                + "  survival     Kaplan-Meier per group, median survival, numbers at risk, log-rank test,\n"
                + "               hazard ratio (Cox model, Efron ties; and log-rank O/E)\n"
                + "\n"
                + "Input (all sub-commands):\n"
                + "  --table F.csv       input table (comma, semicolon or tab separated; '#' comment lines skipped)\n"
                + "  --join G.csv        second table (e.g. the clinical sheet) joined to --table ...\n"
                + "  --on COL            ... on this id column (in both; COL1:COL2 when named differently);\n"
                + "                      ids without a partner are reported, never dropped silently\n"
                + "  --levels A,B,...    groups to use, in this order (default: all, sorted as R sorts factor levels)\n"
                + "  --conf-level X      confidence level of intervals (default 0.95)\n"
                + "  Missing cells (empty, NA, NaN, N/A, -) are skipped and counted in a warning, never read as 0;\n"
                + "  any other non-numeric value is an error naming the file, row and column.\n"
                + "\n"
                + "describe / ttest / mannwhitney / anova:\n"
                + "  --value COL         numeric column to compare (required)\n"
                + "  --group COL         column holding the group of each row (required)\n"
                + "  --welch             ttest: Welch test, unequal variances (default)\n"
                + "  --student           ttest: Student test, pooled variance\n"
                + "  --paired-by COL     ttest: paired t-test; rows of the two groups are matched on this id column\n"
                + "  --test T            ttest: welch | student | paired | wilcoxon (= mannwhitney)\n"
                + "  --error sd|sem      error bars of the plot (default sd)\n"
                + "  Two-group tests compare the first level (x) with the second (y): difference = mean_x - mean_y.\n"
                + "\n"
                + "survival:\n"
                + "  --time COL          follow-up time (required; negative times are an error)\n"
                + "  --event COL         1/0 or true/false: 1 = event (death, relapse), 0 = censored (required)\n"
                + "  --event-codes E:C   other codes, e.g. dead:alive or relapse,death:none (case-insensitive)\n"
                + "  --group COL         one curve per level of this column, or ...\n"
                + "  --score COL --cut X ... two groups by a score: < X is 'low', >= X is 'high' (counts reported)\n"
                + "                      (neither: one curve of all subjects)\n"
                + "  --conf-type T       log (default, as R) | log-log | plain\n"
                + "  --at T1,T2,...      times for the numbers at risk (default: the plot's axis ticks)\n"
                + "  --bands             draw the confidence bands in the plot\n"
                + "  --time-label TEXT   x axis label of the plot (default: the time column name)\n"
                + "\n"
                + "Output:\n"
                + "  (default)           human-readable results on standard output; warnings on standard error\n"
                + "  --json FILE         results as JSON, numbers at full precision, with \"provenance\" and \"warnings\"\n"
                + "                      (--json - prints the JSON instead of the text)\n"
                + "  --csv FILE          results table as CSV with provenance '#' comment lines (survival: the\n"
                + "                      Kaplan-Meier tables, and one row per group in FILE_summary.csv; tests:\n"
                + "                      the test rows, and the descriptives in FILE_descriptives.csv; describe:\n"
                + "                      the descriptives)\n"
                + "  --plot FILE         .png or .svg: bar chart of mean +- SD/SEM with points and p-value, or\n"
                + "                      Kaplan-Meier curves with censor marks, at-risk table, n/events and log-rank p\n"
                + "  --title TEXT        plot title\n"
                + "\n"
                + "JSON keys: ttest: t, df, p, ci_low, ci_high, mean_x, mean_y, sd_x, sd_y, sem_x, sem_y, n_x, n_y;\n"
                + "  mannwhitney: W (R's W = U of x), p, exact; anova: F, df_between, df_within, ss_between, ss_within,\n"
                + "  ms_between, ms_within, p, tukey {q_crit, rows [pair \"B-A\", diff, lwr, upr, p_adj]};\n"
                + "  survival: groups [level, n, events, median, median_lower, median_upper, table [time, n_risk,\n"
                + "  n_event, n_censor, surv, std_err, lower, upper], at_risk], logrank {chisq, df, p, observed,\n"
                + "  expected}, hazard_ratio {method, hr, lower, upper, reference}. null = NA / not reached.\n"
                + "\n"
                + "Examples:\n"
                + "  ihcq stats ttest --table scores.csv --value dab_fraction --group response --levels resistant,sensitive\n"
                + "  ihcq stats anova --table weights.csv --value weight --group group --plot bars.png\n"
                + "  ihcq stats survival --table scores.csv --join clinical.csv --on patient --time os_months \\\n"
                + "      --event death --score h_score_norm --cut 0.5 --at 0,12,24,36 --plot km.svg --json km.json\n"
                + "\n"
                + "Exit codes: 0 done; 1 bad input (message names file, row and column); 2 invalid options.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || !SUBCOMMANDS.contains(args.get(0))) {
            throw new UsageException(args.isEmpty() ? "missing sub-command (" + String.join(", ", SUBCOMMANDS) + ")"
                    : "unknown sub-command '" + args.get(0) + "' (" + String.join(", ", SUBCOMMANDS) + ")");
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (sub.equals("survival")) {
            Set<String> values = Args.names("time", "event", "event-codes", "group", "score", "cut", "conf-type", "at",
                    "time-label");
            values.addAll(COMMON_VALUES);
            return survival(Args.parse(rest, values, Args.names("bands")), out, err);
        }
        Set<String> values = Args.names("value", "group", "paired-by", "test", "error");
        values.addAll(COMMON_VALUES);
        return compare(sub, Args.parse(rest, values, Args.names("welch", "student")), out, err);
    }

    private static String required(Args a, String name) {
        String v = a.get(name, null);
        if (v == null || v.trim().isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return v.trim();
    }

    private static List<String> levels(Args a) {
        if (!a.has("levels")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : a.get("levels", "").split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static double confLevel(Args a) {
        double c = a.getDouble("conf-level", 0.95);
        if (!(c > 0 && c < 1)) {
            throw new UsageException("--conf-level must be between 0 and 1, e.g. 0.95");
        }
        return c;
    }

    /** Reads --table, joined with --join on --on when given. */
    private static ColumnData load(Args a, Provenance prov) {
        Path table = Paths.get(required(a, "table"));
        prov.put("input", table.toAbsolutePath().normalize());
        CsvTable t = CsvTable.read(table);
        if (a.has("join") != a.has("on")) {
            throw new UsageException("--join and --on go together");
        }
        if (!a.has("join")) {
            return ColumnData.of(t);
        }
        Path join = Paths.get(a.get("join", null));
        prov.put("join", join.toAbsolutePath().normalize());
        prov.put("join_on", a.get("on", null));
        return ColumnData.joinOn(t, CsvTable.read(join), a.get("on", null).trim());
    }

    private static void joinReport(ColumnData d, Warnings w, Map<String, Object> json) {
        ColumnData.JoinReport j = d.joinReport();
        if (j == null) {
            return;
        }
        Map<String, Object> m = Json.object();
        m.put("on", j.on);
        m.put("matched", j.matched);
        m.put("only_in_table", j.onlyInLeft);
        m.put("only_in_join", j.onlyInRight);
        json.put("join", m);
        if (!j.onlyInLeft.isEmpty()) {
            w.add(j.onlyInLeft.size() + " id(s) of " + j.left + " not in " + j.right + " (left out): "
                    + String.join(", ", j.onlyInLeft));
        }
        if (!j.onlyInRight.isEmpty()) {
            w.add(j.onlyInRight.size() + " id(s) of " + j.right + " not in " + j.left + " (left out): "
                    + String.join(", ", j.onlyInRight));
        }
    }

    private int compare(String sub, Args a, PrintStream out, PrintStream err) throws Exception {
        GroupComparison.Test test;
        switch (sub) {
            case "describe":
                test = GroupComparison.Test.NONE;
                break;
            case "anova":
                test = GroupComparison.Test.ANOVA;
                break;
            case "mannwhitney":
                test = GroupComparison.Test.MANN_WHITNEY;
                break;
            default:
                test = ttestKind(a);
        }
        if (!sub.equals("ttest") && (a.flag("welch") || a.flag("student") || a.has("paired-by") || a.has("test"))) {
            throw new UsageException("--welch, --student, --paired-by and --test belong to 'ttest'");
        }
        // options first: a usage error must not wait for a file to be read
        String value = required(a, "value");
        String group = required(a, "group");
        double conf = confLevel(a);
        String error = Args.lower(a.get("error", "sd"));
        if (!error.equals("sd") && !error.equals("sem")) {
            throw new UsageException("--error must be sd or sem");
        }
        BarChart.ErrorBars bars = error.equals("sem") ? BarChart.ErrorBars.SEM : BarChart.ErrorBars.SD;
        Provenance prov = Provenance.start("ihcq stats " + sub);
        ColumnData d = load(a, prov);
        prov.put("test", test.label).put("value", value).put("group", group).put("conf_level", conf);
        Warnings w = new Warnings();
        Map<String, Object> json = Json.object();
        joinReport(d, w, json);
        GroupedValues gv = StatsInput.grouped(d, value, group, levels(a), w);
        prov.put("levels", String.join(",", gv.levels()));
        double[][] pairs = null;
        if (test == GroupComparison.Test.PAIRED) {
            if (gv.levelCount() != 2) {
                throw new InputException("paired t-test compares exactly 2 groups, found " + gv.levelCount() + " ("
                        + String.join(", ", gv.levels()) + "); choose two with --levels A,B");
            }
            String pairBy = required(a, "paired-by");
            prov.put("paired_by", pairBy);
            pairs = StatsInput.pairs(d, value, group, pairBy, gv.levels().get(0), gv.levels().get(1), w);
        }
        GroupComparison result = GroupComparison.run(test, gv, pairs, conf);
        Map<String, Object> r = result.toJson();
        r.putAll(json);
        finish(a, r, prov, w, out, err, result.toText(), csvTables(result));
        if (a.has("plot")) {
            Path plot = Paths.get(a.get("plot", null));
            PlotFiles.write(new BarChart(result, value, bars, a.get("title", null)), plot);
            out.println("plot: " + plot);
        }
        return OK;
    }

    /** The tables --csv writes: the first to FILE, the others to FILE_<name>.csv. */
    private static Map<String, Table> csvTables(GroupComparison r) {
        Map<String, Table> t = new java.util.LinkedHashMap<>();
        if (r.test != GroupComparison.Test.NONE) {
            t.put("test", r.testTable());
        }
        t.put("descriptives", r.descriptivesTable());
        return t;
    }

    private static GroupComparison.Test ttestKind(Args a) {
        int given = (a.flag("welch") ? 1 : 0) + (a.flag("student") ? 1 : 0) + (a.has("paired-by") ? 1 : 0);
        if (a.has("test")) {
            GroupComparison.Test t;
            try {
                t = GroupComparison.Test.parse(a.get("test", ""));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--test must be welch, student, paired or wilcoxon");
            }
            if (t == GroupComparison.Test.ANOVA || t == GroupComparison.Test.NONE) {
                throw new UsageException("--test must be welch, student, paired or wilcoxon");
            }
            if (t == GroupComparison.Test.PAIRED && !a.has("paired-by")) {
                throw new UsageException("--test paired needs --paired-by COL");
            }
            if (a.flag("welch") || a.flag("student") || (t != GroupComparison.Test.PAIRED && a.has("paired-by"))) {
                throw new UsageException("--test " + t.key + " contradicts --welch / --student / --paired-by");
            }
            return t;
        }
        if (given > 1) {
            throw new UsageException("choose one of --welch, --student and --paired-by");
        }
        if (a.flag("student")) {
            return GroupComparison.Test.STUDENT;
        }
        return a.has("paired-by") ? GroupComparison.Test.PAIRED : GroupComparison.Test.WELCH;
    }

    private int survival(Args a, PrintStream out, PrintStream err) throws Exception {
        String time = required(a, "time");
        String event = required(a, "event");
        if (a.has("group") && (a.has("score") || a.has("cut"))) {
            throw new UsageException("use either --group or --score with --cut");
        }
        if (a.has("score") != a.has("cut")) {
            throw new UsageException("--score and --cut go together");
        }
        StatsInput.Grouping grouping = a.has("group") ? StatsInput.Grouping.byColumn(required(a, "group"))
                : a.has("score") ? StatsInput.Grouping.byCut(required(a, "score"), a.getDouble("cut", 0.5))
                        : StatsInput.Grouping.none();
        ConfType confType;
        try {
            confType = ConfType.parse(a.get("conf-type", "log"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--conf-type: " + e.getMessage());
        }
        EventCodes codes;
        try {
            codes = a.has("event-codes") ? EventCodes.parse(a.get("event-codes", "")) : EventCodes.defaults();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--event-codes: " + e.getMessage());
        }
        double[] at = null;
        if (a.has("at")) {
            at = Args.parseDoubles("--at", a.get("at", ""));
            for (double t : at) {
                if (t < 0) {
                    throw new UsageException("--at: times must not be negative");
                }
            }
        }
        double conf = confLevel(a);
        Provenance prov = Provenance.start("ihcq stats survival");
        ColumnData d = load(a, prov);
        prov.put("time", time).put("event", event).put("event_codes", codes.describe())
                .put("grouping", grouping.describe()).put("conf_type", confType.label).put("conf_level", conf)
                .put("ties", "efron (Cox); hypergeometric variance (log-rank)");
        Warnings w = new Warnings();
        Map<String, Object> extra = Json.object();
        joinReport(d, w, extra);
        SurvivalData data = StatsInput.survival(d, time, event, grouping, codes, levels(a), w);
        if (grouping.isCut()) {
            Map<String, Object> cut = Json.object();
            cut.put("score", a.get("score", null));
            cut.put("cut", a.getDouble("cut", 0.5));
            cut.put("rule", "score < cut: low; score >= cut: high");
            Map<String, Object> counts = Json.object();
            for (int g = 0; g < data.levelCount(); g++) {
                counts.put(data.levels().get(g), data.count(g));
            }
            cut.put("counts", counts);
            extra.put("cut", cut);
        }
        SurvivalAnalysis analysis = SurvivalAnalysis.run(data, confType, conf, at, w);
        Map<String, Object> r = analysis.toJson();
        r.putAll(extra);
        String text = analysis.toText();
        if (grouping.isCut()) {
            StringBuilder sb = new StringBuilder("Groups by " + grouping.describe() + ":");
            for (int g = 0; g < data.levelCount(); g++) {
                sb.append(" ").append(data.levels().get(g)).append(" n = ").append(data.count(g))
                        .append(g + 1 < data.levelCount() ? "," : "");
            }
            text = sb + "\n\n" + text;
        }
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("kaplan_meier", analysis.kmTable());
        tables.put("summary", analysis.summaryTable());
        finish(a, r, prov, w, out, err, text, tables);
        if (a.has("plot")) {
            Path plot = Paths.get(a.get("plot", null));
            PlotFiles.write(new KaplanMeierChart(analysis, a.get("time-label", time), a.flag("bands"),
                    a.get("title", null)), plot);
            out.println("plot: " + plot);
        }
        return OK;
    }

    /** Prints text (or JSON with --json -), writes --json and --csv, reports warnings. */
    private static void finish(Args a, Map<String, Object> json, Provenance prov, Warnings w, PrintStream out,
            PrintStream err, String text, Map<String, Table> tables) throws Exception {
        json.put("warnings", w.all());
        Map<String, Object> p = Json.object();
        p.putAll(prov.entries());
        json.put("provenance", p);
        String jsonPath = a.get("json", null);
        if ("-".equals(jsonPath)) {
            out.print(Json.write(json));
        } else {
            out.print(text);
            if (jsonPath != null) {
                AtomicFiles.writeText(Paths.get(jsonPath), Json.write(json));
                out.println("json: " + jsonPath);
            }
        }
        for (String m : w.all()) {
            err.println("warning: " + m);
        }
        if (a.has("csv")) {
            // the first table goes to FILE, further ones (descriptives) next to it as FILE_<name>.csv
            Path csv = Paths.get(a.get("csv", null));
            boolean first = true;
            for (Map.Entry<String, Table> e : tables.entrySet()) {
                Table t = e.getValue();
                t.addComments(prov.lines());
                for (String m : w.all()) {
                    t.addComment("warning: " + m);
                }
                Path target = first ? csv : sibling(csv, e.getKey());
                first = false;
                CsvFormat.write(t, target);
                out.println("csv: " + target);
            }
        }
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.length() - 4 : name.length();
        return file.resolveSibling(name.substring(0, dot) + "_" + suffix + ".csv");
    }
}
