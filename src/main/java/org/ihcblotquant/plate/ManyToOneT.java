package org.ihcblotquant.plate;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;
import org.ihcblotquant.stats.Distributions;

/**
 * Distribution of max_i |T_i| for Dunnett's many-to-one comparisons: T_i = Z_i / S with
 * (Z_1..Z_k) multivariate normal of unit variances and correlations rho_ij = lambda_i lambda_j,
 * lambda_i = sqrt(n_i / (n_i + n_c)) (each treatment against the same control), and
 * S = sqrt(chi2_df / df) independent of Z.
 *
 * <p>Because the correlation has product form, Z_i = lambda_i Z_0 + sqrt(1 - lambda_i^2) Y_i with
 * independent standard normals Z_0, Y_i (Dunnett 1955, J Am Stat Assoc 50:1096; Hochberg &amp;
 * Tamhane 1987, ch. 3), so the k-dimensional probability becomes a two-dimensional integral:
 *
 * <pre>
 *   P(max |T_i| &lt;= c) = integral_0^inf f_S(s) integral phi(z) prod_i [Phi(u_i+) - Phi(u_i-)] dz ds
 *   u_i(+/-) = (+/- c s - lambda_i z) / sqrt(1 - lambda_i^2)
 * </pre>
 *
 * Both integrals are evaluated by composite Gauss–Legendre quadrature over ranges outside which
 * the integrands are below double precision. This is the quantity R's multcomp (through
 * mvtnorm's randomised quasi-Monte Carlo) and scipy.stats.dunnett estimate; here it is computed
 * deterministically to about 1e-8.
 */
public final class ManyToOneT {

    private static final int POINTS = 20;
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(POINTS, -1, 1);
    /** Above this df, S is 1 to double precision for our purposes (normal limit). */
    private static final double DF_INFINITE = 1e6;
    private static final double[] Z;
    private static final double[] WEIGHT_PHI;

    static {
        int panels = 10;
        double lo = -8.5;
        double h = 17.0 / panels;
        Z = new double[panels * POINTS];
        WEIGHT_PHI = new double[Z.length];
        for (int p = 0; p < panels; p++) {
            double mid = lo + p * h + h / 2;
            for (int i = 0; i < POINTS; i++) {
                int j = p * POINTS + i;
                Z[j] = mid + h / 2 * RULE.getPoint(i);
                WEIGHT_PHI[j] = h / 2 * RULE.getWeight(i) * Distributions.normalDensity(Z[j]);
            }
        }
    }

    private final double[] lambda;
    private final double[] scale;
    private final double df;

    /**
     * @param lambda sqrt(n_i / (n_i + n_control)) of each treatment, each in (0, 1)
     * @param df     error degrees of freedom of the pooled variance (Double.POSITIVE_INFINITY: normal)
     */
    public ManyToOneT(double[] lambda, double df) {
        if (lambda.length < 1) {
            throw new IllegalArgumentException("need at least one comparison");
        }
        if (!(df >= 1)) {
            throw new IllegalArgumentException("need df >= 1");
        }
        this.lambda = lambda.clone();
        this.scale = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            if (!(lambda[i] >= 0 && lambda[i] < 1)) {
                throw new IllegalArgumentException("lambda must be in [0, 1)");
            }
            scale[i] = 1.0 / Math.sqrt(1 - lambda[i] * lambda[i]);
        }
        this.df = df;
    }

    /** The lambdas of treatments with sizes {@code n[i]} against a control of size {@code nControl}. */
    public static double[] lambdas(int[] n, int nControl) {
        double[] l = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            l[i] = Math.sqrt(n[i] / (double) (n[i] + nControl));
        }
        return l;
    }

    /**
     * P(max |Z_i| &gt; w) for the multivariate normal (the inner integral), computed as a tail so
     * that small probabilities keep their relative precision: given Z_0 = z the events are
     * independent, each with q_i = P(|Z_i| &gt; w | z), and 1 - prod(1 - q_i) = -expm1(sum log1p(-q_i)).
     */
    double normalUpper(double w) {
        if (w <= 0) {
            return 1;
        }
        double sum = 0;
        for (int j = 0; j < Z.length; j++) {
            double logInside = 0;
            for (int i = 0; i < lambda.length; i++) {
                double lz = lambda[i] * Z[j];
                double q = phi((-w + lz) * scale[i]) + phi((-w - lz) * scale[i]);
                logInside += Math.log1p(-Math.min(q, 1.0));
            }
            sum += WEIGHT_PHI[j] * -Math.expm1(logInside);
        }
        return Math.min(1.0, Math.max(0.0, sum));
    }

    /**
     * Standard normal lower tail by Hart's algorithm 5666 in the double-precision form of West
     * (2005, Wilmott Magazine, "Better approximations to cumulative normal functions"): absolute
     * error below 1e-14, many times faster than the incomplete-gamma route, which matters because
     * the quadrature evaluates it millions of times.
     */
    static double phi(double x) {
        double a = Math.abs(x);
        double tail;
        if (a > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-a * a / 2);
            if (a < 7.07106781186547) {
                double num = 3.52624965998911E-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184E-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** P(max_i |T_i| &lt;= c). */
    public double cdf(double c) {
        return 1.0 - upperTail(c);
    }

    /** P(max_i |T_i| &gt; c), with relative precision for small values. */
    public double upperTail(double c) {
        if (!(c > 0)) {
            return 1;
        }
        if (Double.isInfinite(c)) {
            return 0;
        }
        if (df > DF_INFINITE) {
            return normalUpper(c);
        }
        double sdS = 1.0 / Math.sqrt(2 * df);
        double lo = Math.max(0.0, 1.0 - 12 * sdS);
        double hi = 1.0 + 14 * sdS + (df < 10 ? 6.0 / df : 0.0);
        double logNorm = (df / 2.0) * Math.log(df) - Gamma.logGamma(df / 2.0) - (df / 2.0 - 1) * Math.log(2);
        int panels = 10;
        double h = (hi - lo) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = lo + p * h + h / 2;
            for (int i = 0; i < POINTS; i++) {
                double s = mid + h / 2 * RULE.getPoint(i);
                if (s <= 0) {
                    continue;
                }
                double density = Math.exp(logNorm + (df - 1) * Math.log(s) - df * s * s / 2);
                if (density < 1e-300) {
                    continue;
                }
                sum += h / 2 * RULE.getWeight(i) * density * normalUpper(c * s);
            }
        }
        return Math.min(1.0, Math.max(0.0, sum));
    }

    /** Two-sided single-step adjusted p of an observed |t|: P(max_i |T_i| &gt;= |t|). */
    public double adjustedP(double t) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return upperTail(Math.abs(t));
    }

    /** The critical value c with P(max_i |T_i| &lt;= c) = level (simultaneous two-sided intervals). */
    public double quantile(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1)");
        }
        double hi = 2;
        while (cdf(hi) < level) {
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalStateException("many-to-one t quantile did not bracket");
            }
        }
        BrentSolver solver = new BrentSolver(1e-12, 1e-10);
        return solver.solve(500, c -> cdf(c) - level, 0, hi);
    }
}
