package org.ihcblotquant.stats;

/**
 * Cox proportional hazards model with one covariate (a view of {@link CoxRegression} with one
 * column), with Efron (R's default) or Breslow ties; Wald, likelihood-ratio and score tests.
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

    /**
     * Fits log h(t) = log h0(t) + beta x. For a group comparison x is 1 for the compared group
     * and 0 for the reference, so exp(beta) is the hazard ratio of compared vs reference. The fit
     * is {@link CoxRegression}'s (subjects sorted once, risk sets accumulated backwards).
     */
    public static CoxModel fit(double[] time, boolean[] event, double[] x, Ties ties, double confLevel) {
        double[][] design = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            design[i][0] = x[i];
        }
        CoxRegression r = CoxRegression.fit(CoxData.of(time, event, null, design,
                java.util.Collections.singletonList("x")), ties, confLevel, new Warnings());
        CoxRegression.Coefficient c = r.coefficients.get(0);
        double se = c.infinite && Double.isNaN(c.se) ? Double.POSITIVE_INFINITY : c.se;
        return new CoxModel(ties, c.coef, se, confLevel, r.lrTest.statistic, r.scoreTest.statistic, r.iterations);
    }

    /** True when the estimate diverged (one group without events): HR and its CI are not meaningful. */
    public boolean isInfinite() {
        return Math.abs(coef) > 20 || !(se < 1e3);
    }
}
