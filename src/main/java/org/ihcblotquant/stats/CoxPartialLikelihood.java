package org.ihcblotquant.stats;

import java.util.Arrays;

/**
 * The Cox partial likelihood, its score vector and information matrix in one pass over the
 * subjects sorted once by stratum and decreasing time: the risk-set sums S0 = sum r, S1 = sum r x,
 * S2 = sum r x x' grow as the pass moves to earlier times, so each evaluation costs O(n p^2)
 * instead of one scan of all subjects per event time (Therneau &amp; Grambsch 2000, ch. 3;
 * the same accumulation as R's coxph). Tied events use Efron's approximation (the l-th of d tied
 * deaths sees the risk set minus l/d of the deaths' weight) or Breslow's (the full risk set).
 *
 * <p>Optionally the pass also returns the score and information of the extended model with
 * covariates x g(t) at gamma = 0, which is the proportional-hazards test of Grambsch &amp;
 * Therneau (1994) as computed by R's {@code cox.zph} (survival 3.x).
 */
final class CoxPartialLikelihood {

    /** Log-likelihood, score and information at one beta (and the g(t) extension when asked). */
    static final class Value {
        double loglik;
        double[] u;
        double[][] info;
        /** Score of the x g(t) terms at gamma = 0; null without g. */
        double[] ug;
        double[][] infoBetaG;
        double[][] infoGG;
    }

    final int n;
    final int p;
    /** Covariates centred on their means (so exp(eta) stays in range), row per subject. */
    private final double[][] x;
    private final double[] time;
    private final boolean[] event;
    private final int[] strata;
    private final boolean efron;
    /** Subjects by stratum, then by decreasing time. */
    private final int[] order;

    CoxPartialLikelihood(double[] time, boolean[] event, int[] strata, double[][] x, boolean efron) {
        this.n = time.length;
        this.p = n == 0 ? 0 : x[0].length;
        this.time = time;
        this.event = event;
        this.strata = strata == null ? new int[n] : strata;
        this.efron = efron;
        double[] mean = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        this.x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                this.x[i][j] = x[i][j] - mean[j];
            }
        }
        final int[] st = this.strata;
        order = IndexSort.sort(n, (a, b) -> st[a] != st[b] ? Integer.compare(st[a], st[b])
                : Double.compare(time[b], time[a]));
    }

    /** Covariate row of subject i, centred. */
    double[] row(int i) {
        return x[i];
    }

    double linearPredictor(int i, double[] beta) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
            eta += x[i][j] * beta[j];
        }
        return eta;
    }

    /**
     * @param g per subject, the transformed time of the proportional-hazards test (only its
     *          value at event times is used); null for the plain fit
     */
    Value evaluate(double[] beta, double[] g) {
        double[] r = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = linearPredictor(i, beta);
            r[i] = Math.exp(eta[i]);
        }
        Value v = new Value();
        v.u = new double[p];
        v.info = new double[p][p];
        if (g != null) {
            v.ug = new double[p];
            v.infoBetaG = new double[p][p];
            v.infoGG = new double[p][p];
        }
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        double[] d1 = new double[p];
        double[][] d2 = new double[p][p];
        double[] mean = new double[p];
        int k = 0;
        while (k < n) {
            int first = order[k];
            if (k == 0 || strata[first] != strata[order[k - 1]]) {
                // a new stratum: its own risk sets
                s0 = 0;
                Arrays.fill(s1, 0);
                for (double[] a : s2) {
                    Arrays.fill(a, 0);
                }
            }
            double t = time[first];
            int end = k;
            int deaths = 0;
            double d0 = 0;
            Arrays.fill(d1, 0);
            for (double[] a : d2) {
                Arrays.fill(a, 0);
            }
            double gt = 0;
            while (end < n && strata[order[end]] == strata[first] && time[order[end]] == t) {
                int i = order[end];
                double ri = r[i];
                double[] xi = x[i];
                s0 += ri;
                for (int a = 0; a < p; a++) {
                    s1[a] += ri * xi[a];
                    for (int b = 0; b <= a; b++) {
                        s2[a][b] += ri * xi[a] * xi[b];
                    }
                }
                if (event[i]) {
                    deaths++;
                    d0 += ri;
                    v.loglik += eta[i];
                    if (g != null) {
                        gt = g[i];
                    }
                    for (int a = 0; a < p; a++) {
                        d1[a] += ri * xi[a];
                        v.u[a] += xi[a];
                        if (g != null) {
                            v.ug[a] += gt * xi[a];
                        }
                        for (int b = 0; b <= a; b++) {
                            d2[a][b] += ri * xi[a] * xi[b];
                        }
                    }
                }
                end++;
            }
            for (int l = 0; l < deaths; l++) {
                double f = efron ? l / (double) deaths : 0.0;
                double a0 = s0 - f * d0;
                v.loglik -= Math.log(a0);
                for (int a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / a0;
                    v.u[a] -= mean[a];
                    if (g != null) {
                        v.ug[a] -= gt * mean[a];
                    }
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++) {
                        double var = (s2[a][b] - f * d2[a][b]) / a0 - mean[a] * mean[b];
                        v.info[a][b] += var;
                        if (g != null) {
                            v.infoBetaG[a][b] += gt * var;
                            v.infoGG[a][b] += gt * gt * var;
                        }
                    }
                }
            }
            k = end;
        }
        symmetrize(v.info);
        if (g != null) {
            symmetrize(v.infoBetaG);
            symmetrize(v.infoGG);
        }
        return v;
    }

    private static void symmetrize(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                m[b][a] = m[a][b];
            }
        }
    }
}
