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
                    return "Cox proportional hazards, Efron ties (Wald CI)";
                case "logrank_O/E":
                    return "log-rank O/E ratio (Oa/Ea)/(Ob/Eb)";
                case "peto":
                    return "Peto one-step exp((O-E)/V)";
                default:
                    return "Mantel-Haenszel (Kirkwood & Sterne Q/R)";
            }
        }
    }

    public final SurvivalData data;
    public final ConfType confType;
    public final double confLevel;
    public final List<KaplanMeier> curves;
    /** Null with a single group. */
    public final LogRankTest logRank;
    public final List<HazardRatio> hazardRatios;
    public final double[] atTimes;

    private SurvivalAnalysis(SurvivalData data, ConfType confType, double confLevel, List<KaplanMeier> curves,
            LogRankTest logRank, List<HazardRatio> hazardRatios, double[] atTimes) {
        this.data = data;
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
        List<HazardRatio> hrs = new ArrayList<>();
        if (data.levelCount() >= 2 && curves.size() == data.levelCount()) {
            lr = LogRankTest.test(data);
            for (int g = 1; g < data.levelCount(); g++) {
                hrs.addAll(hazardRatios(data, 0, g, confLevel, w));
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
        return new SurvivalAnalysis(data, confType, confLevel, curves, lr, hrs, atTimes);
    }

    private static List<HazardRatio> hazardRatios(SurvivalData data, int ref, int g, double confLevel, Warnings w) {
        // two-group sub-data: reference (x = 0) versus group g (x = 1)
        List<Double> t = new ArrayList<>();
        List<Boolean> e = new ArrayList<>();
        List<Integer> grp = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.group(i) == ref || data.group(i) == g) {
                t.add(data.time(i));
                e.add(data.event(i));
                grp.add(data.group(i) == ref ? 0 : 1);
            }
        }
        double[] tt = StatsInput.toArray(t);
        boolean[] ee = new boolean[e.size()];
        int[] gg = new int[grp.size()];
        double[] x = new double[grp.size()];
        for (int i = 0; i < ee.length; i++) {
            ee[i] = e.get(i);
            gg[i] = grp.get(i);
            x[i] = gg[i];
        }
        String level = data.levels().get(g);
        String reference = data.levels().get(ref);
        List<String> pair = new ArrayList<>();
        pair.add(reference);
        pair.add(level);
        SurvivalData two = new SurvivalData(tt, ee, gg, pair);
        List<HazardRatio> out = new ArrayList<>();
        CoxModel cox = CoxModel.fit(tt, ee, x, CoxModel.Ties.EFRON, confLevel);
        if (cox.isInfinite()) {
            w.add("Cox model " + level + " vs " + reference
                    + ": the estimate does not converge (a group without events); hazard ratio not estimable");
            out.add(new HazardRatio("cox_efron", level, reference, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "not estimable: a group has no events"));
        } else {
            out.add(new HazardRatio("cox_efron", level, reference, cox.hr, cox.hrLower, cox.hrUpper, cox.pWald, null));
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
            if (h.method.equals("cox_efron")) {
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
        List<Object> groups = new ArrayList<>();
        for (KaplanMeier km : curves) {
            Map<String, Object> g = Json.object();
            MedianSurvival m = km.median();
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
            MedianSurvival m = km.median();
            sb.append(String.format(java.util.Locale.ROOT, "%-16s %5d %7d %10s %10s %10s%n", km.level, km.n, km.events,
                    na(m.median), na(m.lower), na(m.upper)));
        }
        sb.append("(NA = not reached)\n");
        for (KaplanMeier km : curves) {
            sb.append("\n").append(km.level).append(":\n");
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
            sb.append("\nHazard ratios (vs reference '").append(data.levels().get(0)).append("'):\n");
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
            MedianSurvival m = km.median();
            double o = Double.NaN;
            double e = Double.NaN;
            if (logRank != null) {
                int g = logRank.levels.indexOf(km.level);
                o = logRank.observed[g];
                e = logRank.expected[g];
            }
            HazardRatio h = null;
            for (HazardRatio x : hazardRatios) {
                if (x.method.equals("cox_efron") && x.level.equals(km.level)) {
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
