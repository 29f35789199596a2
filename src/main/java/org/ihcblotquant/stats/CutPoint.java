package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a continuous score (e.g. p-STAT3 H-score) is cut into survival groups:
 * <ul>
 * <li>{@code VALUE}: a fixed threshold given in advance (e.g. from a previous study):
 * {@code score < value} is low, {@code score >= value} high.</li>
 * <li>{@code median}: at the median of the score (R's {@code median}): {@code score <= median}
 * low, above high.</li>
 * <li>{@code tertiles}: at the 1/3 and 2/3 quantiles (R's {@code quantile}, type 7): low, mid,
 * high, each upper bound inclusive.</li>
 * <li>{@code optimal}: the cut that maximises the log-rank statistic over the 10–90 % range
 * ({@link MaximallySelectedLogRank}), with the Lausen–Schumacher adjusted p-value. This cut is
 * chosen from the outcome data; every output says so ({@link Assignment#dataChosen}).</li>
 * </ul>
 */
public final class CutPoint {

    /** The kind of cut. */
    public enum Mode {
        VALUE, MEDIAN, TERTILES, OPTIMAL
    }

    /** The label every output of an outcome-chosen cut carries. */
    public static final String DATA_CHOSEN_LABEL = "data-chosen cut-point (maximally selected log-rank statistic):"
            + " the log-rank p of these groups is too optimistic; use the adjusted p";

    public final Mode mode;
    /** The threshold of {@link Mode#VALUE}; NaN otherwise. */
    public final double value;

    private CutPoint(Mode mode, double value) {
        this.mode = mode;
        this.value = value;
    }

    public static CutPoint at(double value) {
        return new CutPoint(Mode.VALUE, value);
    }

    public static CutPoint of(Mode mode) {
        if (mode == Mode.VALUE) {
            throw new IllegalArgumentException("a VALUE cut needs its value: use at(value)");
        }
        return new CutPoint(mode, Double.NaN);
    }

    /** Parses {@code median | tertiles | optimal | NUMBER}. */
    public static CutPoint parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "median":
                return of(Mode.MEDIAN);
            case "tertiles":
            case "tertile":
                return of(Mode.TERTILES);
            case "optimal":
            case "maxstat":
                return of(Mode.OPTIMAL);
            default:
                try {
                    double v = Double.parseDouble(s.replace(',', '.'));
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        throw new NumberFormatException();
                    }
                    return at(v);
                } catch (NumberFormatException e) {
                    throw new org.ihcblotquant.job.FieldException("cut",
                            "'" + spec + "' is not median, tertiles, optimal or a number");
                }
        }
    }

    public boolean isDataChosen() {
        return mode == Mode.OPTIMAL;
    }

    /** Subjects assigned to groups by this cut. */
    public static final class Assignment {
        public final CutPoint cut;
        public final String score;
        public final List<String> levels;
        /** Group index (into levels) of each subject. */
        public final int[] group;
        /** The threshold(s) used. */
        public final double[] thresholds;
        /** In words, e.g. "pstat3 <= 0.42: low; > 0.42: high". */
        public final String rule;
        /** True for an outcome-chosen cut (optimal): label it so everywhere. */
        public final boolean dataChosen;
        /** The search behind an optimal cut; null otherwise. */
        public final MaximallySelectedLogRank search;

        Assignment(CutPoint cut, String score, List<String> levels, int[] group, double[] thresholds, String rule,
                MaximallySelectedLogRank search) {
            this.cut = cut;
            this.score = score;
            this.levels = Collections.unmodifiableList(levels);
            this.group = group;
            this.thresholds = thresholds;
            this.rule = rule;
            this.dataChosen = cut.isDataChosen();
            this.search = search;
        }

        public int count(int g) {
            int n = 0;
            for (int x : group) {
                if (x == g) {
                    n++;
                }
            }
            return n;
        }

        /** The "cut" object of the JSON outputs. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = Json.object();
            m.put("score", score);
            m.put("mode", cut.mode.name().toLowerCase(Locale.ROOT));
            m.put("cut", thresholds.length == 1 ? (Object) thresholds[0] : (Object) thresholds);
            m.put("rule", rule);
            m.put("data_chosen", dataChosen);
            if (search != null) {
                m.put("label", DATA_CHOSEN_LABEL);
                m.put("method", "maximally selected log-rank statistic (as R maxstat.test, smethod LogRank)");
                m.put("statistic", search.statistic);
                m.put("p_adjusted", search.pAdjusted);
                m.put("p_adjusted_method", "Lausen-Schumacher 1992 (maxstat pmethod Lau92)");
                m.put("search_range", Arrays.asList(search.minProp, search.maxProp));
                m.put("candidates", search.profile.size());
            }
            Map<String, Object> counts = Json.object();
            for (int g = 0; g < levels.size(); g++) {
                counts.put(levels.get(g), count(g));
            }
            m.put("counts", counts);
            return m;
        }

        /** One line for the text report (and plot captions). */
        public String describe() {
            StringBuilder sb = new StringBuilder("Groups by ").append(rule).append(":");
            for (int g = 0; g < levels.size(); g++) {
                sb.append(' ').append(levels.get(g)).append(" n = ").append(count(g))
                        .append(g + 1 < levels.size() ? "," : "");
            }
            if (search != null) {
                sb.append(String.format(Locale.ROOT, "%nDATA-CHOSEN cut-point: maximally selected log-rank statistic"
                        + " M = %.4f over the %s-%s %% range; Lausen-Schumacher adjusted p = %s"
                        + " (the log-rank p below is too optimistic)",
                        search.statistic, Report.num(search.minProp * 100), Report.num(search.maxProp * 100),
                        Report.p(search.pAdjusted)));
            }
            return sb.toString();
        }
    }

    /**
     * Assigns each subject a group. Time and event are used only by {@code optimal}.
     *
     * @param scoreName column name, for the rule text
     */
    public Assignment assign(String scoreName, double[] score, double[] time, boolean[] event) {
        int n = score.length;
        int[] group = new int[n];
        List<String> levels = new ArrayList<>();
        switch (mode) {
            case VALUE: {
                levels.add(StatsInput.LOW);
                levels.add(StatsInput.HIGH);
                for (int i = 0; i < n; i++) {
                    group[i] = score[i] < value ? 0 : 1;
                }
                String v = Report.num(value);
                return new Assignment(this, scoreName, levels, group, new double[] {value},
                        scoreName + " < " + v + ": low; >= " + v + ": high (cut given in advance)", null);
            }
            case MEDIAN: {
                double med = quantile(score, 0.5);
                levels.add(StatsInput.LOW);
                levels.add(StatsInput.HIGH);
                for (int i = 0; i < n; i++) {
                    group[i] = score[i] <= med ? 0 : 1;
                }
                String v = Report.num(med);
                return new Assignment(this, scoreName, levels, group, new double[] {med},
                        scoreName + " <= " + v + " (median): low; > " + v + ": high", null);
            }
            case TERTILES: {
                double q1 = quantile(score, 1.0 / 3);
                double q2 = quantile(score, 2.0 / 3);
                levels.add(StatsInput.LOW);
                levels.add("mid");
                levels.add(StatsInput.HIGH);
                for (int i = 0; i < n; i++) {
                    group[i] = score[i] <= q1 ? 0 : score[i] <= q2 ? 1 : 2;
                }
                return new Assignment(this, scoreName, levels, group, new double[] {q1, q2},
                        scoreName + " <= " + Report.num(q1) + " (1st tertile): low; <= " + Report.num(q2)
                                + " (2nd tertile): mid; above: high", null);
            }
            default: {
                MaximallySelectedLogRank m = MaximallySelectedLogRank.of(time, event, score);
                levels.add(StatsInput.LOW);
                levels.add(StatsInput.HIGH);
                for (int i = 0; i < n; i++) {
                    group[i] = score[i] <= m.estimate ? 0 : 1;
                }
                String v = Report.num(m.estimate);
                return new Assignment(this, scoreName, levels, group, new double[] {m.estimate},
                        scoreName + " <= " + v + ": low; > " + v + ": high (DATA-CHOSEN optimal cut)", m);
            }
        }
    }

    /** R's default quantile (type 7): linear interpolation between order statistics. */
    public static double quantile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
