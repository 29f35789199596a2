package org.ihcblotquant.stats;

import java.util.Arrays;

/**
 * Effect sizes a reviewer asks for next to a p-value.
 * <ul>
 * <li>Cohen's d = (mean_x - mean_y) / pooled SD, and Hedges' g = J d with the small-sample
 * correction J = 1 - 3 / (4 (n_x + n_y) - 9); intervals from the large-sample standard error
 * sqrt((n_x + n_y) / (n_x n_y) + d^2 / (2 (n_x + n_y))) (Hedges &amp; Olkin 1985, eq. 5.15).</li>
 * <li>Hodges–Lehmann shift: the median of all differences x_i - y_j, with the exact
 * distribution-free interval from the order statistics of those differences when there are no
 * ties and both groups have fewer than 50 values (as R's {@code wilcox.test(conf.int = TRUE)});
 * otherwise the interval is not reported (NaN).</li>
 * <li>eta^2 = SS_between / SS_total and omega^2 = (SS_between - (k - 1) MS_within) /
 * (SS_total + MS_within) of a one-way ANOVA (Olejnik &amp; Algina 2003), with the two-sided
 * interval of the noncentrality parameter lambda of the noncentral F at the observed F
 * ({@link NoncentralF#ncpInterval}) mapped to lambda / (lambda + df_within), as R's effectsize
 * ({@code F_to_eta2(lambda / df1)}) does for eta^2 and omega^2 alike; a bound that F cannot
 * separate from lambda = 0 is 0.</li>
 * </ul>
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /** {d, lower, upper, g, g lower, g upper}. */
    public static double[] cohenD(double[] x, double[] y, double confLevel) {
        int nx = x.length;
        int ny = y.length;
        double mx = Descriptives.mean(x);
        double my = Descriptives.mean(y);
        double sp = Math.sqrt((Descriptives.sumSquaredDeviations(x, mx) + Descriptives.sumSquaredDeviations(y, my))
                / (nx + ny - 2));
        double d = (mx - my) / sp;
        double se = Math.sqrt((nx + ny) / (double) (nx * ny) + d * d / (2.0 * (nx + ny)));
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        double j = 1 - 3.0 / (4 * (nx + ny) - 9);
        return new double[] {d, d - z * se, d + z * se, j * d, j * (d - z * se), j * (d + z * se)};
    }

    /** {shift, lower, upper}; the interval is NaN with ties or n &gt;= 50 in a group. */
    public static double[] hodgesLehmann(double[] x, double[] y, double confLevel) {
        int nx = x.length;
        int ny = y.length;
        double[] diffs = new double[nx * ny];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                diffs[k++] = a - b;
            }
        }
        Arrays.sort(diffs);
        int m = diffs.length;
        double est = m % 2 == 1 ? diffs[m / 2] : (diffs[m / 2 - 1] + diffs[m / 2]) / 2;
        double[] all = new double[nx + ny];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        if (nx >= 50 || ny >= 50 || MannWhitney.tieCubes(all) > 0) {
            return new double[] {est, Double.NaN, Double.NaN};
        }
        // qu = smallest q with P(U <= q) >= alpha/2 (R's qwilcox), at least 1
        double[] c = MannWhitney.counts(nx, ny);
        double total = 0;
        for (double v : c) {
            total += v;
        }
        double alpha = 1 - confLevel;
        double cum = 0;
        int qu = 0;
        for (int q = 0; q < c.length; q++) {
            cum += c[q];
            if (cum / total >= alpha / 2 - 1e-12) {
                qu = q;
                break;
            }
        }
        if (qu == 0) {
            qu = 1;
        }
        int ql = nx * ny - qu;
        return new double[] {est, diffs[qu - 1], diffs[ql]};
    }

    /** {eta^2, omega^2} of a one-way ANOVA. */
    public static double[] etaOmegaSquared(AnovaResult a) {
        double ssTotal = a.ssBetween + a.ssWithin;
        return new double[] {a.ssBetween / ssTotal,
            (a.ssBetween - a.dfBetween * a.msWithin) / (ssTotal + a.msWithin)};
    }

    /**
     * Two-sided interval of eta^2 and omega^2 at {@code confLevel}: {lambda lower, lambda upper,
     * effect lower, effect upper}, effect bound = lambda / (lambda + df_within). For a one-way
     * ANOVA partial eta^2 equals eta^2, so the same interval serves both. NaN when F is undefined
     * (no variation within groups).
     */
    public static double[] etaOmegaSquaredCi(AnovaResult a, double confLevel) {
        double[] ncp = NoncentralF.ncpInterval(a.f, a.dfBetween, a.dfWithin, confLevel);
        return new double[] {ncp[0], ncp[1], ncp[0] / (ncp[0] + a.dfWithin), ncp[1] / (ncp[1] + a.dfWithin)};
    }
}
