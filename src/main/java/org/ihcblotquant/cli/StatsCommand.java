package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.ihcblotquant.stats.plot.BarChart;

/**
 * {@code ihcq stats}: group comparisons and survival analysis of any CSV (our results tables,
 * a clinical sheet, or both joined on an id). A thin adapter over {@code org.ihcblotquant.stats}.
 */
public final class StatsCommand implements CliCommand {

    private static final List<String> SUBCOMMANDS = Arrays.asList("describe", "ttest", "mannwhitney", "anova",
            "survival");

    private static final Set<String> COMMON_VALUES = Args.names("table", "join", "on", "json", "csv", "plot",
            "title", "conf-level", "levels", "pool-by");

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
                + "  --pool-by COL       one row per id of COL (numeric columns averaged), e.g. slide for a per-image\n"
                + "                      table; joining on a column whose ids repeat pools by it too\n"
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
                    "time-label");
            values.addAll(COMMON_VALUES);
            return survival(Args.parse(rest, values, Args.names("bands")), args, out, err);
        }
        Set<String> values = Args.names("value", "group", "paired-by", "test", "error");
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
        return src.pooledBy(a.get("pool-by", null));
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
            default:
                test = ttestKind(a);
        }
        if (!sub.equals("ttest") && (a.flag("welch") || a.flag("student") || a.has("paired-by") || a.has("test"))) {
            throw new UsageException("--welch, --student, --paired-by and --test belong to 'ttest'");
        }
        String error = Args.lower(a.get("error", "sd"));
        if (!error.equals("sd") && !error.equals("sem")) {
            throw new UsageException("--error must be sd or sem");
        }
        CompareGroupsJob.Request q = CompareGroupsJob.Request.builder(source(a), test)
                .value(required(a, "value")).group(required(a, "group")).levels(Fields.optionalList(a.get("levels", null)))
                .pairBy(a.get("paired-by", null)).confLevel(a.getDouble("conf-level", 0.95))
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
            b.scoreCut(required(a, "score"), a.getDouble("cut", 0.5));
        }
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
