package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.job.CompareGroupsJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.StatsOutputs;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.job.SurvivalJob;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.job.CoxRegressionJob;
import org.ihcblotquant.stats.Alternative;
import org.ihcblotquant.stats.CutPoint;
import org.ihcblotquant.stats.DecimalMark;
import org.ihcblotquant.stats.MedianRule;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.plot.BarChart;

/**
 * {@code ihcq stats}: group comparisons and survival analysis of any CSV (our results tables,
 * a clinical sheet, or both joined on an id). A thin adapter over {@code org.ihcblotquant.stats}.
 */
public final class StatsCommand implements CliCommand {

    private static final List<String> SUBCOMMANDS = Arrays.asList("describe", "ttest", "mannwhitney", "anova",
            "kruskal", "welch-anova", "signrank", "survival", "cox", "adjust");

    private static final Set<String> COMMON_VALUES = Args.names("table", "join", "on", "json", "csv", "plot",
            "title", "conf-level", "levels", "pool-by", "decimal");

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
                + "               with their interval from the noncentral F (--conf-level)\n"
                + "  kruskal      Kruskal-Wallis rank test with Dunn's pairwise tests (--adjust, Holm by default)\n"
                + "  welch-anova  Welch one-way ANOVA (unequal variances) with Games-Howell pairwise comparisons\n"
                + "  signrank     Wilcoxon signed-rank test of paired values (--paired-by ID)\n"
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
                + "  --pool-by COL       one row per id of COL (numeric columns averaged), e.g. slide for a per-image\n"
                + "                      table; joining on a column whose ids repeat pools by it too\n"
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
                + "  --covariates A,B --factors C  hazard ratios of the groups adjusted for these columns\n"
                + "                      (one Cox model; JSON cox_adjusted; --reference C=LEVEL for a factor)\n"
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
                + "  --plot FILE: forest plot of the hazard ratios; --csv FILE: coefficients (tests in FILE_tests.csv)\n"
                + "\n"
                + "adjust:\n"
                + "  --p COL (with --table, --name COL labels the rows) or --p 0.01,0.04,...   --method holm|bonferroni|bh\n"
                + "\n"
                + "Output:\n"
                + "  (default)           human-readable results on standard output; warnings on standard error\n"
                + "  --json FILE         results as JSON, numbers at full precision, with \"provenance\" and \"warnings\"\n"
                + "                      (--json - prints the JSON instead of the text)\n"
                + "  --csv FILE          results table as CSV with provenance '#' comment lines (survival: the\n"
                + "                      Kaplan-Meier tables, one row per group in FILE_summary.csv and the\n"
                + "                      numbers at risk in FILE_numbers_at_risk.csv; tests:\n"
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
                    "time-label", "strata", "trend-scores", "adjust", "rmst", "survival-at", "median-rule",
                    "covariates", "factors", "reference");
            values.addAll(COMMON_VALUES);
            return survival(Args.parse(rest, values, Args.names("bands", "trend", "pairwise", "separate-cox")), args,
                    out, err);
        }
        if (sub.equals("cox")) {
            Set<String> values = Args.names("time", "event", "event-codes", "covariates", "factors", "reference",
                    "strata", "ties");
            values.addAll(COMMON_VALUES);
            return cox(Args.parse(rest, values, Args.names()), args, out, err);
        }
        if (sub.equals("adjust")) {
            return adjust(Args.parse(rest, Args.names("table", "p", "method", "json", "csv", "decimal", "name"),
                    Args.names()), out, err);
        }
        Set<String> values = Args.names("value", "group", "paired-by", "test", "error", "alternative", "adjust");
        values.addAll(COMMON_VALUES);
        return compare(sub, Args.parse(rest, values, Args.names("welch", "student")), args, out, err);
    }

    private static String required(Args a, String name) {
        String v = a.get(name, null);
        if (v == null || v.trim().isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return v.trim();
    }

    /** --table, joined with --join on --on, pooled by --pool-by. */
    private static StatsSource source(Args a) {
        StatsSource src = StatsSource.file(Paths.get(required(a, "table")));
        if (a.has("join") != a.has("on")) {
            throw new UsageException("--join and --on go together");
        }
        if (a.has("join")) {
            src = src.joinedWith(Paths.get(a.get("join", null)), a.get("on", null));
        }
        return src.pooledBy(a.get("pool-by", null)).decimal(DecimalMark.parse(a.get("decimal", "auto")));
    }

    /** --json (unless -), --csv and --plot. */
    private static StatsOutputs outputs(Args a) {
        StatsOutputs o = StatsOutputs.none();
        String json = a.get("json", null);
        if (json != null && !json.equals("-")) {
            o = o.json(Paths.get(json));
        }
        if (a.has("csv")) {
            o = o.csv(Paths.get(a.get("csv", null)));
        }
        if (a.has("plot")) {
            o = o.plot(Paths.get(a.get("plot", null)));
        }
        return o;
    }

    private int compare(String sub, Args a, List<String> argv, PrintStream out, PrintStream err) throws Exception {
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
            case "kruskal":
                test = GroupComparison.Test.KRUSKAL;
                break;
            case "welch-anova":
                test = GroupComparison.Test.WELCH_ANOVA;
                break;
            case "signrank":
                test = GroupComparison.Test.SIGNRANK;
                break;
            default:
                test = ttestKind(a);
        }
        boolean pairedSub = sub.equals("ttest") || sub.equals("signrank");
        if (!sub.equals("ttest") && (a.flag("welch") || a.flag("student") || a.has("test"))
                || !pairedSub && a.has("paired-by")) {
            throw new UsageException("--welch, --student, --paired-by and --test belong to 'ttest'"
                    + " (--paired-by also to 'signrank')");
        }
        if (a.has("alternative") && !(sub.equals("ttest") || sub.equals("mannwhitney") || sub.equals("signrank"))) {
            throw new UsageException("--alternative belongs to ttest, mannwhitney and signrank");
        }
        Alternative alternative = Alternative.parse(a.get("alternative", "two-sided"));
        PValueAdjust.Method adjust = PValueAdjust.Method.parse(a.get("adjust", "holm"));
        List<String> valueList = Fields.optionalList(required(a, "value"));
        if (valueList.size() > 1) {
            return compareFamily(sub, test, valueList, alternative, adjust, a, argv, out, err);
        }
        String error = Args.lower(a.get("error", "sd"));
        if (!error.equals("sd") && !error.equals("sem")) {
            throw new UsageException("--error must be sd or sem");
        }
        CompareGroupsJob.Request q = CompareGroupsJob.Request.builder(source(a), test)
                .value(required(a, "value")).group(required(a, "group")).levels(Fields.optionalList(a.get("levels", null)))
                .pairBy(a.get("paired-by", null)).confLevel(a.getDouble("conf-level", 0.95))
                .alternative(alternative).adjust(adjust)
                .errorBars(error.equals("sem") ? BarChart.ErrorBars.SEM : BarChart.ErrorBars.SD)
                .title(a.get("title", null)).outputs(outputs(a))
                .command(CommandLines.quoted("ihcq stats", argv)).build();
        CompareGroupsJob.Outcome o = new CompareGroupsJob().run(q, ProgressListener.NONE);
        present(a, o.json(), o.text(), o.warnings(), o.written(), out, err);
        return OK;
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

    private int survival(Args a, List<String> argv, PrintStream out, PrintStream err) throws Exception {
        if (a.has("group") && (a.has("score") || a.has("cut"))) {
            throw new UsageException("use either --group or --score with --cut");
        }
        if (a.has("score") != a.has("cut")) {
            throw new UsageException("--score and --cut go together");
        }
        SurvivalJob.Builder b = SurvivalJob.Request.builder(source(a)).time(required(a, "time"))
                .event(required(a, "event"));
        if (a.has("group")) {
            b.group(required(a, "group"));
        } else if (a.has("score")) {
            b.scoreCut(required(a, "score"), CutPoint.parse(a.get("cut", "")));
        }
        SurvivalAnalysis.Options options = new SurvivalAnalysis.Options()
                .medianRule(MedianRule.parse(a.get("median-rule", "printed")))
                .separateCoxFits(a.flag("separate-cox"))
                .pairwise(a.flag("pairwise"), PValueAdjust.Method.parse(a.get("adjust", "holm")));
        if (a.has("rmst")) {
            double tau = Args.parseDouble("--rmst", a.get("rmst", ""));
            if (!(tau > 0)) {
                throw new FieldException("rmst", "the time horizon must be positive");
            }
            options.rmst(tau);
        }
        if (a.has("survival-at")) {
            options.survivalAt(Args.parseDoubles("--survival-at", a.get("survival-at", "")));
        }
        b.adjustFor(Fields.optionalList(a.get("covariates", null)), Fields.optionalList(a.get("factors", null)),
                a.get("reference", null));
        b.options(options).strata(a.get("strata", null)).trend(a.flag("trend") || a.has("trend-scores"),
                a.has("trend-scores") ? Args.parseDoubles("--trend-scores", a.get("trend-scores", "")) : null);
        ConfType confType;
        try {
            confType = ConfType.parse(a.get("conf-type", "log"));
        } catch (IllegalArgumentException e) {
            throw new FieldException("conf-type", e.getMessage());
        }
        if (a.has("event-codes")) {
            try {
                b.codes(EventCodes.parse(a.get("event-codes", "")));
            } catch (IllegalArgumentException e) {
                throw new FieldException("event-codes", e.getMessage());
            }
        }
        b.conf(confType, a.getDouble("conf-level", 0.95)).levels(Fields.optionalList(a.get("levels", null)))
                .at(a.has("at") ? Args.parseDoubles("at", a.get("at", "")) : null)
                .figure(a.flag("bands"), a.get("time-label", null), a.get("title", null))
                .outputs(outputs(a)).command(CommandLines.quoted("ihcq stats", argv));
        SurvivalJob.Outcome o = new SurvivalJob().run(b.build(), ProgressListener.NONE);
        present(a, o.json(), o.text(), o.warnings(), o.written(), out, err);
        return OK;
    }

    /** {@code ihcq stats cox}: the Cox regression job (JSON, text, CSV tables, forest plot). */
    private int cox(Args a, List<String> argv, PrintStream out, PrintStream err) throws Exception {
        CoxRegressionJob.Builder b = new CoxRegressionJob.Builder().source(source(a)).time(required(a, "time"))
                .event(required(a, "event")).covariates(Fields.optionalList(a.get("covariates", "")))
                .factors(Fields.optionalList(a.get("factors", ""))).references(a.get("reference", null))
                .strata(a.get("strata", null)).ties(a.get("ties", "efron")).confLevel(a.getDouble("conf-level", 0.95))
                .eventCodes(a.get("event-codes", null)).outputs(outputs(a), a.get("title", null))
                .command(CommandLines.quoted("ihcq stats", argv));
        CoxRegressionJob.Outcome o = new CoxRegressionJob().run(b.build(), ProgressListener.NONE);
        present(a, o.json(), o.text(), o.warnings(), o.written(), out, err);
        return OK;
    }

    /**
     * Several value columns (markers) compared the same way: one test per column, and the family
     * of p-values corrected ({@code --adjust}, Holm by default) next to the raw ones.
     */
    private int compareFamily(String sub, GroupComparison.Test test, List<String> valueList, Alternative alternative,
            PValueAdjust.Method method, Args a, List<String> argv, PrintStream out, PrintStream err) throws Exception {
        if (test == GroupComparison.Test.NONE) {
            throw new UsageException("describe takes one --value column");
        }
        if (a.has("plot") || a.has("csv")) {
            throw new UsageException("--plot and --csv need a single --value column (the family goes to --json)");
        }
        Map<String, Object> results = Json.object();
        double[] p = new double[valueList.size()];
        StringBuilder text = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> provenance = null;
        for (int i = 0; i < valueList.size(); i++) {
            CompareGroupsJob.Request q = CompareGroupsJob.Request.builder(source(a), test)
                    .value(valueList.get(i)).group(required(a, "group"))
                    .levels(Fields.optionalList(a.get("levels", null))).pairBy(a.get("paired-by", null))
                    .confLevel(a.getDouble("conf-level", 0.95)).alternative(alternative).adjust(method)
                    .command(CommandLines.quoted("ihcq stats", argv)).build();
            CompareGroupsJob.Outcome o = new CompareGroupsJob().run(q, ProgressListener.NONE);
            Map<String, Object> j = new java.util.LinkedHashMap<>(o.json());
            j.remove("warnings");
            provenance = castMap(j.remove("provenance"));
            results.put(valueList.get(i), j);
            p[i] = o.result().p();
            for (String w : o.warnings()) {
                warnings.add(valueList.get(i) + ": " + w);
            }
            text.append("== ").append(valueList.get(i)).append(" ==\n").append(o.text()).append('\n');
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
            text.append(String.format(java.util.Locale.ROOT, "  %-20s p %10s  p adj %10s%n", valueList.get(i),
                    Report.p(p[i]), Report.p(adj[i])));
        }
        Map<String, Object> root = Json.object();
        root.put("analysis", "compare_family");
        root.put("test", test.label);
        root.put("results", results);
        Map<String, Object> fam = Json.object();
        fam.put("method", method.key);
        fam.put("rows", rows);
        root.put("adjusted", fam);
        root.put("warnings", warnings);
        root.put("provenance", provenance);
        List<Path> written = new ArrayList<>();
        String jsonPath = a.get("json", null);
        if (jsonPath != null && !jsonPath.equals("-")) {
            org.ihcblotquant.io.AtomicFiles.writeText(Paths.get(jsonPath), Json.write(root));
            written.add(Paths.get(jsonPath));
        }
        present(a, root, text.toString(), warnings, written, out, err);
        return OK;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /**
     * {@code ihcq stats adjust}: corrected p-values of a column of a table ({@code --table F
     * --p COL}) or of a list ({@code --p 0.01,0.04,0.2}), next to the raw ones.
     */
    private int adjust(Args a, PrintStream out, PrintStream err) throws Exception {
        PValueAdjust.Method method = PValueAdjust.Method.parse(a.get("method", "holm"));
        String pSpec = required(a, "p");
        List<String> names = new ArrayList<>();
        double[] p;
        List<String> warnings = new ArrayList<>();
        org.ihcblotquant.core.Provenance prov = org.ihcblotquant.core.Provenance.start("ihcq stats adjust");
        prov.put("method", method.label);
        if (a.has("table")) {
            prov.put("input", Paths.get(a.get("table", null)).toAbsolutePath().normalize());
            PValueAdjust.Column col = PValueAdjust.readColumn(org.ihcblotquant.stats.ColumnData.of(
                    org.ihcblotquant.io.CsvTable.read(Paths.get(a.get("table", null))))
                    .decimal(DecimalMark.parse(a.get("decimal", "auto"))), pSpec, a.get("name", null));
            names = col.names;
            p = col.p;
        } else {
            p = Args.parseDoubles("--p", pSpec);
            for (int i = 0; i < p.length; i++) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new FieldException("p", p[i] + " is not a p-value (0 to 1)");
                }
                names.add(String.valueOf(i + 1));
            }
        }
        double[] adj = PValueAdjust.adjust(p, method);
        org.ihcblotquant.io.Table t = new org.ihcblotquant.io.Table("name", "p", "p_adj");
        List<Object> rows = new ArrayList<>();
        int tests = 0;
        for (double v : p) {
            tests += Double.isNaN(v) ? 0 : 1;
        }
        StringBuilder text = new StringBuilder(method.label + "-adjusted p-values (" + tests + " tests):\n");
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
        json.put("tests", tests);
        json.put("rows", rows);
        json.put("warnings", warnings);
        Map<String, Object> pj = Json.object();
        pj.putAll(prov.entries());
        json.put("provenance", pj);
        List<Path> written = new ArrayList<>();
        String jsonPath = a.get("json", null);
        if (jsonPath != null && !jsonPath.equals("-")) {
            org.ihcblotquant.io.AtomicFiles.writeText(Paths.get(jsonPath), Json.write(json));
            written.add(Paths.get(jsonPath));
        }
        if (a.has("csv")) {
            t.addComments(prov.lines());
            Path csv = Paths.get(a.get("csv", null));
            org.ihcblotquant.io.CsvFormat.write(t, csv);
            written.add(csv);
        }
        present(a, json, text.toString(), warnings, written, out, err);
        return OK;
    }

    /** Prints the text (or the JSON with --json -), the files written and the warnings. */
    private static void present(Args a, Map<String, Object> json, String text, List<String> warnings,
            List<Path> written, PrintStream out, PrintStream err) {
        if ("-".equals(a.get("json", null))) {
            out.print(Json.write(json));
        } else {
            out.print(text);
        }
        for (Path p : written) {
            String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            out.println((n.endsWith(".json") && p.toString().equals(a.get("json", null)) ? "json: "
                    : p.toString().equals(a.get("plot", null)) ? "plot: " : n.endsWith(".csv") ? "csv: " : "wrote: ") + p);
        }
        for (String m : warnings) {
            err.println("warning: " + m);
        }
    }
}
