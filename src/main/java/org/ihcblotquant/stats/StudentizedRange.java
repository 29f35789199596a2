package org.ihcblotquant.stats;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * The studentized range distribution (Tukey's q), written from its definition:
 *
 * <pre>
 *   P(Q &lt;= q; k, df) = integral_0^inf f_S(s) W(q s; k) ds
 *   W(w; k)          = k integral phi(z) [Phi(z) - Phi(z - w)]^(k-1) dz
 * </pre>
 *
 * where W is the distribution of the range of k standard normals and S = sqrt(chi2_df / df) has
 * density f_S(s) = df^(df/2) / (Gamma(df/2) 2^(df/2 - 1)) s^(df-1) exp(-df s^2 / 2). Both integrals
 * are evaluated by composite Gauss–Legendre quadrature over finite ranges outside which the
 * integrands are below double precision. Accurate to about 1e-9 for the k and df of lab data.
 */
public final class StudentizedRange {

    private static final int POINTS = 24;
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(POINTS, -1, 1);
    /** Above this df the studentized range is indistinguishable from the range of normals. */
    private static final double DF_INFINITE = 1e5;

    private StudentizedRange() {
    }

    /** P(Q &lt;= q) for k groups and df error degrees of freedom. */
    public static double cdf(double q, int k, double df) {
        if (k < 2 || df < 1) {
            throw new IllegalArgumentException("studentized range needs k >= 2 and df >= 1");
        }
        if (!(q > 0)) {
            return 0;
        }
        if (Double.isInfinite(q)) {
            return 1;
        }
        if (df > DF_INFINITE) {
            return rangeCdf(q, k);
        }
        // S concentrates around 1 with sd about 1/sqrt(2 df); its tails beyond these limits are negligible
        double sdS = 1.0 / Math.sqrt(2 * df);
        double lo = Math.max(0.0, 1.0 - 12 * sdS);
        double hi = 1.0 + 14 * sdS + (df < 10 ? 6.0 / df : 0.0);
        double logNorm = (df / 2.0) * Math.log(df) - Gamma.logGamma(df / 2.0) - (df / 2.0 - 1) * Math.log(2);
        int panels = 12;
        double h = (hi - lo) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double a = lo + p * h;
            double mid = a + h / 2;
            double half = h / 2;
            for (int i = 0; i < POINTS; i++) {
                double s = mid + half * RULE.getPoint(i);
                if (s <= 0) {
                    continue;
                }
                double logDensity = logNorm + (df - 1) * Math.log(s) - df * s * s / 2;
                double density = Math.exp(logDensity);
                if (density < 1e-300) {
                    continue;
                }
                sum += half * RULE.getWeight(i) * density * rangeCdf(q * s, k);
            }
        }
        return Math.min(1.0, Math.max(0.0, sum));
    }

    /** P(Q &gt; q): the adjusted p-value of a Tukey comparison. */
    public static double upperTail(double q, int k, double df) {
        return Math.max(0.0, 1.0 - cdf(q, k, df));
    }

    /** The q with P(Q &lt;= q) = p, e.g. p = 0.95 for the Tukey critical value. */
    public static double quantile(double p, int k, double df) {
        double hi = 1;
        while (cdf(hi, k, df) < p) {
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalStateException("studentized range quantile did not bracket");
            }
        }
        BrentSolver solver = new BrentSolver(1e-13, 1e-12);
        return solver.solve(500, q -> cdf(q, k, df) - p, 0, hi);
    }

    /** Inner quadrature nodes over [-8.5, 8.5] (phi is below 1e-16 outside), with phi and Phi there. */
    private static final double[] Z;
    private static final double[] WEIGHT_PHI;
    private static final double[] PHI_CDF;

    static {
        int panels = 10;
        double lo = -8.5;
        double h = 17.0 / panels;
        Z = new double[panels * POINTS];
        WEIGHT_PHI = new double[Z.length];
        PHI_CDF = new double[Z.length];
        for (int p = 0; p < panels; p++) {
            double mid = lo + p * h + h / 2;
            for (int i = 0; i < POINTS; i++) {
                int j = p * POINTS + i;
                Z[j] = mid + h / 2 * RULE.getPoint(i);
                WEIGHT_PHI[j] = h / 2 * RULE.getWeight(i) * Distributions.normalDensity(Z[j]);
                PHI_CDF[j] = Distributions.normalCdf(Z[j]);
            }
        }
    }

    /** Distribution of the range of k independent standard normals: P(range &lt;= w). */
    static double rangeCdf(double w, int k) {
        if (w <= 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < Z.length; j++) {
            double inner = PHI_CDF[j] - Distributions.normalCdf(Z[j] - w);
            if (inner > 0) {
                sum += WEIGHT_PHI[j] * Math.pow(inner, k - 1);
            }
        }
        return Math.min(1.0, k * sum);
    }
}
