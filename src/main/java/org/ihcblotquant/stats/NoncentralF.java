package org.ihcblotquant.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral F distribution, and the confidence interval of its noncentrality parameter
 * found by inverting the distribution at an observed F (the "pivot" or noncentrality-interval
 * method of Steiger &amp; Fouladi 1997; Steiger 2004).
 *
 * <p>The CDF is the Poisson mixture of central F distributions (Johnson, Kotz &amp; Balakrishnan,
 * Continuous Univariate Distributions vol. 2, ch. 30):
 * P(F &lt;= f; d1, d2, lambda) = sum_j Pois(j; lambda/2) I_x(d1/2 + j, d2/2), x = d1 f / (d1 f + d2),
 * with I the regularized incomplete beta function. The sum starts at the Poisson mode and walks
 * outwards in both directions until the Poisson mass left is below 1e-15, so it stays accurate
 * (and fast) for large lambda, where a sum from j = 0 would start with underflowing weights.
 */
public final class NoncentralF {

    /** Poisson mass that may be left out of the mixture. */
    private static final double MASS_EPS = 1e-15;

    private NoncentralF() {
    }

    /** P(F &lt;= f) for the noncentral F with (df1, df2) degrees of freedom and noncentrality lambda &gt;= 0. */
    public static double cdf(double f, double df1, double df2, double lambda) {
        if (Double.isNaN(f) || !(df1 > 0) || !(df2 > 0) || !(lambda >= 0) || Double.isInfinite(lambda)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 0;
        }
        if (Double.isInfinite(f)) {
            return 1;
        }
        double x = df1 * f / (df1 * f + df2);
        double half = lambda / 2;
        if (half == 0) {
            return Beta.regularizedBeta(x, df1 / 2.0, df2 / 2.0);
        }
        int mode = (int) Math.floor(half);
        double sum = 0;
        double mass = 0;
        // upwards from the mode; I_x(df1/2 + j, df2/2) falls as j grows, so once it is negligible
        // the rest of the upper tail adds nothing
        for (int j = mode; ; j++) {
            double w = poisson(j, half);
            double b = Beta.regularizedBeta(x, df1 / 2.0 + j, df2 / 2.0);
            sum += w * b;
            mass += w;
            if (j > mode && (w < MASS_EPS * 1e-3 || 1 - mass < MASS_EPS || b < MASS_EPS * 1e-3)) {
                break;
            }
        }
        // downwards; the beta terms grow as j falls: once one is 1 to double precision, the terms
        // below it add their Poisson mass P(J <= j - 1) = Q(j, lambda/2) (regularized upper gamma)
        for (int j = mode - 1; j >= 0; j--) {
            double w = poisson(j, half);
            double b = Beta.regularizedBeta(x, df1 / 2.0 + j, df2 / 2.0);
            sum += w * b;
            mass += w;
            if (1 - mass < MASS_EPS || w < MASS_EPS * 1e-3) {
                break;
            }
            if (b > 1 - MASS_EPS && j > 0) {
                sum += Gamma.regularizedGammaQ(j, half);
                break;
            }
        }
        return Math.min(1, Math.max(0, sum));
    }

    private static double poisson(int j, double mean) {
        return Math.exp(j * Math.log(mean) - mean - Gamma.logGamma(j + 1.0));
    }

    /**
     * Two-sided interval {lower, upper} of the noncentrality parameter at the observed F: lower
     * solves P(F &lt;= f; lambda) = 1 - alpha/2 and upper P(F &lt;= f; lambda) = alpha/2, alpha = 1 -
     * confLevel. A bound whose equation has no solution at lambda &gt;= 0 (F too small to rule out
     * lambda = 0 at that level) is 0, as R's effectsize and MBESS's conf.limits.ncf report it.
     */
    public static double[] ncpInterval(double f, double df1, double df2, double confLevel) {
        if (Double.isNaN(f) || Double.isInfinite(f) || !(df1 > 0) || !(df2 > 0) || !(confLevel > 0 && confLevel < 1)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double alpha = 1 - confLevel;
        return new double[] {solve(f, df1, df2, 1 - alpha / 2), solve(f, df1, df2, alpha / 2)};
    }

    /** lambda &gt;= 0 with cdf(f; lambda) = target; 0 when cdf(f; 0) &lt;= target (the CDF falls as lambda grows). */
    static double solve(double f, double df1, double df2, double target) {
        if (cdf(f, df1, df2, 0) <= target) {
            return 0;
        }
        double lo = 0;
        double hi = Math.max(1, f * df1);
        while (cdf(f, df1, df2, hi) > target) {
            lo = hi;
            hi *= 2;
            if (hi > 1e9) {
                return Double.NaN;
            }
        }
        // bracketed: cdf(lo) > target >= cdf(hi). Illinois-type regula falsi, guarded by bisection
        double flo = cdf(f, df1, df2, lo) - target;
        double fhi = cdf(f, df1, df2, hi) - target;
        int side = 0;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * Math.max(1, hi); it++) {
            double mid = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(mid > lo && mid < hi) || it % 4 == 3) {
                mid = 0.5 * (lo + hi);
            }
            double fm = cdf(f, df1, df2, mid) - target;
            if (fm == 0) {
                return mid;
            }
            if (fm > 0) {
                lo = mid;
                flo = fm;
                if (side == 1) {
                    fhi /= 2;
                }
                side = 1;
            } else {
                hi = mid;
                fhi = fm;
                if (side == -1) {
                    flo /= 2;
                }
                side = -1;
            }
        }
        return 0.5 * (lo + hi);
    }
}
