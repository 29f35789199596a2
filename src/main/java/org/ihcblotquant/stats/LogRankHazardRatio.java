package org.ihcblotquant.stats;

/**
 * Hazard ratio estimates of group a versus reference b derived from the log-rank quantities
 * (two groups): the O/E ratio (Oa/Ea)/(Ob/Eb) with se(log HR) = sqrt(1/Ea + 1/Eb); Peto's
 * one-step exp((Oa - Ea)/V) with se = 1/sqrt(V); and the Mantel–Haenszel Q/R estimate
 * (Kirkwood and Sterne 2003), the Mantel–Haenszel odds ratio over the 2x2 tables at the event
 * times, with se = sqrt(V / (Q R)).
 */
public final class LogRankHazardRatio {
    public final String method;
    public final double hr;
    public final double lower;
    public final double upper;

    private LogRankHazardRatio(String method, double logHr, double se, double z) {
        this.method = method;
        this.hr = Math.exp(logHr);
        this.lower = Math.exp(logHr - z * se);
        this.upper = Math.exp(logHr + z * se);
    }

    /** O/E ratio estimate of the hazard of group {@code a} relative to {@code b}. */
    public static LogRankHazardRatio observedOverExpected(LogRankTest lr, int a, int b, double confLevel) {
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double logHr = Math.log((lr.observed[a] / lr.expected[a]) / (lr.observed[b] / lr.expected[b]));
        double se = Math.sqrt(1 / lr.expected[a] + 1 / lr.expected[b]);
        return new LogRankHazardRatio("logrank_O/E", logHr, se, z);
    }

    /** Peto's one-step estimate; needs the two-group log-rank variance of {@code a}. */
    public static LogRankHazardRatio peto(LogRankTest lr, int a, double confLevel) {
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double v = lr.variance[a][a];
        return new LogRankHazardRatio("peto", (lr.observed[a] - lr.expected[a]) / v, 1 / Math.sqrt(v), z);
    }

    /** Mantel–Haenszel estimate over the 2x2 tables at each event time: Q = sum d_a (n_b - d_b) / n, R = sum d_b (n_a - d_a) / n. */
    public static LogRankHazardRatio mantelHaenszel(SurvivalData data, LogRankTest lr, int a, int b, double confLevel) {
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double q = 0;
        double r = 0;
        // one pass over the subjects sorted by time; na, nb count those of a and b not yet passed
        int total = data.size();
        int[] idx = IndexSort.sort(total, (x, y) -> Double.compare(data.time(x), data.time(y)));
        double na = data.count(a);
        double nb = data.count(b);
        int pos = 0;
        while (pos < total) {
            double t = data.time(idx[pos]);
            double da = 0;
            double db = 0;
            double leaveA = 0;
            double leaveB = 0;
            while (pos < total && data.time(idx[pos]) == t) {
                int i = idx[pos];
                int g = data.group(i);
                if (g == a) {
                    leaveA++;
                    da += data.event(i) ? 1 : 0;
                } else if (g == b) {
                    leaveB++;
                    db += data.event(i) ? 1 : 0;
                }
                pos++;
            }
            double n = na + nb;
            if (n > 0 && da + db > 0) {
                // Mantel-Haenszel odds ratio of the 2x2 table (dead/alive x group) at this time
                q += da * (nb - db) / n;
                r += db * (na - da) / n;
            }
            na -= leaveA;
            nb -= leaveB;
        }
        double v = lr.variance[a][a];
        return new LogRankHazardRatio("mantel_haenszel", Math.log(q / r), Math.sqrt(v / (q * r)), z);
    }
}
