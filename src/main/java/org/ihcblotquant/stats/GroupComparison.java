package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.Table;

/**
 * A comparison of a value between groups: the descriptives of every group plus one test
 * (Welch / Student / paired t-test, Mann–Whitney U, or one-way ANOVA with Tukey HSD), with the
 * JSON, text and table forms the CLI and the Fiji command write.
 */
public final class GroupComparison {

    /** The available tests. */
    public enum Test {
        WELCH("welch", "Welch t-test"),
        STUDENT("student", "Student t-test"),
        PAIRED("paired", "Paired t-test"),
        MANN_WHITNEY("mannwhitney", "Mann-Whitney U"),
        ANOVA("anova", "One-way ANOVA + Tukey HSD"),
        KRUSKAL("kruskal", "Kruskal-Wallis + Dunn"),
        WELCH_ANOVA("welch-anova", "Welch ANOVA + Games-Howell"),
        SIGNRANK("signrank", "Wilcoxon signed-rank (paired)"),
        NONE("describe", "Descriptives only");

        public final String key;
        public final String label;

        Test(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public static Test parse(String s) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            for (Test t : values()) {
                if (t.key.equals(v) || t.label.toLowerCase(Locale.ROOT).equals(v)) {
                    return t;
                }
            }
            if (v.equals("wilcoxon") || v.equals("mann-whitney")) {
                return MANN_WHITNEY;
            }
            throw new IllegalArgumentException("unknown test '" + s + "'");
        }

        public static String[] labels() {
            Test[] v = values();
            String[] out = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i].label;
            }
            return out;
        }
    }

    public final Test test;
    public final List<Descriptives> groups;
    public final double confLevel;
    public final TTestResult tTest;
    public final MannWhitneyResult mannWhitney;
    public final AnovaResult anova;
    public final TukeyHsd tukey;
    /** Complete pairs used by the paired test (x, y), or null. */
    public final double[][] pairs;
    public final GroupedValues data;
    /** Kruskal-Wallis with Dunn's tests, Welch's ANOVA with Games-Howell, or the signed-rank test; else null. */
    public KruskalWallis kruskal;
    public WelchAnova welchAnova;
    public WilcoxonSignedRank signRank;
    /** {lambda low, lambda high, eta^2 / omega^2 low, high} of the ANOVA, once computed. */
    private double[] etaOmegaCi;

    private GroupComparison(Test test, GroupedValues data, double confLevel, TTestResult tTest,
            MannWhitneyResult mw, AnovaResult anova, TukeyHsd tukey, double[][] pairs) {
        this.test = test;
        this.data = data;
        this.groups = data.describe();
        this.confLevel = confLevel;
        this.tTest = tTest;
        this.mannWhitney = mw;
        this.anova = anova;
        this.tukey = tukey;
        this.pairs = pairs;
    }

    /**
     * Runs the test. Two-group tests use the first two levels (x = first, difference x - y) and
     * need exactly two; {@code pairs} holds the matched (x, y) values for the paired test.
     */
    public static GroupComparison run(Test test, GroupedValues data, double[][] pairs, double confLevel) {
        return run(test, data, pairs, confLevel, Alternative.TWO_SIDED);
    }

    /** With a one-sided alternative for the t-tests and the Mann-Whitney test (x = first level). */
    public static GroupComparison run(Test test, GroupedValues data, double[][] pairs, double confLevel,
            Alternative alternative) {
        return run(test, data, pairs, confLevel, alternative, PValueAdjust.Method.HOLM);
    }

    /**
     * @param alternative one-sided alternatives of the two-group tests (t, Mann-Whitney, signed-rank)
     * @param adjust      correction of Dunn's pairwise p-values after Kruskal-Wallis
     */
    public static GroupComparison run(Test test, GroupedValues data, double[][] pairs, double confLevel,
            Alternative alternative, PValueAdjust.Method adjust) {
        if (test == Test.KRUSKAL || test == Test.WELCH_ANOVA) {
            GroupComparison g = new GroupComparison(test, data, confLevel, null, null, null, null, null);
            if (test == Test.KRUSKAL) {
                g.kruskal = KruskalWallis.test(data, adjust);
            } else {
                g.welchAnova = WelchAnova.test(data, confLevel);
            }
            return g;
        }
        if (test == Test.SIGNRANK) {
            if (data.levelCount() != 2 || pairs == null) {
                throw org.ihcblotquant.job.FieldException.notFitting("levels", test.label
                        + " compares exactly 2 groups of paired values, found " + data.levelCount() + " ("
                        + String.join(", ", data.levels()) + ")");
            }
            GroupComparison g = new GroupComparison(test, data, confLevel, null, null, null, null, pairs);
            g.signRank = WilcoxonSignedRank.test(pairs[0], pairs[1], alternative);
            return g;
        }
        return runClassic(test, data, pairs, confLevel, alternative);
    }

    private static GroupComparison runClassic(Test test, GroupedValues data, double[][] pairs, double confLevel,
            Alternative alternative) {
        int k = data.levelCount();
        List<String> lv = data.levels();
        switch (test) {
            case NONE:
                if (k < 1) {
                    throw new InputException("no groups with values to describe");
                }
                return new GroupComparison(test, data, confLevel, null, null, null, null, null);
            case ANOVA: {
                AnovaResult a = OneWayAnova.test(data);
                TukeyHsd t = TukeyHsd.compute(a, confLevel);
                return new GroupComparison(test, data, confLevel, null, null, a, t, null);
            }
            default:
                if (k != 2) {
                    throw org.ihcblotquant.job.FieldException.notFitting("levels", test.label
                            + " compares exactly 2 groups, found " + k + " (" + String.join(", ", lv)
                            + "); choose two" + (k > 2 ? " or use one-way ANOVA" : ""));
                }
        }
        String lx = lv.get(0);
        String ly = lv.get(1);
        switch (test) {
            case WELCH:
                return new GroupComparison(test, data, confLevel, TTests.welch(lx, data.values(0), ly, data.values(1),
                        confLevel, alternative), null, null, null, null);
            case STUDENT:
                return new GroupComparison(test, data, confLevel, TTests.student(lx, data.values(0), ly,
                        data.values(1), confLevel, alternative), null, null, null, null);
            case PAIRED:
                return new GroupComparison(test, data, confLevel, TTests.paired(lx, pairs[0], ly, pairs[1], confLevel, alternative),
                        null, null, null, pairs);
            default:
                return new GroupComparison(test, data, confLevel, null, MannWhitney.test(lx, data.values(0), ly,
                        data.values(1), alternative), null, null, null);
        }
    }

    /** The p-value a figure shows: the test's p, or the ANOVA p. */
    public double p() {
        if (tTest != null) {
            return tTest.p;
        }
        if (mannWhitney != null) {
            return mannWhitney.p;
        }
        if (kruskal != null) {
            return kruskal.p;
        }
        if (welchAnova != null) {
            return welchAnova.p;
        }
        if (signRank != null) {
            return signRank.p;
        }
        return anova != null ? anova.p : Double.NaN;
    }

    public String testLabel() {
        if (tTest != null) {
            return tTest.label();
        }
        if (mannWhitney != null) {
            return "Mann-Whitney U (Wilcoxon rank-sum), " + mannWhitney.method;
        }
        if (kruskal != null) {
            return "Kruskal-Wallis rank sum test with Dunn's test (" + kruskal.adjust.label + ")";
        }
        if (welchAnova != null) {
            return "Welch one-way ANOVA with Games-Howell";
        }
        if (signRank != null) {
            return "Wilcoxon signed-rank test, " + (signRank.exact ? "exact" : "normal approximation");
        }
        return anova != null ? "One-way ANOVA with Tukey HSD" : "descriptives";
    }

    /** Short label for a figure, e.g. "Welch t-test p = 0.0794". */
    public String pLabel() {
        String name = test == Test.ANOVA ? "ANOVA" : test.label;
        return name + ", p = " + Report.p(p());
    }

    /** The eta^2 / omega^2 interval, computed once (JSON, text and table all report it). */
    private double[] etaOmegaCi() {
        if (etaOmegaCi == null) {
            etaOmegaCi = EffectSizes.etaOmegaSquaredCi(anova, confLevel);
        }
        return etaOmegaCi;
    }

    /** How the eta^2 / omega^2 interval is made (JSON {@code effect_size.ci_method}). */
    static final String ETA_CI_METHOD = "two-sided interval of the noncentrality parameter lambda of the noncentral F"
            + " at the observed F, bounds lambda / (lambda + df_within) for eta^2 and omega^2 alike, 0 where F cannot"
            + " exclude lambda = 0 (R effectsize, alternative = \"two.sided\")";

    public Map<String, Object> toJson() {
        Map<String, Object> m = Json.object();
        m.put("analysis", test.key);
        m.put("test", testLabel());
        m.put("levels", data.levels());
        if (tTest != null) {
            TTestResult r = tTest;
            m.put("t", r.t);
            m.put("df", r.df);
            m.put("p", r.p);
            m.put("alternative", r.alternative.key);
            m.put("conf_level", r.confLevel);
            m.put("ci_low", r.ciLow);
            m.put("ci_high", r.ciHigh);
            m.put("difference", r.difference);
            m.put("std_err", r.stdErr);
            putXY(m, r.x, r.y);
            if (pairs != null) {
                m.put("n_pairs", pairs[0].length);
            }
        } else if (mannWhitney != null) {
            m.put("W", mannWhitney.w);
            m.put("p", mannWhitney.p);
            m.put("exact", mannWhitney.exact);
            m.put("method", mannWhitney.method);
            putXY(m, mannWhitney.x, mannWhitney.y);
            m.put("median_x", mannWhitney.x.median);
            m.put("median_y", mannWhitney.y.median);
        } else if (anova != null) {
            m.put("F", anova.f);
            m.put("df_between", anova.dfBetween);
            m.put("df_within", anova.dfWithin);
            m.put("ss_between", anova.ssBetween);
            m.put("ss_within", anova.ssWithin);
            m.put("ms_between", anova.msBetween);
            m.put("ms_within", anova.msWithin);
            m.put("p", anova.p);
            Map<String, Object> t = Json.object();
            t.put("conf_level", tukey.confLevel);
            t.put("q_crit", tukey.qCrit);
            t.put("mse", tukey.mse);
            t.put("df", tukey.df);
            List<Object> rows = new ArrayList<>();
            for (TukeyHsd.Row r : tukey.rows) {
                Map<String, Object> row = Json.object();
                row.put("pair", r.pair);
                row.put("diff", r.diff);
                row.put("lwr", r.lwr);
                row.put("upr", r.upr);
                row.put("q", r.q);
                row.put("p_adj", r.pAdj);
                rows.add(row);
            }
            t.put("rows", rows);
            m.put("tukey", t);
            double[] eo = EffectSizes.etaOmegaSquared(anova);
            double[] ci = etaOmegaCi();
            Map<String, Object> es = Json.object();
            es.put("eta_squared", eo[0]);
            es.put("eta_squared_ci", new double[] {ci[2], ci[3]});
            es.put("omega_squared", eo[1]);
            es.put("omega_squared_ci", new double[] {ci[2], ci[3]});
            es.put("ncp_ci", new double[] {ci[0], ci[1]});
            es.put("conf_level", confLevel);
            es.put("ci_method", ETA_CI_METHOD);
            m.put("effect_size", es);
        } else if (kruskal != null) {
            m.putAll(ExtraComparison.json(kruskal, data));
        } else if (welchAnova != null) {
            m.putAll(ExtraComparison.json(welchAnova, data));
        } else if (signRank != null) {
            m.putAll(ExtraComparison.json(signRank, data.levels().get(0), data.levels().get(1)));
        }
        if ((tTest != null && pairs == null) || mannWhitney != null) {
            double[] x = data.values(0);
            double[] y = data.values(1);
            if (x.length >= 2 && y.length >= 2) {
                m.put("effect_size", ExtraComparison.twoGroupEffects(x, y, confLevel));
            }
        }
        m.put("analysis", test.key);
        List<Object> desc = new ArrayList<>();
        for (Descriptives d : groups) {
            Map<String, Object> g = Json.object();
            g.put("level", d.level);
            g.put("n", d.n);
            g.put("mean", d.mean);
            g.put("sd", d.sd);
            g.put("sem", d.sem);
            g.put("median", d.median);
            g.put("min", d.min);
            g.put("max", d.max);
            desc.add(g);
        }
        m.put("descriptives", desc);
        return m;
    }

    private static void putXY(Map<String, Object> m, Descriptives x, Descriptives y) {
        m.put("x", x.level);
        m.put("y", y.level);
        m.put("mean_x", x.mean);
        m.put("mean_y", y.mean);
        m.put("sd_x", x.sd);
        m.put("sd_y", y.sd);
        m.put("sem_x", x.sem);
        m.put("sem_y", y.sem);
        m.put("n_x", x.n);
        m.put("n_y", y.n);
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%-16s %5s %10s %10s %10s %10s %10s %10s%n", "group", "n", "mean", "sd", "sem",
                "median", "min", "max"));
        for (Descriptives d : groups) {
            sb.append(String.format(java.util.Locale.ROOT, "%-16s %5d %10s %10s %10s %10s %10s %10s%n", d.level, d.n, Report.num(d.mean),
                    Report.num(d.sd), Report.num(d.sem), Report.num(d.median), Report.num(d.min), Report.num(d.max)));
        }
        String ci = Report.num(confLevel * 100) + "% CI";
        if (tTest != null) {
            TTestResult r = tTest;
            sb.append("\n").append(r.label()).append(": ").append(r.x.level).append(" vs ").append(r.y.level)
                    .append("\n");
            sb.append("t = ").append(Report.num(r.t)).append(", df = ").append(Report.num(r.df)).append(", p = ")
                    .append(Report.p(r.p)).append("\n");
            sb.append(pairs != null ? "mean difference (x - y) = " : "difference in means (x - y) = ")
                    .append(Report.num(r.difference)).append(", ").append(ci).append(" ").append(Report.num(r.ciLow))
                    .append(" to ").append(Report.num(r.ciHigh)).append("\n");
            if (pairs != null) {
                sb.append(pairs[0].length).append(" complete pairs\n");
            }
        } else if (mannWhitney != null) {
            sb.append("\nMann-Whitney U / Wilcoxon rank-sum test: ").append(mannWhitney.x.level).append(" vs ")
                    .append(mannWhitney.y.level).append(" (").append(mannWhitney.method).append(")\n");
            sb.append("W = ").append(Report.num(mannWhitney.w)).append(", p = ").append(Report.p(mannWhitney.p))
                    .append("\n");
        } else if (anova != null) {
            sb.append("\nOne-way ANOVA\n");
            sb.append(String.format(java.util.Locale.ROOT, "%-10s %4s %12s %12s %10s %10s%n", "", "Df", "Sum Sq", "Mean Sq", "F value",
                    "Pr(>F)"));
            sb.append(String.format(java.util.Locale.ROOT, "%-10s %4d %12s %12s %10s %10s%n", "group", anova.dfBetween,
                    Report.num(anova.ssBetween), Report.num(anova.msBetween), Report.num(anova.f), Report.p(anova.p)));
            sb.append(String.format(java.util.Locale.ROOT, "%-10s %4d %12s %12s%n", "Residuals", anova.dfWithin, Report.num(anova.ssWithin),
                    Report.num(anova.msWithin)));
            sb.append("\nTukey HSD (").append(ci).append(", q crit = ").append(Report.num(tukey.qCrit)).append(")\n");
            sb.append(String.format(java.util.Locale.ROOT, "%-24s %10s %10s %10s %10s%n", "pair", "diff", "lwr", "upr", "p adj"));
            for (TukeyHsd.Row r : tukey.rows) {
                sb.append(String.format(java.util.Locale.ROOT, "%-24s %10s %10s %10s %10s%n", r.pair, Report.num(r.diff), Report.num(r.lwr),
                        Report.num(r.upr), String.format(Locale.ROOT, "%.7f", r.pAdj)));
            }
            double[] eo = EffectSizes.etaOmegaSquared(anova);
            double[] eci = etaOmegaCi();
            sb.append(String.format(Locale.ROOT, "Effect size: eta^2 = %.4f, omega^2 = %.4f; %s %.4f to %.4f for both"
                    + " (two-sided, from the noncentral F, lower bound truncated at 0)%n", eo[0], eo[1], ci, eci[2],
                    eci[3]));
        } else if (kruskal != null) {
            sb.append('\n').append(ExtraComparison.text(kruskal));
        } else if (welchAnova != null) {
            sb.append('\n').append(ExtraComparison.text(welchAnova));
        } else if (signRank != null) {
            sb.append('\n').append(ExtraComparison.text(signRank, data.levels().get(0), data.levels().get(1)));
        }
        if ((tTest != null && pairs == null) || mannWhitney != null) {
            double[] x = data.values(0);
            double[] y = data.values(1);
            if (x.length >= 2 && y.length >= 2) {
                sb.append(ExtraComparison.twoGroupEffectsText(x, y, confLevel));
            }
        }
        return sb.toString();
    }

    /** The descriptives, one row per group. */
    public Table descriptivesTable() {
        Table t = new Table("group", "n", "mean", "sd", "sem", "median", "min", "max");
        for (Descriptives d : groups) {
            t.addRow(d.level, d.n, d.mean, d.sd, d.sem, d.median, d.min, d.max);
        }
        return t;
    }

    /** The test as a table: one row for a t / U test or the ANOVA, one per Tukey pair. */
    public Table testTable() {
        Table t = new Table("test", "comparison", "statistic", "value", "df", "df2", "p", "difference", "ci_low",
                "ci_high");
        if (tTest != null) {
            TTestResult r = tTest;
            t.addRow(test.key, r.x.level + " - " + r.y.level, "t", r.t, r.df, null, r.p, r.difference, r.ciLow,
                    r.ciHigh);
        } else if (mannWhitney != null) {
            t.addRow(test.key, mannWhitney.x.level + " vs " + mannWhitney.y.level, "W", mannWhitney.w, null, null,
                    mannWhitney.p, null, null, null);
        } else if (anova != null) {
            t.addRow("anova", String.join(", ", data.levels()), "F", anova.f, (double) anova.dfBetween,
                    (double) anova.dfWithin, anova.p, null, null, null);
            for (TukeyHsd.Row r : tukey.rows) {
                t.addRow("tukey", r.pair, "q", r.q, (double) tukey.df, null, r.pAdj, r.diff, r.lwr, r.upr);
            }
            // effect sizes last, so the ANOVA and Tukey rows keep their places; the interval is in ci_low/ci_high
            double[] eo = EffectSizes.etaOmegaSquared(anova);
            double[] eci = etaOmegaCi();
            t.addRow("eta_squared", String.join(", ", data.levels()), "eta^2", eo[0], (double) anova.dfBetween,
                    (double) anova.dfWithin, null, null, eci[2], eci[3]);
            t.addRow("omega_squared", String.join(", ", data.levels()), "omega^2", eo[1], (double) anova.dfBetween,
                    (double) anova.dfWithin, null, null, eci[2], eci[3]);
        } else if (kruskal != null) {
            t.addRow("kruskal", String.join(", ", data.levels()), "H", kruskal.h, (double) kruskal.df, null, kruskal.p,
                    null, null, null);
            for (KruskalWallis.DunnPair d : kruskal.dunn) {
                // p is the adjusted p (the raw one is in the JSON); z has no df
                t.addRow("dunn_" + kruskal.adjust.key, d.level + "-" + d.reference, "z", d.z, null, null, d.pAdjusted,
                        null, null, null);
            }
        } else if (welchAnova != null) {
            t.addRow("welch-anova", String.join(", ", data.levels()), "F", welchAnova.f, welchAnova.df1, welchAnova.df2,
                    welchAnova.p, null, null, null);
            for (WelchAnova.Pair p : welchAnova.gamesHowell) {
                t.addRow("games-howell", p.level + "-" + p.reference, "", null, p.df, null, p.pAdjusted, p.diff, p.lower,
                        p.upper);
            }
        } else if (signRank != null) {
            t.addRow("signrank", data.levels().get(0) + " vs " + data.levels().get(1), "V", signRank.v, null, null,
                    signRank.p, null, null, null);
        }
        return t;
    }
}
