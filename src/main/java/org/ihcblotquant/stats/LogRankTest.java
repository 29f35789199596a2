package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ihcblotquant.core.InputException;

/**
 * Log-rank test of two or more groups, as R's {@code survdiff(rho = 0)}: at each distinct event
 * time with n at risk and d events, expected E_j += d n_j / n and the hypergeometric covariance
 * V_jk += d (n - d) / (n - 1) (n_j / n) (delta_jk - n_k / n), which accounts for tied events.
 * chisq = U' V^- U over the first k - 1 groups (U = O - E), df = rank of that block.
 */
public final class LogRankTest {
    public final List<String> levels;
    public final int[] n;
    public final double[] observed;
    public final double[] expected;
    public final double[][] variance;
    public final double chisq;
    public final int df;
    public final double p;

    private LogRankTest(List<String> levels, int[] n, double[] observed, double[] expected, double[][] variance,
            double chisq, int df, double p) {
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
        this.n = n;
        this.observed = observed;
        this.expected = expected;
        this.variance = variance;
        this.chisq = chisq;
        this.df = df;
        this.p = p;
    }

    /** The log-rank test of all groups. */
    public static LogRankTest test(SurvivalData data) {
        return test(data, null);
    }

    /**
     * The stratified log-rank test (R {@code survdiff(... + strata(s))}): observed, expected and
     * the variance are summed over strata, each stratum with its own risk sets.
     *
     * @param strata stratum index of each subject, or null for none
     */
    public static LogRankTest test(SurvivalData data, int[] strata) {
        int k = data.levelCount();
        if (k < 2) {
            throw new InputException("log-rank test needs at least 2 groups, found " + k);
        }
        int[] size = new int[k];
        for (int g = 0; g < k; g++) {
            size[g] = data.count(g);
            if (size[g] == 0) {
                throw new InputException("log-rank test: group '" + data.levels().get(g) + "' has no subjects");
            }
        }
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] v = new double[k][k];
        // one pass over the subjects sorted by time; risk[g] counts those not yet passed
        int total = data.size();
        final int[] st = strata == null ? new int[total] : strata;
        int[] idx = IndexSort.sort(total, (a, b) -> st[a] != st[b] ? Integer.compare(st[a], st[b])
                : Double.compare(data.time(a), data.time(b)));
        int[] risk = new int[k];
        int[] dead = new int[k];
        int[] leaving = new int[k];
        int pos = 0;
        while (pos < total) {
            if (pos == 0 || st[idx[pos]] != st[idx[pos - 1]]) {
                // a new stratum: everyone in it is at risk at its first time
                java.util.Arrays.fill(risk, 0);
                for (int j = pos; j < total && st[idx[j]] == st[idx[pos]]; j++) {
                    risk[data.group(idx[j])]++;
                }
            }
            double t = data.time(idx[pos]);
            int stratum = st[idx[pos]];
            java.util.Arrays.fill(dead, 0);
            java.util.Arrays.fill(leaving, 0);
            double dt = 0;
            while (pos < total && data.time(idx[pos]) == t && st[idx[pos]] == stratum) {
                int g = data.group(idx[pos]);
                leaving[g]++;
                if (data.event(idx[pos])) {
                    dead[g]++;
                    dt++;
                }
                pos++;
            }
            if (dt > 0) {
                double nt = 0;
                for (int g = 0; g < k; g++) {
                    nt += risk[g];
                }
                for (int g = 0; g < k; g++) {
                    obs[g] += dead[g];
                    exp[g] += dt * risk[g] / nt;
                }
                if (nt > 1) {
                    double factor = dt * (nt - dt) / (nt - 1);
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            double delta = a == b ? 1 : 0;
                            v[a][b] += factor * (risk[a] / nt) * (delta - risk[b] / nt);
                        }
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                risk[g] -= leaving[g];
            }
        }
        int m = k - 1;
        RealMatrix vm = new Array2DRowRealMatrix(m, m);
        RealVector u = new ArrayRealVector(m);
        for (int a = 0; a < m; a++) {
            u.setEntry(a, obs[a] - exp[a]);
            for (int b = 0; b < m; b++) {
                vm.setEntry(a, b, v[a][b]);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(vm);
        int rank = svd.getRank();
        double chisq;
        if (rank == 0) {
            chisq = Double.NaN;
        } else {
            // generalized inverse: the same statistic as R when groups are collinear
            chisq = u.dotProduct(svd.getSolver().getInverse().operate(u));
        }
        double p = rank == 0 ? Double.NaN : Distributions.chiSquareUpper(chisq, rank);
        return new LogRankTest(data.levels(), size, obs, exp, v, chisq, rank, p);
    }

    /**
     * Log-rank test for trend over ordered groups (Collett 2015, sec. 2.6.4; Peto et al. 1977):
     * with scores w (e.g. 0, 1, 2, 3 for IHC 0 / 1+ / 2+ / 3+), U = sum w_g (O_g - E_g),
     * V = w' V w, chi-square U^2 / V on 1 df. Returns {chisq, p, U, V}.
     */
    public double[] trend(double[] scores) {
        if (scores.length != levels.size()) {
            throw new IllegalArgumentException("need one score per group");
        }
        double u = 0;
        double var = 0;
        for (int a = 0; a < scores.length; a++) {
            u += scores[a] * (observed[a] - expected[a]);
            for (int b = 0; b < scores.length; b++) {
                var += scores[a] * variance[a][b] * scores[b];
            }
        }
        double chisq = u * u / var;
        return new double[] {chisq, Distributions.chiSquareUpper(chisq, 1), u, var};
    }
}
