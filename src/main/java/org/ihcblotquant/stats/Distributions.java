package org.ihcblotquant.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities computed from the special functions, so that small p-values keep their
 * relative precision ({@code 1 - cdf} would underflow to 0).
 */
public final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /** P(|T| >= |t|) for Student's t with {@code df} degrees of freedom (df may be fractional). */
    public static double tTwoSided(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0;
        }
        // P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2)
        return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
    }

    /** Quantile of Student's t, e.g. 0.975 for a two-sided 95 % interval. */
    public static double tQuantile(double p, double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** P(F >= f) for the F distribution with (df1, df2) degrees of freedom. */
    public static double fUpper(double f, double df1, double df2) {
        if (Double.isNaN(f) || df1 <= 0 || df2 <= 0) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        if (Double.isInfinite(f)) {
            return 0;
        }
        // P(F > f) = I_{df2/(df2+df1 f)}(df2/2, df1/2)
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0);
    }

    /** P(X >= x) for chi-square with {@code df} degrees of freedom. */
    public static double chiSquareUpper(double x, double df) {
        if (Double.isNaN(x) || df <= 0) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** Standard normal lower tail P(Z <= z), accurate in the far tails. */
    public static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
    }

    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** Two-sided normal p-value 2 P(Z >= |z|). */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, 2.0 * normalCdf(-Math.abs(z)));
    }

    public static double normalDensity(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }
}
