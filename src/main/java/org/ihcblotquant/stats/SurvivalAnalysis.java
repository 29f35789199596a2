package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.Table;

/**
 * Everything a survival figure and its legend need: a Kaplan–Meier curve per group, numbers at
 * risk at chosen times, the log-rank test (two or more groups), and hazard ratios of each group
 * versus the first (reference) level from a one-covariate Cox model (Efron ties, as R) and from
 * the log-rank O/E ratio, each labelled with its method.
 */
public final class SurvivalAnalysis {

    /** One hazard-ratio estimate of {@code level} versus {@code reference}. */
    public static final class HazardRatio {
        public final String method;
        public final String level;
        public final String reference;
        public final double hr;
        public final double lower;
        public final double upper;
        /** Wald p for Cox, NaN for the log-rank based estimates (the log-rank p applies). */
        public final double p;
        public final String note;

        HazardRatio(String method, String level, String reference, double hr, double lower, double upper, double p,
                String note) {
            this.method = method;
            this.level = level;
            this.reference = reference;
            this.hr = hr;
            this.lower = lower;
            this.upper = upper;
            this.p = p;
            this.note = note;
        }

        Map<String, Object> toJson(double confLevel) {
            Map<String, Object> m = Json.object();
            m.put("method", method);
            m.put("label", label());
            m.put("level", level);
            m.put("reference", reference);
            m.put("hr", hr);
            m.put("lower", lower);
            m.put("upper", upper);
            m.put("conf_level", confLevel);
            if (!Double.isNaN(p)) {
                m.put("p", p);
            }
            if (note != null) {
                m.put("note", note);
            }
            return m;
        }

        public String label() {
            switch (method) {
                case "cox_efron":
                    return "Cox proportional hazards, one model of all groups, Efron ties (Wald CI)";
                case "cox_efron_pairwise":
                    return "separate two-group Cox model of this pair only, Efron ties (Wald CI)";
                case "logrank_O/E":
                    return "log-rank O/E ratio (Oa/Ea)/(Ob/Eb)";
                case "peto":
                    return "Peto one-step exp((O-E)/V)";
                default:
                    return "Mantel-Haenszel (Kirkwood & Sterne Q/R)";
            }
        }
    }

    /** What to compute beyond the curves, the log-rank test and the hazard ratios. */
    public static final class Options {
        ConfType confType = ConfType.LOG;
        double confLevel = 0.95;
        double[] atTimes;
        boolean separateCoxFits;
        MedianRule medianRule = MedianRule.PRINTED;
        int[] strata;
        List<String> strataLevels;
        String strataName;
        double[] trendScores;
        boolean pairwise;
        PValueAdjust.Method adjust = PValueAdjust.Method.HOLM;
        double rmstTau = Double.NaN;
        double[] survivalTimes;

        public Options conf(ConfType type, double level) {
            this.confType = type;
            this.confLevel = level;
            return this;
        }

        /** Times of the numbers-at-risk table; null chooses about 5 round times over the range. */
        public Options atTimes(double[] times) {
            this.atTimes = times;
            return this;
        }

        /**
         * Hazard ratios of each group from a separate two-group Cox model of that group and the
         * reference (labelled so), instead of the one model of all groups.
         */
        public Options separateCoxFits(boolean on) {
            this.separateCoxFits = on;
            return this;
        }

        public Options medianRule(MedianRule rule) {
            this.medianRule = rule;
            return this;
        }

        /** Stratum of each subject (same order as the data): stratified log-rank and Cox model. */
        public Options strata(String name, int[] strata, List<String> levels) {
            this.strataName = name;
            this.strata = strata;
            this.strataLevels = levels;
            return this;
        }

        /** Scores of the ordered groups (e.g. 0, 1, 2, 3) for the log-rank test for trend. */
        public Options trend(double[] scores) {
            this.trendScores = scores;
            return this;
        }

        /** Log-rank test of every pair of groups, p-values corrected by {@code method}. */
        public Options pairwise(boolean on, PValueAdjust.Method method) {
            this.pairwise = on;
            this.adjust = method;
            return this;
        }

        /** Restricted mean survival time up to tau (NaN: not computed). */
        public Options rmst(double tau) {
            this.rmstTau = tau;
            return this;
        }

        /** Times at which survival is reported with its interval per group ("x-year survival"). */
        public Options survivalAt(double[] times) {
            this.survivalTimes = times;
            return this;
        }
    }

    /** The log-rank test of one pair of groups, with its corrected p. */
    public static final class PairTest {
        public final String level;
        public final String reference;
        public final double chisq;
        public final double p;
        public final double pAdjusted;

        PairTest(String level, String reference, double chisq, double p, double pAdjusted) {
            this.level = level;
            this.reference = reference;
            this.chisq = chisq;
            this.p = p;
            this.pAdjusted = pAdjusted;
        }
    }

    /** Above this many rows per group the text report leaves the Kaplan-Meier table to CSV / JSON. */
    static final int TEXT_TABLE_ROWS = 1000;

    public final SurvivalData data;
    public final Options options;
    /** The one Cox model of all groups (null with one group or when not estimable). */
    public final CoxRegression cox;
    /** Stratified log-rank test; null without strata. */
    public final LogRankTest stratifiedLogRank;
    /** {chisq, p, U, V} of the trend test; null when not asked. */
    public final double[] trend;
    public final List<PairTest> pairs;
    public final ConfType confType;
    public final double confLevel;
    public final List<KaplanMeier> curves;
    /** Null with a single group. */
    public final LogRankTest logRank;
    public final List<HazardRatio> hazardRatios;
    public final double[] atTimes;

    private SurvivalAnalysis(SurvivalData data, Options options, CoxRegression cox, LogRankTest stratified,
            double[] trend, List<PairTest> pairs, ConfType confType, double confLevel, List<KaplanMeier> curves,
            LogRankTest logRank, List<HazardRatio> hazardRatios, double[] atTimes) {
        this.data = data;
        this.options = options;
        this.cox = cox;
        this.stratifiedLogRank = stratified;
        this.trend = trend;
        this.pairs = Collections.unmodifiableList(pairs);
        this.confType = confType;
        this.confLevel = confLevel;
        this.curves = Collections.unmodifiableList(curves);
        this.logRank = logRank;
        this.hazardRatios = Collections.unmodifiableList(hazardRatios);
        this.atTimes = atTimes;
    }

    /**
     * @param atTimes times for the numbers-at-risk table; null chooses about 5 round times over the range
     */
    public static SurvivalAnalysis run(SurvivalData data, ConfType confType, double confLevel, double[] atTimes,
            Warnings w) {
        return run(data, new Options().conf(confType, confLevel).atTimes(atTimes), w);
    }

    public static SurvivalAnalysis run(SurvivalData data, Options o, Warnings w) {
        ConfType confType = o.confType;
        double confLevel = o.confLevel;
        double[] atTimes = o.atTimes;
        List<KaplanMeier> curves = new ArrayList<>();
        for (int g = 0; g < data.levelCount(); g++) {
            SurvivalData sub = data.subset(g);
            if (sub.size() == 0) {
                w.add("group '" + data.levels().get(g) + "' has no subjects");
                continue;
            }
            KaplanMeier km = KaplanMeier.fit(sub, confType, confLevel);
            if (km.events == 0) {
                w.add("group '" + km.level + "': all " + km.n + " subjects censored (no events); its median is not reached");
            }
            curves.add(km);
        }
        LogRankTest lr = null;
        LogRankTest stratified = null;
        CoxRegression cox = null;
        double[] trend = null;
        List<PairTest> pairs = new ArrayList<>();
        List<HazardRatio> hrs = new ArrayList<>();
        if (data.levelCount() >= 2 && curves.size() == data.levelCount()) {
            lr = LogRankTest.test(data);
            if (o.strata != null) {
                stratified = LogRankTest.test(data, o.strata);
            }
            if (!o.separateCoxFits) {
                cox = jointCox(data, o.strata, confLevel, w);
            }
            for (int g = 1; g < data.levelCount(); g++) {
                hrs.addAll(hazardRatios(data, 0, g, cox, confLevel, w));
            }
            if (o.trendScores != null) {
                if (o.trendScores.length != data.levelCount()) {
                    throw new org.ihcblotquant.job.FieldException("trend", "needs one score per group ("
                            + data.levelCount() + "), got " + o.trendScores.length);
                }
                trend = (stratified != null ? stratified : lr).trend(o.trendScores);
            }
            if (o.pairwise && data.levelCount() >= 3) {
                pairs = pairwise(data, o.adjust);
            }
        } else if (data.levelCount() < 2) {
            w.add("one group only: no log-rank test or hazard ratio");
        }
        if (atTimes == null) {
            double max = 0;
            for (int i = 0; i < data.size(); i++) {
                max = Math.max(max, data.time(i));
            }
            atTimes = Ticks.niceTicks(0, max, 6);
        }
        return new SurvivalAnalysis(data, o, cox, stratified, trend, pairs, confType, confLevel, curves, lr, hrs,
                atTimes);
    }

    /** One Cox model of all groups: k - 1 indicators against the first level (treatment contrasts). */
    private static CoxRegression jointCox(SurvivalData data, int[] strata, double confLevel, Warnings w) {
        int n = data.size();
        int k = data.levelCount();
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        double[][] x = new double[n][k - 1];
        for (int i = 0; i < n; i++) {
            t[i] = data.time(i);
            e[i] = data.event(i);
            if (data.group(i) > 0) {
                x[i][data.group(i) - 1] = 1;
            }
        }
        List<String> names = new ArrayList<>(data.levels().subList(1, k));
        try {
            return CoxRegression.fit(CoxData.of(t, e, strata, x, names), CoxModel.Ties.EFRON, confLevel, new Warnings());
        } catch (org.ihcblotquant.core.InputException ex) {
            w.add("Cox model of all groups not estimable: " + ex.getMessage());
            return null;
        }
    }

    /** Log-rank test of each pair (its own two-group survdiff), corrected for the number of pairs. */
    private static List<PairTest> pairwise(SurvivalData data, PValueAdjust.Method method) {
        List<int[]> idx = new ArrayList<>();
        List<Double> chi = new ArrayList<>();
        for (int a = 0; a < data.levelCount(); a++) {
            for (int b = a + 1; b < data.levelCount(); b++) {
                idx.add(new int[] {a, b});
                chi.add(LogRankTest.test(data.pair(a, b)).chisq);
            }
        }
        double[] p = new double[chi.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Distributions.chiSquareUpper(chi.get(i), 1);
        }
        double[] adj = PValueAdjust.adjust(p, method);
        List<PairTest> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            out.add(new PairTest(data.levels().get(idx.get(i)[1]), data.levels().get(idx.get(i)[0]), chi.get(i), p[i],
                    adj[i]));
        }
        return out;
    }

    private static List<HazardRatio> hazardRatios(SurvivalData data, int ref, int g, CoxRegression joint,
            double confLevel, Warnings w) {
        SurvivalData two = data.pair(ref, g);
        String level = data.levels().get(g);
        String reference = data.levels().get(ref);
        List<HazardRatio> out = new ArrayList<>();
        String method = joint != null ? "cox_efron" : "cox_efron_pairwise";
        CoxRegression.Coefficient c = null;
        if (joint != null) {
            c = joint.coefficients.get(g - 1);
        } else {
            double[][] xm = new double[two.size()][1];
            double[] tt = new double[two.size()];
            boolean[] ee = new boolean[two.size()];
            for (int i = 0; i < xm.length; i++) {
                xm[i][0] = two.group(i);
                tt[i] = two.time(i);
                ee[i] = two.event(i);
            }
            try {
                c = CoxRegression.fit(CoxData.of(tt, ee, null, xm, Collections.singletonList(level)),
                        CoxModel.Ties.EFRON, confLevel, new Warnings()).coefficients.get(0);
            } catch (org.ihcblotquant.core.InputException ex) {
                c = null;
            }
        }
        if (c == null || c.infinite) {
            w.add("Cox model " + level + " vs " + reference
                    + ": the estimate does not converge (a group without events); hazard ratio not estimable");
            out.add(new HazardRatio(method, level, reference, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "not estimable: a group has no events"));
        } else {
            out.add(new HazardRatio(method, level, reference, c.hr, c.ciLow, c.ciHigh, c.p, null));
        }
        LogRankTest lr = LogRankTest.test(two);
        if (lr.observed[0] > 0 && lr.observed[1] > 0) {
            LogRankHazardRatio oe = LogRankHazardRatio.observedOverExpected(lr, 1, 0, confLevel);
            out.add(new HazardRatio("logrank_O/E", level, reference, oe.hr, oe.lower, oe.upper, Double.NaN, null));
            // the other log-rank based estimates some journals and meta-analyses ask for
            LogRankHazardRatio peto = LogRankHazardRatio.peto(lr, 1, confLevel);
            out.add(new HazardRatio("peto", level, reference, peto.hr, peto.lower, peto.upper, Double.NaN, null));
            LogRankHazardRatio mh = LogRankHazardRatio.mantelHaenszel(two, lr, 1, 0, confLevel);
            out.add(new HazardRatio("mantel_haenszel", level, reference, mh.hr, mh.lower, mh.upper, Double.NaN, null));
        } else {
            out.add(new HazardRatio("logrank_O/E", level, reference, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "not estimable: a group has no events"));
        }
        return out;
    }

    /** The first Cox estimate (second level vs the first), or null. */
    public HazardRatio primaryHazardRatio() {
        for (HazardRatio h : hazardRatios) {
            if (h.method.startsWith("cox_efron")) {
                return h;
            }
        }
        return null;
    }

    public HazardRatio logRankHazardRatio() {
        for (HazardRatio h : hazardRatios) {
            if (h.method.equals("logrank_O/E")) {
                return h;
            }
        }
        return null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = Json.object();
        root.put("analysis", "survival");
        root.put("conf_type", confType.label);
        root.put("conf_level", confLevel);
        root.put("median_rule", options.medianRule.description);
        List<Object> groups = new ArrayList<>();
        for (KaplanMeier km : curves) {
            Map<String, Object> g = Json.object();
            MedianSurvival m = km.median(options.medianRule);
            g.put("level", km.level);
            g.put("n", km.n);
            g.put("events", km.events);
            g.put("median", m.median);
            g.put("median_lower", m.lower);
            g.put("median_upper", m.upper);
            List<Object> rows = new ArrayList<>();
            for (KaplanMeier.Row r : km.rows) {
                Map<String, Object> row = Json.object();
                row.put("time", r.time);
                row.put("n_risk", r.nRisk);
                row.put("n_event", r.nEvent);
                row.put("n_censor", r.nCensor);
                row.put("surv", r.surv);
                row.put("std_err", r.stdErr);
                row.put("lower", r.lower);
                row.put("upper", r.upper);
                rows.add(row);
            }
            g.put("table", rows);
            List<Object> atRisk = new ArrayList<>();
            for (double t : atTimes) {
                Map<String, Object> a = Json.object();
                a.put("time", t);
                a.put("n_risk", km.atRisk(t));
                a.put("surv", km.survivalAt(t));
                atRisk.add(a);
            }
            g.put("at_risk", atRisk);
            if (options.survivalTimes != null) {
                List<Object> sa = new ArrayList<>();
                for (double t : options.survivalTimes) {
                    double[] v = km.survivalWithInterval(t);
                    Map<String, Object> a = Json.object();
                    a.put("time", t);
                    a.put("surv", v[0]);
                    a.put("std_err", v[1]);
                    a.put("lower", v[2]);
                    a.put("upper", v[3]);
                    sa.add(a);
                }
                g.put("survival_at", sa);
            }
            if (!Double.isNaN(options.rmstTau)) {
                double[] v = km.restrictedMean(options.rmstTau, confLevel);
                Map<String, Object> a = Json.object();
                a.put("tau", options.rmstTau);
                a.put("rmst", v[0]);
                a.put("se", v[1]);
                a.put("lower", v[2]);
                a.put("upper", v[3]);
                g.put("rmst", a);
            }
            groups.add(g);
        }
        root.put("groups", groups);
        if (logRank != null) {
            Map<String, Object> lr = Json.object();
            lr.put("chisq", logRank.chisq);
            lr.put("df", logRank.df);
            lr.put("p", logRank.p);
            lr.put("levels", logRank.levels);
            lr.put("observed", logRank.observed);
            lr.put("expected", logRank.expected);
            List<Object> per = new ArrayList<>();
            for (int g = 0; g < logRank.levels.size(); g++) {
                Map<String, Object> pg = Json.object();
                double u = logRank.observed[g] - logRank.expected[g];
                pg.put("level", logRank.levels.get(g));
                pg.put("n", logRank.n[g]);
                pg.put("observed", logRank.observed[g]);
                pg.put("expected", logRank.expected[g]);
                pg.put("oe2_over_e", u * u / logRank.expected[g]);
                pg.put("oe2_over_v", u * u / logRank.variance[g][g]);
                per.add(pg);
            }
            lr.put("per_group", per);
            root.put("logrank", lr);
            HazardRatio primary = primaryHazardRatio();
            root.put("hazard_ratio", primary == null ? null : primary.toJson(confLevel));
            HazardRatio oe = logRankHazardRatio();
            root.put("hazard_ratio_logrank", oe == null ? null : oe.toJson(confLevel));
            List<Object> all = new ArrayList<>();
            for (HazardRatio h : hazardRatios) {
                all.add(h.toJson(confLevel));
            }
            root.put("hazard_ratios", all);
            root.put("cox_hazard_ratios", cox != null ? "one Cox model of all groups (treatment contrasts vs '"
                    + data.levels().get(0) + "')" : "separate two-group Cox models, one per group vs '"
                    + data.levels().get(0) + "'");
            if (cox != null) {
                Map<String, Object> cm = Json.object();
                cm.put("n", cox.n());
                cm.put("events", cox.events());
                cm.put("lr_test", cox.lrTest.toJson());
                cm.put("wald_test", cox.waldTest.toJson());
                cm.put("score_test", cox.scoreTest.toJson());
                cm.put("concordance", cox.concordance.concordance);
                if (options.strataName != null) {
                    cm.put("strata", options.strataName);
                }
                root.put("cox_model", cm);
            }
            if (stratifiedLogRank != null) {
                Map<String, Object> st = Json.object();
                st.put("strata", options.strataName);
                st.put("strata_levels", options.strataLevels);
                st.put("chisq", stratifiedLogRank.chisq);
                st.put("df", stratifiedLogRank.df);
                st.put("p", stratifiedLogRank.p);
                st.put("observed", stratifiedLogRank.observed);
                st.put("expected", stratifiedLogRank.expected);
                root.put("logrank_stratified", st);
            }
            if (trend != null) {
                Map<String, Object> tr = Json.object();
                tr.put("scores", options.trendScores);
                tr.put("chisq", trend[0]);
                tr.put("df", 1);
                tr.put("p", trend[1]);
                tr.put("stratified", stratifiedLogRank != null);
                root.put("logrank_trend", tr);
            }
            if (!pairs.isEmpty()) {
                Map<String, Object> pw = Json.object();
                pw.put("adjust", options.adjust.key);
                List<Object> rows = new ArrayList<>();
                for (PairTest t : pairs) {
                    Map<String, Object> r = Json.object();
                    r.put("pair", t.level + "-" + t.reference);
                    r.put("chisq", t.chisq);
                    r.put("p", t.p);
                    r.put("p_adj", t.pAdjusted);
                    rows.add(r);
                }
                pw.put("rows", rows);
                root.put("logrank_pairwise", pw);
            }
        } else {
            root.put("logrank", null);
            root.put("hazard_ratio", null);
        }
        return root;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Kaplan-Meier survival (").append(confType.label).append(" ")
                .append(Report.num(confLevel * 100)).append("% intervals)\n\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-16s %5s %7s %10s %10s %10s%n", "group", "n", "events", "median", "lower", "upper"));
        for (KaplanMeier km : curves) {
            MedianSurvival m = km.median(options.medianRule);
            sb.append(String.format(java.util.Locale.ROOT, "%-16s %5d %7d %10s %10s %10s%n", km.level, km.n, km.events,
                    na(m.median), na(m.lower), na(m.upper)));
        }
        sb.append("(NA = not reached; median rule: ").append(options.medianRule.description).append(")\n");
        if (!Double.isNaN(options.rmstTau) || options.survivalTimes != null) {
            sb.append('\n');
            for (KaplanMeier km : curves) {
                sb.append(km.level).append(':');
                if (!Double.isNaN(options.rmstTau)) {
                    double[] v = km.restrictedMean(options.rmstTau, confLevel);
                    sb.append(String.format(java.util.Locale.ROOT, " RMST(%s) %.4g (%.4g to %.4g)",
                            Report.num(options.rmstTau), v[0], v[2], v[3]));
                }
                if (options.survivalTimes != null) {
                    for (double t : options.survivalTimes) {
                        double[] v = km.survivalWithInterval(t);
                        sb.append(String.format(java.util.Locale.ROOT, "  S(%s) %s (%s to %s)", Report.num(t), fmt4(v[0]),
                                fmt4(v[2]), fmt4(v[3])));
                    }
                }
                sb.append('\n');
            }
        }
        for (KaplanMeier km : curves) {
            sb.append("\n").append(km.level).append(":\n");
            if (km.rows.size() > TEXT_TABLE_ROWS) {
                // a cohort-sized table is unreadable on a terminal (and formatting it costs more
                // than the analysis); the full table is in the CSV and JSON outputs
                sb.append("  Kaplan-Meier table of ").append(km.rows.size())
                        .append(" times: written to the CSV and JSON outputs only\n");
                continue;
            }
            sb.append(String.format(java.util.Locale.ROOT, "%8s %7s %7s %8s %9s %9s %9s %9s%n", "time", "n.risk", "n.event", "n.censor",
                    "survival", "std.err", "lower", "upper"));
            for (KaplanMeier.Row r : km.rows) {
                sb.append(String.format(java.util.Locale.ROOT, "%8s %7d %7d %8d %9s %9s %9s %9s%n", Report.num(r.time), r.nRisk, r.nEvent,
                        r.nCensor, fmt4(r.surv), fmt4(r.stdErr), fmt4(r.lower), fmt4(r.upper)));
            }
        }
        sb.append("\nNumbers at risk:\n").append(String.format(java.util.Locale.ROOT, "%-16s", "time"));
        for (double t : atTimes) {
            sb.append(String.format(java.util.Locale.ROOT, " %6s", Report.num(t)));
        }
        sb.append('\n');
        for (KaplanMeier km : curves) {
            sb.append(String.format(java.util.Locale.ROOT, "%-16s", km.level));
            for (double t : atTimes) {
                sb.append(String.format(java.util.Locale.ROOT, " %6d", km.atRisk(t)));
            }
            sb.append('\n');
        }
        if (logRank != null) {
            sb.append("\nLog-rank test (survdiff):\n");
            sb.append(String.format(java.util.Locale.ROOT, "%-16s %5s %9s %9s%n", "group", "N", "Observed", "Expected"));
            for (int g = 0; g < logRank.levels.size(); g++) {
                sb.append(String.format(java.util.Locale.ROOT, "%-16s %5d %9s %9s%n", logRank.levels.get(g), logRank.n[g],
                        Report.num(logRank.observed[g]), String.format(java.util.Locale.ROOT, "%.2f", logRank.expected[g])));
            }
            sb.append(String.format(java.util.Locale.ROOT, " Chisq = %.4g on %d degrees of freedom, p = %s%n",
                    logRank.chisq, logRank.df, Report.p(logRank.p)));
            if (stratifiedLogRank != null) {
                sb.append(String.format(java.util.Locale.ROOT, "Stratified by %s: Chisq = %.4g on %d df, p = %s%n",
                        options.strataName, stratifiedLogRank.chisq, stratifiedLogRank.df, Report.p(stratifiedLogRank.p)));
            }
            if (trend != null) {
                sb.append(String.format(java.util.Locale.ROOT, "Log-rank test for trend (scores %s): Chisq = %.4g on 1 df, p = %s%n",
                        java.util.Arrays.toString(options.trendScores), trend[0], Report.p(trend[1])));
            }
            if (!pairs.isEmpty()) {
                sb.append("\nPairwise log-rank tests (").append(options.adjust.label).append("-adjusted p):\n");
                for (PairTest t : pairs) {
                    sb.append(String.format(java.util.Locale.ROOT, "  %-24s chisq %8.4g  p %10s  p adj %10s%n",
                            t.level + " vs " + t.reference, t.chisq, Report.p(t.p), Report.p(t.pAdjusted)));
                }
            }
            sb.append("\nHazard ratios (vs reference '").append(data.levels().get(0)).append("'; Cox: ")
                    .append(cox != null ? "one model of all groups" : "separate two-group models").append("):\n");
            for (HazardRatio h : hazardRatios) {
                sb.append(String.format(java.util.Locale.ROOT, "  %-14s %s: HR %s (%s%% CI %s to %s)%s%n", h.level, h.label(), na(h.hr),
                        Report.num(confLevel * 100), na(h.lower), na(h.upper),
                        Double.isNaN(h.p) ? "" : ", p = " + Report.p(h.p)));
            }
        }
        return sb.toString();
    }

    private static String na(double v) {
        return Double.isNaN(v) ? "NA" : Report.num(v);
    }

    private static String fmt4(double v) {
        return Double.isNaN(v) ? "NA" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** The Kaplan–Meier tables of all groups as one results table. */
    public Table kmTable() {
        Table t = new Table("group", "time", "n_risk", "n_event", "n_censor", "surv", "std_err", "lower", "upper");
        for (KaplanMeier km : curves) {
            for (KaplanMeier.Row r : km.rows) {
                t.addRow(km.level, r.time, r.nRisk, r.nEvent, r.nCensor, r.surv, r.stdErr, r.lower, r.upper);
            }
        }
        return t;
    }

    /** One row per group: n, events, median with CI, log-rank O and E, hazard ratio vs reference. */
    public Table summaryTable() {
        Table t = new Table("group", "n", "events", "median", "median_lower", "median_upper", "observed", "expected",
                "hr_cox", "hr_lower", "hr_upper", "hr_p", "logrank_chisq", "logrank_df", "logrank_p");
        for (int i = 0; i < curves.size(); i++) {
            KaplanMeier km = curves.get(i);
            MedianSurvival m = km.median(options.medianRule);
            double o = Double.NaN;
            double e = Double.NaN;
            if (logRank != null) {
                int g = logRank.levels.indexOf(km.level);
                o = logRank.observed[g];
                e = logRank.expected[g];
            }
            HazardRatio h = null;
            for (HazardRatio x : hazardRatios) {
                if (x.method.startsWith("cox_efron") && x.level.equals(km.level)) {
                    h = x;
                }
            }
            t.addRow(km.level, km.n, km.events, m.median, m.lower, m.upper, o, e,
                    h == null ? (i == 0 && logRank != null ? 1.0 : Double.NaN) : h.hr,
                    h == null ? Double.NaN : h.lower, h == null ? Double.NaN : h.upper,
                    h == null ? Double.NaN : h.p,
                    logRank == null ? Double.NaN : logRank.chisq, logRank == null ? Double.NaN : (double) logRank.df,
                    logRank == null ? Double.NaN : logRank.p);
        }
        return t;
    }
}
