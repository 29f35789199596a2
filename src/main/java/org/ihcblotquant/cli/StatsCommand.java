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
import org.ihcblotquant.job.CoxRegressionJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.stats.Alternative;
import org.ihcblotquant.stats.CutPoint;
import org.ihcblotquant.stats.DecimalMark;
import org.ihcblotquant.stats.ExtraComparison;
import org.ihcblotquant.stats.KruskalWallis;
import org.ihcblotquant.stats.MedianRule;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.WelchAnova;
import org.ihcblotquant.stats.WilcoxonSignedRank;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.plot.ForestPlotChart;
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
            "kruskal", "welch-anova", "signrank", "survival", "cox", "adjust");

    private static final Set<String> COMMON_VALUES = Args.names("table", "join", "on", "json", "csv", "plot",
            "title", "conf-level", "levels", "decimal");

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "statistics: t-tests, rank tests, ANOVA, Kaplan-Meier + log-rank, Cox regression, p-value correction";
    }

    @Override
    public String help() {
        return "Usage: ihcq stats SUBCOMMAND --table F.csv [options]\n"
                + "\n"
                + "Sub-commands:\n"
                + "  describe     n, mean, SD, SEM, median, min, max per group\n"
                + "  ttest        two-sample t-test (Welch by default), Student or paired; or the Mann-Whitney U test\n"
                + "  mannwhitney  Mann-Whitney U / Wilcoxon rank-sum test (as R wilcox.test)\n"
                + "  anova        one-way ANOVA with Tukey HSD (Tukey-Kramer for unequal n), eta^2 and omega^2\n"
                + "  kruskal      Kruskal-Wallis rank test with Dunn's pairwise tests (--adjust, Holm by default)\n"
                + "  welch-anova  Welch one-way ANOVA (unequal variances) with Games-Howell pairwise comparisons\n"
                + "  signrank     Wilcoxon signed-rank test of paired values (--pair-columns A,B or --paired-by ID)\n"
                + "  survival     Kaplan-Meier per group, median survival, numbers at risk, log-rank test,\n"
                + "               hazard ratios from one Cox model of all groups (Efron ties; and log-rank O/E)\n"
                + "  cox          Cox regression: covariates, factors, strata; tests, concordance, cox.zph\n"
                + "  adjust       Holm / Bonferroni / Benjamini-Hochberg adjusted p-values (--p COL or --p 0.01,0.2)\n"
                + "\n"
                + "Input (all sub-commands):\n"
                + "  --table F.csv       input table (comma, semicolon or tab separated; '#' comment lines skipped)\n"
                + "  --join G.csv        second table (e.g. the clinical sheet) joined to --table ...\n"
                + "  --on COL            ... on this id column (in both; COL1:COL2 when named differently);\n"
                + "                      ids without a partner are reported, never dropped silently\n"
                + "  --levels A,B,...    groups to use, in this order (default: all, sorted as R sorts factor levels)\n"
                + "  --conf-level X      confidence level of intervals (default 0.95)\n"
                + "  --decimal D         auto (default) | point | comma: decimal mark of the numbers; auto reads\n"
                + "                      ';'- or tab-separated files with numbers like 1,5 (and none like 1.5) as commas\n"
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
                + "  --alternative A     two-sided (default) | less | greater (ttest, mannwhitney, signrank; x < y is less)\n"
                + "  --value A,B,...     several columns (markers): one test each, and their p-values corrected\n"
                + "  --adjust M          holm (default) | bonferroni | bh | none: correction of the p-values of several\n"
                + "                      --value columns, of Dunn's tests (kruskal) and of --pairwise log-rank tests\n"
                + "  Two-group tests also report effect sizes: Cohen's d and Hedges' g with CI, Hodges-Lehmann shift.\n"
                + "  Two-group tests compare the first level (x) with the second (y): difference = mean_x - mean_y.\n"
                + "\n"
                + "survival:\n"
                + "  --time COL          follow-up time (required; negative times are an error)\n"
                + "  --event COL         1/0 or true/false: 1 = event (death, relapse), 0 = censored (required)\n"
                + "  --event-codes E:C   other codes, e.g. dead:alive or relapse,death:none (case-insensitive)\n"
                + "  --group COL         one curve per level of this column, or ...\n"
                + "  --score COL --cut C ... groups by a score; C is a number X (< X low, >= X high), median (<= median\n"
                + "                      low), tertiles (low / mid / high) or optimal: the cut maximising the log-rank\n"
                + "                      statistic over 10-90 % of the subjects, with the Lausen-Schumacher adjusted p;\n"
                + "                      an optimal cut is labelled DATA-CHOSEN in the text, JSON and plot\n"
                + "  --strata COL        stratified log-rank test (and stratified Cox model)\n"
                + "  --trend             log-rank test for trend over the ordered groups (scores 0, 1, 2, ...;\n"
                + "                      --trend-scores 0,1,2,3 to set them)\n"
                + "  --pairwise          log-rank test of every pair of groups, p corrected by --adjust (Holm)\n"
                + "  --separate-cox      hazard ratios from separate two-group Cox models (default: one model)\n"
                + "  --rmst TAU          restricted mean survival time up to TAU per group, with CI\n"
                + "  --survival-at T,... survival with CI per group at these times (e.g. 12,36,60 months)\n"
                + "  --median-rule R     printed (default, as R's printed survfit table) | midpoint (quantile.survfit)\n"
                + "                      (neither: one curve of all subjects)\n"
                + "  --conf-type T       log (default, as R) | log-log | plain\n"
                + "  --at T1,T2,...      times for the numbers at risk (default: the plot's axis ticks)\n"
                + "  --bands             draw the confidence bands in the plot\n"
                + "  --time-label TEXT   x axis label of the plot (default: the time column name)\n"
                + "\n"
                + "cox:\n"
                + "  --time COL --event COL (as survival) --covariates A,B  numeric covariates\n"
                + "  --factors C,D       categorical covariates (treatment contrasts; first level is the reference)\n"
                + "  --reference C=LEVEL,...  another reference level of a factor\n"
                + "  --strata COL        one baseline hazard per stratum\n"
                + "  --ties T            efron (default, as R) | breslow\n"
                + "  JSON: coefficients [term, coef, se, hr, ci_low, ci_high, z, p], lr_test, wald_test, score_test\n"
                + "  {statistic, df, p}, n, events, concordance, proportional_hazards {terms, global} (cox.zph, km)\n"
                + "  --plot FILE: forest plot of the hazard ratios\n"
                + "\n"
                + "adjust:\n"
                + "  --p COL (with --table, --name COL labels the rows) or --p 0.01,0.04,...   --method holm|bonferroni|bh\n"
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
        try {
            if (sub.equals("survival")) {
                Set<String> values = Args.names("time", "event", "event-codes", "group", "score", "cut", "conf-type",
                        "at", "time-label", "strata", "trend-scores", "adjust", "rmst", "survival-at", "median-rule");
                values.addAll(COMMON_VALUES);
                return survival(Args.parse(rest, values, Args.names("bands", "trend", "pairwise", "separate-cox")),
                        out, err);
            }
            if (sub.equals("cox")) {
                Set<String> values = Args.names("time", "event", "event-codes", "covariates", "factors", "reference",
                        "strata", "ties");
                values.addAll(COMMON_VALUES);
                return cox(Args.parse(rest, values, Args.names()), out, err);
            }
            if (sub.equals("adjust")) {
                return adjust(Args.parse(rest, Args.names("table", "p", "method", "json", "csv", "decimal", "name"),
                        Args.names()), out, err);
            }
            Set<String> values = Args.names("value", "group", "paired-by", "test", "error", "alternative", "adjust",
                    "pair-columns");
            values.addAll(COMMON_VALUES);
            return compare(sub, Args.parse(rest, values, Args.names("welch", "student")), out, err);
        } catch (FieldException e) {
            // a request field the core refused: name it as this front end spells it
            throw new UsageException(e.render(FieldSpelling.cli()));
        }
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
        DecimalMark decimal = DecimalMark.parse(a.get("decimal", "auto"));
        CsvTable t = CsvTable.read(table);
        if (a.has("join") != a.has("on")) {
            throw new UsageException("--join and --on go together");
        }
        if (!a.has("join")) {
            return ColumnData.of(t).decimal(decimal);
        }
        Path join = Paths.get(a.get("join", null));
        prov.put("join", join.toAbsolutePath().normalize());
        prov.put("join_on", a.get("on", null));
        return ColumnData.joinOn(t, CsvTable.read(join), a.get("on", null).trim()).decimal(decimal);
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
        if (sub.equals("kruskal") || sub.equals("welch-anova") || sub.equals("signrank")) {
            return compareMore(sub, a, out, err);
        }
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
        if (a.has("alternative") && !(sub.equals("ttest") || sub.equals("mannwhitney"))) {
            throw new UsageException("--alternative belongs to ttest, mannwhitney and signrank");
        }
        Alternative alternative = Alternative.parse(a.get("alternative", "two-sided"));
        List<String> valueList = list(required(a, "value"));
        if (valueList.size() > 1) {
            return compareFamily(sub, test, valueList, alternative, a, out, err);
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
        GroupComparison result = GroupComparison.run(test, gv, pairs, conf, alternative);
        Map<String, Object> r = result.toJson();
        r.putAll(json);
        String text = result.toText();
        if (test != GroupComparison.Test.NONE && test != GroupComparison.Test.ANOVA) {
            prov.put("alternative", alternative.key);
            r.put("alternative", alternative.key);
            double[] x = pairs != null ? pairs[0] : gv.values(0);
            double[] y = pairs != null ? pairs[1] : gv.values(1);
            if (pairs == null && x.length >= 2 && y.length >= 2) {
                r.put("effect_size", ExtraComparison.twoGroupEffects(x, y, conf));
                text += ExtraComparison.twoGroupEffectsText(x, y, conf);
            }
        }
        if (test == GroupComparison.Test.ANOVA) {
            double[] eo = org.ihcblotquant.stats.EffectSizes.etaOmegaSquared(result.anova);
            Map<String, Object> es = Json.object();
            es.put("eta_squared", eo[0]);
            es.put("omega_squared", eo[1]);
            r.put("effect_size", es);
            text += String.format(java.util.Locale.ROOT, "Effect size: eta^2 = %.4f, omega^2 = %.4f%n", eo[0], eo[1]);
        }
        finish(a, r, prov, w, out, err, text, csvTables(result));
        if (a.has("plot")) {
            Path plot = Paths.get(a.get("plot", null));
            PlotFiles.write(new BarChart(result, value, bars, a.get("title", null)), plot);
            out.println("plot: " + plot);
        }
        return OK;
    }

    /**
     * Several value columns (markers) compared the same way: one test per column, and the family
     * of p-values corrected ({@code --adjust}, Holm by default) next to the raw ones.
     */
    private int compareFamily(String sub, GroupComparison.Test test, List<String> valueList, Alternative alternative,
            Args a, PrintStream out, PrintStream err) throws Exception {
        if (test == GroupComparison.Test.NONE) {
            throw new UsageException("describe takes one --value column");
        }
        if (a.has("plot")) {
            throw new UsageException("--plot needs a single --value column");
        }
        PValueAdjust.Method method = PValueAdjust.Method.parse(a.get("adjust", "holm"));
        String group = required(a, "group");
        double conf = confLevel(a);
        Provenance prov = Provenance.start("ihcq stats " + sub);
        ColumnData d = load(a, prov);
        prov.put("test", test.label).put("values", String.join(",", valueList)).put("group", group)
                .put("conf_level", conf).put("adjust", method.label).put("alternative", alternative.key);
        Warnings w = new Warnings();
        Map<String, Object> root = Json.object();
        joinReport(d, w, root);
        Map<String, Object> results = Json.object();
        double[] p = new double[valueList.size()];
        StringBuilder text = new StringBuilder();
        Table family = new Table("value", "test", "p", "p_adj", "adjust");
        for (int i = 0; i < valueList.size(); i++) {
            String value = valueList.get(i);
            GroupedValues gv = StatsInput.grouped(d, value, group, levels(a), w);
            double[][] pairs = null;
            if (test == GroupComparison.Test.PAIRED) {
                pairs = StatsInput.pairs(d, value, group, required(a, "paired-by"), gv.levels().get(0),
                        gv.levels().get(1), w);
            }
            GroupComparison result = GroupComparison.run(test, gv, pairs, conf, alternative);
            results.put(value, result.toJson());
            p[i] = result.p();
            text.append("== ").append(value).append(" ==\n").append(result.toText()).append('\n');
        }
        double[] adj = PValueAdjust.adjust(p, method);
        List<Object> rows = new ArrayList<>();
        text.append(method.label).append("-adjusted p over the ").append(valueList.size()).append(" columns:\n");
        for (int i = 0; i < p.length; i++) {
            Map<String, Object> r = Json.object();
            r.put("value", valueList.get(i));
            r.put("p", p[i]);
            r.put("p_adj", adj[i]);
            rows.add(r);
            family.addRow(valueList.get(i), test.label, p[i], adj[i], method.key);
            text.append(String.format(java.util.Locale.ROOT, "  %-20s p %10s  p adj %10s%n", valueList.get(i),
                    Report.p(p[i]), Report.p(adj[i])));
        }
        root.put("analysis", "compare_family");
        root.put("test", test.label);
        root.put("results", results);
        Map<String, Object> fam = Json.object();
        fam.put("method", method.key);
        fam.put("rows", rows);
        root.put("adjusted", fam);
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("family", family);
        finish(a, root, prov, w, out, err, text.toString(), tables);
        return OK;
    }

    /** Kruskal-Wallis + Dunn, Welch ANOVA + Games-Howell, Wilcoxon signed-rank. */
    private int compareMore(String sub, Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.flag("welch") || a.flag("student") || a.has("test")) {
            throw new UsageException("--welch, --student and --test belong to 'ttest'");
        }
        if (a.has("alternative") && !sub.equals("signrank")) {
            throw new UsageException("--alternative belongs to ttest, mannwhitney and signrank");
        }
        Alternative alternative = Alternative.parse(a.get("alternative", "two-sided"));
        PValueAdjust.Method method = PValueAdjust.Method.parse(a.get("adjust", "holm"));
        double conf = confLevel(a);
        Provenance prov = Provenance.start("ihcq stats " + sub);
        Warnings w = new Warnings();
        Map<String, Object> r;
        String text;
        Table table;
        if (sub.equals("signrank")) {
            // paired: two columns of the same rows (--pair-columns before,after) or a long table
            // with --value, --group and --paired-by
            double[][] pairs;
            String lx;
            String ly;
            if (a.has("pair-columns")) {
                List<String> cols = list(a.get("pair-columns", ""));
                if (cols.size() != 2) {
                    throw new UsageException("--pair-columns takes two columns, e.g. before,after");
                }
                ColumnData d = load(a, prov);
                lx = cols.get(0);
                ly = cols.get(1);
                pairs = StatsInput.pairsOfColumns(d, lx, ly, w);
            } else {
                String value = required(a, "value");
                String group = required(a, "group");
                String pairBy = required(a, "paired-by");
                ColumnData d = load(a, prov);
                GroupedValues gv = StatsInput.grouped(d, value, group, levels(a), w);
                if (gv.levelCount() != 2) {
                    throw new InputException("the signed-rank test compares exactly 2 groups, found "
                            + gv.levelCount() + " (" + String.join(", ", gv.levels()) + "); choose two with --levels A,B");
                }
                lx = gv.levels().get(0);
                ly = gv.levels().get(1);
                pairs = StatsInput.pairs(d, value, group, pairBy, lx, ly, w);
            }
            WilcoxonSignedRank res = WilcoxonSignedRank.test(pairs[0], pairs[1], alternative);
            r = ExtraComparison.json(res, lx, ly);
            text = ExtraComparison.text(res, lx, ly);
            table = new Table("test", "comparison", "statistic", "value", "n", "p", "alternative");
            table.addRow("Wilcoxon signed-rank", lx + " vs " + ly, "V", res.v, res.n, res.p, alternative.key);
        } else {
            String value = required(a, "value");
            String group = required(a, "group");
            ColumnData d = load(a, prov);
            GroupedValues gv = StatsInput.grouped(d, value, group, levels(a), w);
            prov.put("value", value).put("group", group).put("levels", String.join(",", gv.levels()));
            if (sub.equals("kruskal")) {
                prov.put("adjust", method.label);
                KruskalWallis k = KruskalWallis.test(gv, method);
                r = ExtraComparison.json(k, gv);
                text = ExtraComparison.text(k);
                table = ExtraComparison.table(k);
            } else {
                WelchAnova wa = WelchAnova.test(gv, conf);
                r = ExtraComparison.json(wa, gv);
                text = ExtraComparison.text(wa);
                table = ExtraComparison.table(wa);
            }
        }
        prov.put("test", sub).put("conf_level", conf);
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("test", table);
        finish(a, r, prov, w, out, err, text, tables);
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
                : a.has("score") ? StatsInput.Grouping.byCut(required(a, "score"), CutPoint.parse(a.get("cut", "")))
                        : StatsInput.Grouping.none();
        SurvivalAnalysis.Options options = new SurvivalAnalysis.Options()
                .medianRule(MedianRule.parse(a.get("median-rule", "printed")))
                .separateCoxFits(a.flag("separate-cox"))
                .pairwise(a.flag("pairwise"), PValueAdjust.Method.parse(a.get("adjust", "holm")));
        if (a.has("rmst")) {
            double tau = Args.parseDouble("--rmst", a.get("rmst", ""));
            if (!(tau > 0)) {
                throw new UsageException("--rmst: the time horizon must be positive");
            }
            options.rmst(tau);
        }
        if (a.has("survival-at")) {
            options.survivalAt(Args.parseDoubles("--survival-at", a.get("survival-at", "")));
        }
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
        String strata = a.has("strata") ? required(a, "strata") : null;
        SurvivalData data = StatsInput.survival(d, time, event, grouping, codes, levels(a), strata, w);
        if (grouping.isCut()) {
            extra.put("cut", data.cut().toJson());
            prov.put("cut", data.cut().rule);
        }
        if (strata != null) {
            options.strata(strata, data.strata(), data.strataLevels());
            prov.put("strata", strata);
        }
        if (a.flag("trend") || a.has("trend-scores")) {
            double[] scores;
            if (a.has("trend-scores")) {
                scores = Args.parseDoubles("--trend-scores", a.get("trend-scores", ""));
            } else {
                // the groups in their analysis order, scored 0, 1, 2, ...
                scores = new double[data.levelCount()];
                for (int g = 0; g < scores.length; g++) {
                    scores[g] = g;
                }
            }
            options.trend(scores);
        }
        SurvivalAnalysis analysis = SurvivalAnalysis.run(data, options.conf(confType, conf).atTimes(at), w);
        Map<String, Object> r = analysis.toJson();
        r.putAll(extra);
        String text = analysis.toText();
        if (grouping.isCut()) {
            text = data.cut().describe() + "\n\n" + text;
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

    /** {@code ihcq stats cox}: the Cox regression job, its JSON, text, tables and forest plot. */
    private int cox(Args a, PrintStream out, PrintStream err) throws Exception {
        CoxRegressionJob.Builder b = new CoxRegressionJob.Builder().time(required(a, "time")).event(required(a, "event"))
                .covariates(list(a.get("covariates", ""))).factors(list(a.get("factors", "")))
                .references(a.get("reference", null)).strata(a.get("strata", null)).ties(a.get("ties", "efron"))
                .confLevel(confLevel(a)).eventCodes(a.get("event-codes", null))
                .decimal(DecimalMark.parse(a.get("decimal", "auto")));
        if (a.has("join") != a.has("on")) {
            throw new UsageException("--join and --on go together");
        }
        if (a.has("join")) {
            b.join(Paths.get(a.get("join", null)), a.get("on", null));
        }
        b.table(Paths.get(required(a, "table")));
        CoxRegressionJob.Outcome o = new CoxRegressionJob().run(b.build(), org.ihcblotquant.core.ProgressListener.NONE);
        Warnings w = new Warnings();
        for (String m : o.warnings()) {
            w.add(m);
        }
        Map<String, Object> json = o.json();
        json.remove("warnings");
        json.remove("provenance");
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("coefficients", o.coefficients());
        tables.put("tests", o.tests());
        finish(a, json, o.provenance(), w, out, err, o.text(), tables);
        if (a.has("plot")) {
            Path plot = Paths.get(a.get("plot", null));
            PlotFiles.write(new ForestPlotChart(o.model, a.get("title", null)), plot);
            out.println("plot: " + plot);
        }
        return OK;
    }

    /**
     * {@code ihcq stats adjust}: corrected p-values of a column of a table ({@code --table F
     * --p COL}) or of a list ({@code --p 0.01,0.04,0.2}), next to the raw ones.
     */
    private int adjust(Args a, PrintStream out, PrintStream err) throws Exception {
        PValueAdjust.Method method = PValueAdjust.Method.parse(a.get("method", "holm"));
        String pSpec = required(a, "p");
        Provenance prov = Provenance.start("ihcq stats adjust");
        prov.put("method", method.label);
        Warnings w = new Warnings();
        List<String> names = new ArrayList<>();
        double[] p;
        if (a.has("table")) {
            ColumnData d = load(a, prov);
            String nameCol = a.get("name", null);
            int[] pc = d.column(pSpec);
            int[] nc = nameCol == null ? null : d.column(nameCol);
            List<Double> vals = new ArrayList<>();
            for (int r = 0; r < d.size(); r++) {
                double v = StatsInput.number(d, r, pc, pSpec);
                if (!Double.isNaN(v) && (v < 0 || v > 1)) {
                    throw new InputException(d.where(r, pc, pSpec) + ": " + v + " is not a p-value (0 to 1)");
                }
                vals.add(v);
                names.add(nc == null ? String.valueOf(r + 1) : d.get(r, nc));
            }
            p = new double[vals.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = vals.get(i);
            }
        } else {
            p = Args.parseDoubles("--p", pSpec);
            for (int i = 0; i < p.length; i++) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new UsageException("--p: " + p[i] + " is not a p-value (0 to 1)");
                }
                names.add(String.valueOf(i + 1));
            }
        }
        double[] adj = PValueAdjust.adjust(p, method);
        Table t = new Table("name", "p", "p_adj");
        List<Object> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(method.label + "-adjusted p-values (" + countTests(p) + " tests):\n");
        text.append(String.format(java.util.Locale.ROOT, "%-20s %12s %12s%n", "name", "p", "p_adj"));
        for (int i = 0; i < p.length; i++) {
            t.addRow(names.get(i), p[i], adj[i]);
            Map<String, Object> r = Json.object();
            r.put("name", names.get(i));
            r.put("p", p[i]);
            r.put("p_adj", adj[i]);
            rows.add(r);
            text.append(String.format(java.util.Locale.ROOT, "%-20s %12s %12s%n", names.get(i),
                    Double.isNaN(p[i]) ? "NA" : Report.p(p[i]), Double.isNaN(adj[i]) ? "NA" : Report.p(adj[i])));
        }
        Map<String, Object> json = Json.object();
        json.put("analysis", "adjust");
        json.put("method", method.key);
        json.put("tests", countTests(p));
        json.put("rows", rows);
        Map<String, Table> tables = new java.util.LinkedHashMap<>();
        tables.put("adjusted", t);
        finish(a, json, prov, w, out, err, text.toString(), tables);
        return OK;
    }

    private static int countTests(double[] p) {
        int n = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> list(String spec) {
        List<String> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
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
