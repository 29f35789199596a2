package org.ihcblotquant.stats;

import org.ihcblotquant.core.InputException;

/**
 * Student, Welch and paired t-tests as R's {@code t.test} computes them (two-sided). Commons Math
 * gives neither the degrees of freedom nor the confidence interval, so the formulas are here.
 */
public final class TTests {

    private TTests() {
    }

    /** Welch's test: unequal variances, Welch–Satterthwaite degrees of freedom. */
    public static TTestResult welch(String levelX, double[] x, String levelY, double[] y, double confLevel) {
        return welch(levelX, x, levelY, y, confLevel, Alternative.TWO_SIDED);
    }

    public static TTestResult welch(String levelX, double[] x, String levelY, double[] y, double confLevel,
            Alternative alternative) {
        requireTwo(levelX, x);
        requireTwo(levelY, y);
        Descriptives dx = Descriptives.of(levelX, x);
        Descriptives dy = Descriptives.of(levelY, y);
        double vx = dx.sd * dx.sd / dx.n;
        double vy = dy.sd * dy.sd / dy.n;
        double se = Math.sqrt(vx + vy);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (dx.n - 1) + vy * vy / (dy.n - 1));
        return finish("welch", dx.mean - dy.mean, se, df, confLevel, dx, dy, alternative);
    }

    /** Student's test: pooled variance, n_x + n_y - 2 degrees of freedom. */
    public static TTestResult student(String levelX, double[] x, String levelY, double[] y, double confLevel) {
        return student(levelX, x, levelY, y, confLevel, Alternative.TWO_SIDED);
    }

    public static TTestResult student(String levelX, double[] x, String levelY, double[] y, double confLevel,
            Alternative alternative) {
        requireTwo(levelX, x);
        requireTwo(levelY, y);
        Descriptives dx = Descriptives.of(levelX, x);
        Descriptives dy = Descriptives.of(levelY, y);
        double df = dx.n + dy.n - 2;
        double ssx = Descriptives.sumSquaredDeviations(x, dx.mean);
        double ssy = Descriptives.sumSquaredDeviations(y, dy.mean);
        double pooled = (ssx + ssy) / df;
        double se = Math.sqrt(pooled * (1.0 / dx.n + 1.0 / dy.n));
        return finish("student", dx.mean - dy.mean, se, df, confLevel, dx, dy, alternative);
    }

    /** Paired test on x[i] - y[i]; the arrays hold matched pairs in the same order. */
    public static TTestResult paired(String levelX, double[] x, String levelY, double[] y, double confLevel) {
        return paired(levelX, x, levelY, y, confLevel, Alternative.TWO_SIDED);
    }

    public static TTestResult paired(String levelX, double[] x, String levelY, double[] y, double confLevel,
            Alternative alternative) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length");
        }
        if (x.length < 2) {
            throw new InputException("paired t-test needs at least 2 complete pairs, found " + x.length);
        }
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        Descriptives dd = Descriptives.of("difference", d);
        double se = dd.sd / Math.sqrt(dd.n);
        return finish("paired", dd.mean, se, dd.n - 1, confLevel, Descriptives.of(levelX, x),
                Descriptives.of(levelY, y), alternative);
    }

    private static TTestResult finish(String method, double diff, double se, double df, double confLevel,
            Descriptives dx, Descriptives dy, Alternative alternative) {
        double t = diff / se;
        double p;
        double ciLow;
        double ciHigh;
        if (se == 0) {
            // zero variance in both samples: R stops with "data are essentially constant"
            throw new InputException("t-test: the data are constant (zero variance in "
                    + ("paired".equals(method) ? "the paired differences" : "both groups")
                    + "), the t statistic is undefined");
        }
        if (alternative == Alternative.TWO_SIDED) {
            double q = Distributions.tQuantile(1 - (1 - confLevel) / 2, df);
            p = Distributions.tTwoSided(t, df);
            ciLow = diff - q * se;
            ciHigh = diff + q * se;
        } else {
            // one-sided: half the two-sided tail on the side of the alternative, one-sided bound
            double q = Distributions.tQuantile(confLevel, df);
            double half = Distributions.tTwoSided(t, df) / 2;
            boolean below = t < 0;
            if (alternative == Alternative.LESS) {
                p = below ? half : 1 - half;
                ciLow = Double.NEGATIVE_INFINITY;
                ciHigh = diff + q * se;
            } else {
                p = below ? 1 - half : half;
                ciLow = diff - q * se;
                ciHigh = Double.POSITIVE_INFINITY;
            }
        }
        return new TTestResult(method, t, df, p, confLevel, ciLow, ciHigh, diff, se, dx, dy, alternative);
    }

    private static void requireTwo(String level, double[] v) {
        if (v.length < 2) {
            throw new InputException("t-test: group '" + level + "' has n = " + v.length
                    + " value(s); a t-test needs at least 2 per group");
        }
    }
}
