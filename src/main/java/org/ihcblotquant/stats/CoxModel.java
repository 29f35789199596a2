package org.ihcblotquant.stats;

/**
 * Cox proportional hazards model with one covariate, fitted by Newton–Raphson on the partial
 * likelihood with Efron (R's default) or Breslow ties; Wald, likelihood-ratio and score tests.
 */
public final class CoxModel {

    /** How tied event times enter the partial likelihood. */
    public enum Ties {
        EFRON, BRESLOW
    }

    public final Ties ties;
    public final double coef;
    public final double se;
    public final double hr;
    public final double hrLower;
    public final double hrUpper;
    public final double z;
    public final double pWald;
    public final double lrt;
    public final double pLrt;
    public final double score;
    public final double pScore;
    public final int iterations;

    private CoxModel(Ties ties, double coef, double se, double confLevel, double lrt, double score, int iterations) {
        this.ties = ties;
        this.coef = coef;
        this.se = se;
        this.hr = Math.exp(coef);
        double zq = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        this.hrLower = Math.exp(coef - zq * se);
        this.hrUpper = Math.exp(coef + zq * se);
        this.z = coef / se;
        this.pWald = Distributions.normalTwoSided(z);
        this.lrt = lrt;
        this.pLrt = Distributions.chiSquareUpper(lrt, 1);
        this.score = score;
        this.pScore = Distributions.chiSquareUpper(score, 1);
        this.iterations = iterations;
    }

    /** Log partial likelihood, score and information at beta. */
    static double[] evaluate(double beta, double[] time, boolean[] event, double[] x, Ties ties) {
        double loglik = 0;
        double u = 0;
        double info = 0;
        int n = time.length;
        // distinct event times
        double[] sorted = time.clone();
        java.util.Arrays.sort(sorted);
        double last = Double.NaN;
        for (double t : sorted) {
            if (t == last) {
                continue;
            }
            last = t;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            int d = 0;
            double sumXDead = 0;
            for (int i = 0; i < n; i++) {
                if (time[i] >= t) {
                    double r = Math.exp(beta * x[i]);
                    s0 += r;
                    s1 += r * x[i];
                    s2 += r * x[i] * x[i];
                    if (time[i] == t && event[i]) {
                        d++;
                        d0 += r;
                        d1 += r * x[i];
                        d2 += r * x[i] * x[i];
                        sumXDead += x[i];
                    }
                }
            }
            if (d == 0) {
                continue;
            }
            loglik += beta * sumXDead;
            u += sumXDead;
            for (int l = 0; l < d; l++) {
                // Efron removes the fraction l/d of the tied deaths' risk; Breslow keeps all of it
                double f = ties == Ties.EFRON ? l / (double) d : 0.0;
                double a0 = s0 - f * d0;
                double a1 = s1 - f * d1;
                double a2 = s2 - f * d2;
                loglik -= Math.log(a0);
                double mean = a1 / a0;
                u -= mean;
                info += a2 / a0 - mean * mean;
            }
        }
        return new double[] {loglik, u, info};
    }

    /**
     * Fits log h(t) = log h0(t) + beta x. For a group comparison x is 1 for the compared group
     * and 0 for the reference, so exp(beta) is the hazard ratio of compared vs reference.
     */
    public static CoxModel fit(double[] time, boolean[] event, double[] x, Ties ties, double confLevel) {
        double[] at0 = evaluate(0, time, event, x, ties);
        double beta = 0;
        double[] cur = at0;
        int iter = 0;
        for (; iter < 50; iter++) {
            if (cur[2] <= 0) {
                break;
            }
            double step = cur[1] / cur[2];
            double next = beta + step;
            double[] nv = evaluate(next, time, event, x, ties);
            // step halving keeps the likelihood increasing (guards against divergence when one
            // group has no events and the estimate runs off to infinity)
            int halvings = 0;
            while (nv[0] < cur[0] - 1e-12 && halvings < 30) {
                step /= 2;
                next = beta + step;
                nv = evaluate(next, time, event, x, ties);
                halvings++;
            }
            boolean converged = Math.abs(nv[0] - cur[0]) <= 1e-12 * Math.max(1, Math.abs(cur[0]))
                    && Math.abs(step) < 1e-10;
            beta = next;
            cur = nv;
            if (converged) {
                break;
            }
        }
        double se = 1 / Math.sqrt(cur[2]);
        double lrt = 2 * (cur[0] - at0[0]);
        double score = at0[2] > 0 ? at0[1] * at0[1] / at0[2] : Double.NaN;
        return new CoxModel(ties, beta, se, confLevel, lrt, score, iter);
    }

    /** True when the estimate diverged (one group without events): HR and its CI are not meaningful. */
    public boolean isInfinite() {
        return Math.abs(coef) > 20 || !(se < 1e3);
    }
}
