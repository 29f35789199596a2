package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The data-chosen ("optimal") cut-point of a continuous score: the maximally selected log-rank
 * statistic over the cut-points between the {@code minprop} and {@code maxprop} quantiles
 * (10 %–90 % by default), with the p-value approximation of Lausen &amp; Schumacher (1992,
 * Biometrics 48:73–85), which accounts for having searched for the best cut. Computed as R's
 * {@code maxstat.test(Surv(time, event) ~ x, smethod = "LogRank", pmethod = "Lau92")}:
 * log-rank scores a_i = delta_i - sum over t_j &lt;= t_i of delta_j / (N - r_j + 1) (ties in time
 * get the highest rank), and for a split after the m smallest scores x the standardised linear
 * rank statistic |S_m - E| / sqrt(V) with E = m/N sum a and
 * V = m (N - m) / (N^2 (N - 1)) (N sum a^2 - (sum a)^2).
 *
 * <p>The low group is {@code x <= estimate}, the high group {@code x > estimate}. The raw
 * log-rank p of the chosen split is far too small: report {@link #pAdjusted} and say that the
 * cut-point was chosen from the data.
 */
public final class MaximallySelectedLogRank {
    /** The maximal standardised statistic M. */
    public final double statistic;
    /** The cut-point: the largest score value of the low group. */
    public final double estimate;
    /** Lausen–Schumacher (1992) adjusted p-value (capped at 1). */
    public final double pAdjusted;
    public final double minProp;
    public final double maxProp;
    /** Candidate cut-points and their statistics. */
    public final List<double[]> profile;

    private MaximallySelectedLogRank(double statistic, double estimate, double pAdjusted, double minProp,
            double maxProp, List<double[]> profile) {
        this.statistic = statistic;
        this.estimate = estimate;
        this.pAdjusted = pAdjusted;
        this.minProp = minProp;
        this.maxProp = maxProp;
        this.profile = Collections.unmodifiableList(profile);
    }

    /** Over the 10 %–90 % range. */
    public static MaximallySelectedLogRank of(double[] time, boolean[] event, double[] x) {
        return of(time, event, x, 0.1, 0.9);
    }

    public static MaximallySelectedLogRank of(double[] time, boolean[] event, double[] x, double minProp,
            double maxProp) {
        int n = time.length;
        if (n < 3) {
            throw new org.ihcblotquant.core.InputException("an optimal cut-point needs at least 3 subjects, found " + n);
        }
        double[] a = logRankScores(time, event);
        int[] byX = IndexSort.sort(n, (i, j) -> Double.compare(x[i], x[j]));
        double sum = 0;
        double sumSq = 0;
        for (double v : a) {
            sum += v;
            sumSq += v * v;
        }
        int lo = Math.max(1, (int) Math.floor(n * minProp));
        int hi = (int) Math.floor(n * maxProp);
        double best = Double.NEGATIVE_INFINITY;
        double estimate = Double.NaN;
        List<double[]> profile = new ArrayList<>();
        double cum = 0;
        for (int m = 1; m < n; m++) {
            cum += a[byX[m - 1]];
            // a split only where the score changes: the m smallest values against the rest
            if (x[byX[m]] == x[byX[m - 1]] || m < lo || m > hi) {
                continue;
            }
            double e = m / (double) n * sum;
            double v = m * (double) (n - m) / ((double) n * n * (n - 1)) * (n * sumSq - sum * sum);
            double stat = Math.abs((cum - e) / Math.sqrt(v));
            profile.add(new double[] {x[byX[m - 1]], stat});
            if (stat > best) {
                best = stat;
                estimate = x[byX[m - 1]];
            }
        }
        if (profile.isEmpty()) {
            throw new org.ihcblotquant.core.InputException("no cut-point of the score leaves between "
                    + Report.num(minProp * 100) + " % and " + Report.num(maxProp * 100) + " % of the subjects in the low group");
        }
        return new MaximallySelectedLogRank(best, estimate, lausen92(best, minProp, maxProp), minProp, maxProp,
                profile);
    }

    /**
     * Lausen &amp; Schumacher (1992), eq. for the upper tail of the maximally selected
     * standardised statistic: 4 phi(b)/b + phi(b) (b - 1/b) log(e2 (1 - e1) / ((1 - e2) e1)),
     * 1 for b &lt; 1 (as maxstat), capped at 1.
     */
    public static double lausen92(double b, double minProp, double maxProp) {
        if (b < 1) {
            return 1;
        }
        double db = Distributions.normalDensity(b);
        double p = 4 * db / b + db * (b - 1 / b) * Math.log(maxProp * (1 - minProp) / ((1 - maxProp) * minProp));
        return Math.min(1, Math.max(0, p));
    }

    /** Log-rank (Savage) scores of the survival times, as exactRankTests::cscores. */
    static double[] logRankScores(double[] time, boolean[] event) {
        int n = time.length;
        int[] ord = IndexSort.byTime(time);
        double[] scores = new double[n];
        double cum = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end < n && time[ord[end]] == time[ord[k]]) {
                end++;
            }
            // tied times share the highest rank (end); each event adds 1 / (N - rank + 1)
            int deaths = 0;
            for (int j = k; j < end; j++) {
                if (event[ord[j]]) {
                    deaths++;
                }
            }
            cum += deaths / (double) (n - end + 1);
            for (int j = k; j < end; j++) {
                scores[ord[j]] = (event[ord[j]] ? 1 : 0) - cum;
            }
            k = end;
        }
        return scores;
    }
}
