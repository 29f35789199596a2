package org.ihcblotquant.plate;

import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.Distributions;

/**
 * Outlier checks of replicate wells. Wells are flagged, never removed (only {@code exclude}
 * removes a well).
 *
 * <ul>
 * <li>Grubbs' test (Grubbs 1969, Technometrics 11:1), two-sided at alpha = 0.05, on the most
 * extreme replicate: G = max |x - mean| / sd is significant when G &gt; (n - 1)/sqrt(n)
 * sqrt(t^2 / (n - 2 + t^2)), t the upper alpha/(2n) quantile of Student's t with n - 2 df. Needs
 * n &gt;= 3.</li>
 * <li>The modified z-score of Iglewicz &amp; Hoaglin (1993): 0.6745 (x - median) / MAD, flagged above
 * 3.5. With fewer than {@link #ROBUST_MIN_N} replicates the MAD rests on one or two deviations
 * and would flag ordinary triplicates, so there it is reported but does not flag.</li>
 * </ul>
 */
public final class Outliers {

    public static final double GRUBBS_ALPHA = 0.05;
    public static final double ROBUST_Z_LIMIT = 3.5;
    public static final int ROBUST_MIN_N = 6;

    private Outliers() {
    }

    /** Index of the replicate Grubbs' test flags, or -1. */
    public static int grubbs(double[] x) {
        int n = x.length;
        if (n < 3) {
            return -1;
        }
        double mean = Descriptives.mean(x);
        double sd = Math.sqrt(Descriptives.variance(x));
        if (!(sd > 0)) {
            return -1;
        }
        int worst = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(x[i] - mean) > Math.abs(x[worst] - mean)) {
                worst = i;
            }
        }
        double g = Math.abs(x[worst] - mean) / sd;
        return g > grubbsCritical(n, GRUBBS_ALPHA) ? worst : -1;
    }

    /** Critical value of the two-sided Grubbs statistic for n values. */
    public static double grubbsCritical(int n, double alpha) {
        double t = Distributions.tQuantile(1 - alpha / (2.0 * n), n - 2);
        return (n - 1) / Math.sqrt(n) * Math.sqrt(t * t / (n - 2 + t * t));
    }

    /** Modified z-scores 0.6745 (x - median) / MAD; NaN where the MAD is 0. */
    public static double[] robustZ(double[] x) {
        double[] z = new double[x.length];
        if (x.length == 0) {
            return z;
        }
        double med = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = median(dev);
        for (int i = 0; i < x.length; i++) {
            z[i] = mad > 0 ? 0.6745 * (x[i] - med) / mad : Double.NaN;
        }
        return z;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
