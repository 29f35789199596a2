package org.ihcblotquant.stats;

import org.ihcblotquant.core.InputException;

/**
 * Wilcoxon signed-rank test of paired values, as R's {@code wilcox.test(x, y, paired = TRUE)}:
 * V = sum of the ranks of |x - y| over the positive differences (zero differences dropped); the
 * exact distribution when n &lt; 50 and there are no ties or zeros, otherwise the normal
 * approximation with continuity and tie corrections.
 */
public final class WilcoxonSignedRank {
    public final double v;
    public final double p;
    public final int n;
    public final boolean exact;
    public final Alternative alternative;

    private WilcoxonSignedRank(double v, double p, int n, boolean exact, Alternative alternative) {
        this.v = v;
        this.p = p;
        this.n = n;
        this.exact = exact;
        this.alternative = alternative;
    }

    public static WilcoxonSignedRank test(double[] x, double[] y, Alternative alternative) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length");
        }
        int zeros = 0;
        double[] d = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double diff = x[i] - y[i];
            if (diff == 0) {
                zeros++;
            } else {
                d[n++] = diff;
            }
        }
        if (n == 0) {
            throw new InputException("Wilcoxon signed-rank test: all paired differences are zero");
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d[i]);
        }
        double[] ranks = MannWhitney.midRanks(abs);
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                v += ranks[i];
            }
        }
        double ties = MannWhitney.tieCubes(abs);
        if (n < 50 && ties == 0 && zeros == 0) {
            double[] c = counts(n);
            double total = Math.pow(2, n);
            int vi = (int) Math.round(v);
            double lower = 0;
            for (int k = 0; k <= vi; k++) {
                lower += c[k];
            }
            double upper = 0;
            for (int k = vi; k < c.length; k++) {
                upper += c[k];
            }
            return new WilcoxonSignedRank(v, alternative.fromLower(lower / total, upper / total), n, true,
                    alternative);
        }
        double z = v - n * (n + 1) / 4.0;
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0 - ties / 48.0);
        double correction = alternative == Alternative.TWO_SIDED ? Math.signum(z) * 0.5
                : alternative == Alternative.GREATER ? 0.5 : -0.5;
        z = (z - correction) / sigma;
        double p = alternative == Alternative.TWO_SIDED ? Distributions.normalTwoSided(z)
                : alternative == Alternative.LESS ? Distributions.normalCdf(z) : Distributions.normalCdf(-z);
        return new WilcoxonSignedRank(v, p, n, false, alternative);
    }

    /** Number of the 2^n sign patterns giving each V = 0..n(n+1)/2. */
    static double[] counts(int n) {
        int max = n * (n + 1) / 2;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int k = max; k >= r; k--) {
                c[k] += c[k - r];
            }
        }
        return c;
    }
}
