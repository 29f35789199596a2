package org.ihcblotquant.stats;

import java.util.Arrays;

import org.ihcblotquant.core.InputException;

/**
 * Two-sided Wilcoxon rank-sum (Mann–Whitney U) test following R's {@code wilcox.test} defaults:
 * the exact distribution when both samples have fewer than 50 values and there are no ties,
 * otherwise the normal approximation with continuity correction and the tie-corrected variance.
 * (Commons Math reports max(U1, U2) and no continuity correction, so it differs from R.)
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    public static MannWhitneyResult test(String levelX, double[] x, String levelY, double[] y) {
        return test(levelX, x, levelY, y, Alternative.TWO_SIDED);
    }

    /** One- or two-sided (R's {@code alternative}; "less": x tends to be smaller than y). */
    public static MannWhitneyResult test(String levelX, double[] x, String levelY, double[] y,
            Alternative alternative) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 1 || ny < 1) {
            throw new InputException("Mann-Whitney test: group '" + (nx < 1 ? levelX : levelY)
                    + "' has no values");
        }
        int n = nx + ny;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] ranks = midRanks(all);
        double rankSumX = 0;
        for (int i = 0; i < nx; i++) {
            rankSumX += ranks[i];
        }
        double w = rankSumX - nx * (nx + 1) / 2.0;
        double tieSum = tieCubes(all);
        boolean ties = tieSum > 0;
        if (nx < 50 && ny < 50 && !ties) {
            double p = exact((int) Math.round(w), nx, ny, alternative);
            return new MannWhitneyResult(w, p, true, "exact", Descriptives.of(levelX, x), Descriptives.of(levelY, y));
        }
        double mu = nx * (double) ny / 2.0;
        double sigma = Math.sqrt(nx * (double) ny / 12.0 * ((n + 1) - tieSum / (n * (double) (n - 1))));
        double z = w - mu;
        // continuity correction of 0.5 towards the mean
        double correction = alternative == Alternative.TWO_SIDED ? Math.signum(z) * 0.5
                : alternative == Alternative.GREATER ? 0.5 : -0.5;
        z = (z - correction) / sigma;
        double p = sigma == 0 ? Double.NaN
                : alternative == Alternative.TWO_SIDED ? Distributions.normalTwoSided(z)
                        : alternative == Alternative.LESS ? Distributions.normalCdf(z) : Distributions.normalCdf(-z);
        return new MannWhitneyResult(w, p, false, "normal approximation with continuity and tie correction",
                Descriptives.of(levelX, x), Descriptives.of(levelY, y));
    }

    /** Ranks 1..n with ties given the mean of their ranks. */
    static double[] midRanks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    /** Sum over tie groups of t^3 - t. */
    static double tieCubes(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double sum = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    /**
     * Exact two-sided p of the U statistic without ties: counts of U over all C(nx+ny, nx)
     * arrangements by the recursion c(u; m, n) = c(u - n; m - 1, n) + c(u; m, n - 1).
     */
    static double exactTwoSided(int u, int nx, int ny) {
        return exact(u, nx, ny, Alternative.TWO_SIDED);
    }

    /** Exact p of U (no ties): P(U &lt;= u) for less, P(U &gt;= u) for greater. */
    static double exact(int u, int nx, int ny, Alternative alternative) {
        double[] c = counts(nx, ny);
        double total = 0;
        for (double v : c) {
            total += v;
        }
        double lower = 0;
        for (int k = 0; k <= u; k++) {
            lower += c[k];
        }
        double upper = 0;
        for (int k = u; k < c.length; k++) {
            upper += c[k];
        }
        return alternative.fromLower(lower / total, upper / total);
    }

    /** Number of arrangements giving each U = 0..nx ny. */
    static double[] counts(int nx, int ny) {
        int max = nx * ny;
        // dist[m][k] over the number of x values placed; iterate over y count with a rolling table
        double[][] prev = new double[nx + 1][];
        for (int m = 0; m <= nx; m++) {
            prev[m] = new double[max + 1];
        }
        // n = 0: only U = 0 possible
        for (int m = 0; m <= nx; m++) {
            prev[m][0] = 1;
        }
        for (int nn = 1; nn <= ny; nn++) {
            double[][] cur = new double[nx + 1][max + 1];
            cur[0][0] = 1;
            for (int m = 1; m <= nx; m++) {
                for (int k = 0; k <= m * nn; k++) {
                    double a = k - nn >= 0 ? cur[m - 1][k - nn] : 0;
                    double b = prev[m][k];
                    cur[m][k] = a + b;
                }
            }
            prev = cur;
        }
        return prev[nx];
    }
}
