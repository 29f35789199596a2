package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ihcblotquant.core.InputException;

/**
 * Multivariable Cox proportional hazards model, as R's {@code coxph}: Newton–Raphson on the
 * partial likelihood from beta = 0 with step halving, Efron (default) or Breslow ties, strata
 * (a baseline hazard per stratum). Reports per coefficient the estimate, its standard error
 * (inverse information), hazard ratio with Wald interval, z and p; the likelihood-ratio, Wald and
 * score tests of all coefficients; Harrell's concordance; and the proportional-hazards test of
 * each term and of the whole model as R's {@code cox.zph(fit, transform = "km")}.
 */
public final class CoxRegression {

    /** One coefficient (one column of the design matrix). */
    public static final class Coefficient {
        public final CoxData.Column column;
        public final double coef;
        public final double se;
        public final double hr;
        public final double ciLow;
        public final double ciHigh;
        public final double z;
        public final double p;
        /** True when the estimate runs off to infinity (e.g. a level without events). */
        public final boolean infinite;

        Coefficient(CoxData.Column column, double coef, double se, double zq, boolean infinite) {
            this.column = column;
            this.coef = coef;
            this.se = se;
            this.hr = Math.exp(coef);
            this.ciLow = Math.exp(coef - zq * se);
            this.ciHigh = Math.exp(coef + zq * se);
            this.z = coef / se;
            this.p = Distributions.normalTwoSided(z);
            this.infinite = infinite;
        }

        public String term() {
            return column.name;
        }
    }

    /** A chi-square test: statistic, degrees of freedom, p. */
    public static final class ChiSquareTest {
        public final String name;
        public final double statistic;
        public final int df;
        public final double p;

        ChiSquareTest(String name, double statistic, int df) {
            this.name = name;
            this.statistic = statistic;
            this.df = df;
            this.p = Distributions.chiSquareUpper(statistic, df);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = Json.object();
            m.put("statistic", statistic);
            m.put("df", df);
            m.put("p", p);
            return m;
        }
    }

    public final CoxData data;
    public final CoxModel.Ties ties;
    public final double confLevel;
    public final List<Coefficient> coefficients;
    /** Covariance matrix of the coefficients (inverse information at the estimate). */
    public final double[][] variance;
    public final double loglikNull;
    public final double loglik;
    public final ChiSquareTest lrTest;
    public final ChiSquareTest waldTest;
    public final ChiSquareTest scoreTest;
    public final Concordance concordance;
    /** Proportional-hazards test per term (model order), as cox.zph. */
    public final List<ChiSquareTest> zphTerms;
    public final ChiSquareTest zphGlobal;
    public final int iterations;

    private CoxRegression(CoxData data, CoxModel.Ties ties, double confLevel, List<Coefficient> coefficients,
            double[][] variance, double loglikNull, double loglik, ChiSquareTest lr, ChiSquareTest wald,
            ChiSquareTest score, Concordance concordance, List<ChiSquareTest> zphTerms, ChiSquareTest zphGlobal,
            int iterations) {
        this.data = data;
        this.ties = ties;
        this.confLevel = confLevel;
        this.coefficients = Collections.unmodifiableList(coefficients);
        this.variance = variance;
        this.loglikNull = loglikNull;
        this.loglik = loglik;
        this.lrTest = lr;
        this.waldTest = wald;
        this.scoreTest = score;
        this.concordance = concordance;
        this.zphTerms = Collections.unmodifiableList(zphTerms);
        this.zphGlobal = zphGlobal;
        this.iterations = iterations;
    }

    public int n() {
        return data.size();
    }

    public int events() {
        return data.events();
    }

    /** Fits the model; warnings (infinite coefficients) go to {@code w}. */
    public static CoxRegression fit(CoxData data, CoxModel.Ties ties, double confLevel, Warnings w) {
        int p = data.columns.size();
        if (data.events() == 0) {
            throw new InputException("Cox model: no events among the " + data.size() + " subjects");
        }
        CoxPartialLikelihood pl = new CoxPartialLikelihood(data.time, data.event, data.strata, data.x,
                ties == CoxModel.Ties.EFRON);
        double[] beta = new double[p];
        CoxPartialLikelihood.Value v0 = pl.evaluate(beta, null);
        checkEstimable(data, v0.info);
        CoxPartialLikelihood.Value cur = v0;
        double[] lastStep = new double[p];
        int iter = 0;
        for (; iter < 50; iter++) {
            double[] step = trySolve(cur.info, cur.u);
            if (step == null) {
                // the information vanished along a coefficient running off to infinity
                Arrays.fill(lastStep, Double.POSITIVE_INFINITY);
                break;
            }
            double[] next = add(beta, step, 1);
            CoxPartialLikelihood.Value nv = pl.evaluate(next, null);
            // step halving keeps the partial likelihood increasing (as coxph does)
            int halvings = 0;
            while (!(nv.loglik >= cur.loglik - 1e-12 * Math.abs(cur.loglik)) && halvings < 40) {
                for (int j = 0; j < p; j++) {
                    step[j] /= 2;
                }
                next = add(beta, step, 1);
                nv = pl.evaluate(next, null);
                halvings++;
            }
            boolean converged = Math.abs(nv.loglik - cur.loglik) <= 1e-13 * Math.abs(nv.loglik) || maxAbs(step) < 1e-12;
            beta = next;
            cur = nv;
            lastStep = step;
            if (converged) {
                break;
            }
        }
        // one more Newton step where the likelihood has stopped moving: a coefficient that would
        // still move is running off to infinity (monotone likelihood), as coxph warns
        double[][] var = inverse(cur.info);
        double[] probe = trySolve(cur.info, cur.u);
        if (probe == null) {
            probe = new double[p];
            Arrays.fill(probe, Double.POSITIVE_INFINITY);
        }
        double zq = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            boolean infinite = Math.abs(lastStep[j]) > 1e-6 * Math.max(1, Math.abs(beta[j]))
                    || Math.abs(probe[j]) > 1e-6 * Math.max(1, Math.abs(beta[j])) || !(var[j][j] < 1e8);
            CoxData.Column col = data.columns.get(j);
            if (infinite) {
                w.add("Cox model: the coefficient of '" + col.name
                        + "' may be infinite (the likelihood keeps rising; e.g. a level without events)");
            }
            coefs.add(new Coefficient(col, beta[j], Math.sqrt(var[j][j]), zq, infinite));
        }
        ChiSquareTest lr = new ChiSquareTest("likelihood ratio", 2 * (cur.loglik - v0.loglik), p);
        ChiSquareTest wald = new ChiSquareTest("Wald", quadratic(cur.info, beta), p);
        ChiSquareTest score = new ChiSquareTest("score (log-rank)", dot(v0.u, solve(v0.info, v0.u)), p);
        double[] eta = new double[data.size()];
        for (int i = 0; i < eta.length; i++) {
            eta[i] = pl.linearPredictor(i, beta);
        }
        Concordance c = Concordance.of(data.time, data.event, eta, data.strata);
        List<ChiSquareTest> zph = new ArrayList<>();
        ChiSquareTest global = proportionalHazards(data, pl, beta, zph);
        return new CoxRegression(data, ties, confLevel, coefs, var, v0.loglik, cur.loglik, lr, wald, score, c, zph,
                global, iter + 1);
    }

    /**
     * Grambsch–Therneau score test of beta_j(t) = beta_j + gamma_j g(t) with g the Kaplan–Meier
     * transform 1 - S(t-) of the pooled data, at (beta-hat, 0): per term the columns of that term,
     * globally all columns, as survival 3.x cox.zph.
     */
    private static ChiSquareTest proportionalHazards(CoxData data, CoxPartialLikelihood pl, double[] beta,
            List<ChiSquareTest> perTerm) {
        int n = data.size();
        int p = beta.length;
        double[] g = kmTransform(data.time, data.event);
        double sum = 0;
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (data.event[i]) {
                sum += g[i];
                d++;
            }
        }
        // centring does not change the test; it keeps the numbers the size R works with
        for (int i = 0; i < n; i++) {
            g[i] -= sum / d;
        }
        CoxPartialLikelihood.Value v = pl.evaluate(beta, g);
        for (int t = 0; t < data.terms.size(); t++) {
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (data.columns.get(j).term == t) {
                    cols.add(j);
                }
            }
            perTerm.add(new ChiSquareTest(data.terms.get(t), zphStatistic(v, cols), cols.size()));
        }
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            all.add(j);
        }
        return new ChiSquareTest("GLOBAL", zphStatistic(v, all), p);
    }

    /** u' I^-1 u over beta (score taken as 0 at the estimate) and the gamma of {@code cols}. */
    private static double zphStatistic(CoxPartialLikelihood.Value v, List<Integer> cols) {
        int p = v.u.length;
        int m = p + cols.size();
        double[][] info = new double[m][m];
        double[] u = new double[m];
        for (int a = 0; a < p; a++) {
            System.arraycopy(v.info[a], 0, info[a], 0, p);
        }
        for (int k = 0; k < cols.size(); k++) {
            int c = cols.get(k);
            u[p + k] = v.ug[c];
            for (int a = 0; a < p; a++) {
                info[a][p + k] = v.infoBetaG[a][c];
                info[p + k][a] = v.infoBetaG[c][a];
            }
            for (int l = 0; l < cols.size(); l++) {
                info[p + k][p + l] = v.infoGG[c][cols.get(l)];
            }
        }
        double[] x = trySolve(info, u);
        return x == null ? Double.NaN : dot(u, x);
    }

    /** 1 - S(t-) per subject, S the Kaplan–Meier curve of all subjects together. */
    static double[] kmTransform(double[] time, boolean[] event) {
        int n = time.length;
        int[] idx = IndexSort.byTime(time);
        double[] g = new double[n];
        double s = 1;
        int k = 0;
        while (k < n) {
            double t = time[idx[k]];
            int end = k;
            int deaths = 0;
            while (end < n && time[idx[end]] == t) {
                g[idx[end]] = 1 - s;
                if (event[idx[end]]) {
                    deaths++;
                }
                end++;
            }
            int atRisk = n - k;
            s *= 1 - deaths / (double) atRisk;
            k = end;
        }
        return g;
    }

    private static void checkEstimable(CoxData data, double[][] info) {
        int p = info.length;
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(info));
        if (svd.getRank() < p) {
            List<String> names = new ArrayList<>();
            for (CoxData.Column c : data.columns) {
                names.add(c.name);
            }
            throw new InputException("Cox model: the covariates are collinear or constant among subjects at risk ("
                    + String.join(", ", names) + "); remove one");
        }
    }

    private static double[] solve(double[][] a, double[] b) {
        return new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
    }

    /** The solution of a x = b, or null when a is singular. */
    private static double[] trySolve(double[][] a, double[] b) {
        try {
            return solve(a, b);
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    /** The inverse; NaN entries when the matrix is singular (an infinite coefficient). */
    private static double[][] inverse(double[][] a) {
        try {
            RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
            return inv.getData();
        } catch (SingularMatrixException e) {
            double[][] nan = new double[a.length][a.length];
            for (double[] row : nan) {
                Arrays.fill(row, Double.NaN);
            }
            return nan;
        }
    }

    private static double[] add(double[] a, double[] b, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + f * b[i];
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double quadratic(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * m[a][b] * v[b];
            }
        }
        return s;
    }

    /** The coefficient of a term name (R's name), or null. */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        return null;
    }

    /** The JSON of {@code ihcq stats cox}. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = Json.object();
        root.put("analysis", "cox");
        root.put("ties", ties.name().toLowerCase(java.util.Locale.ROOT));
        root.put("conf_level", confLevel);
        root.put("n", n());
        root.put("events", events());
        if (data.strataVariable != null) {
            Map<String, Object> s = Json.object();
            s.put("variable", data.strataVariable);
            s.put("levels", data.strataLevels);
            root.put("strata", s);
        }
        List<Object> coefs = new ArrayList<>();
        for (Coefficient c : coefficients) {
            Map<String, Object> m = Json.object();
            m.put("term", c.term());
            m.put("variable", c.column.variable);
            if (c.column.level != null) {
                m.put("level", c.column.level);
                m.put("reference", c.column.reference);
            }
            m.put("coef", c.coef);
            m.put("se", c.se);
            m.put("hr", c.hr);
            m.put("ci_low", c.ciLow);
            m.put("ci_high", c.ciHigh);
            m.put("z", c.z);
            m.put("p", c.p);
            if (c.infinite) {
                m.put("note", "coefficient may be infinite");
            }
            coefs.add(m);
        }
        root.put("coefficients", coefs);
        root.put("loglik", Arrays.asList(loglikNull, loglik));
        root.put("lr_test", lrTest.toJson());
        root.put("wald_test", waldTest.toJson());
        root.put("score_test", scoreTest.toJson());
        root.put("concordance", concordance.concordance);
        Map<String, Object> ph = Json.object();
        ph.put("method", "Grambsch-Therneau score test as R cox.zph, transform km");
        List<Object> terms = new ArrayList<>();
        for (ChiSquareTest t : zphTerms) {
            Map<String, Object> m = t.toJson();
            m.put("term", t.name);
            terms.add(m);
        }
        ph.put("terms", terms);
        ph.put("global", zphGlobal.toJson());
        root.put("proportional_hazards", ph);
        root.put("iterations", iterations);
        return root;
    }

    /** A report in the layout of R's print(summary(coxph)) and cox.zph. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        java.util.Locale L = java.util.Locale.ROOT;
        sb.append("Cox proportional hazards model (").append(ties.name().toLowerCase(L)).append(" ties");
        if (data.strataVariable != null) {
            sb.append(", stratified by ").append(data.strataVariable);
        }
        sb.append(")\n  n = ").append(n()).append(", number of events = ").append(events()).append("\n\n");
        sb.append(String.format(L, "%-24s %10s %10s %10s %10s %10s %8s %10s%n", "term", "coef", "HR", "se(coef)",
                "lower " + Report.num(confLevel * 100), "upper", "z", "p"));
        for (Coefficient c : coefficients) {
            sb.append(String.format(L, "%-24s %10.4g %10.4g %10.4g %10.4g %10.4g %8.3f %10s%s%n", c.term(), c.coef,
                    c.hr, c.se, c.ciLow, c.ciHigh, c.z, Report.p(c.p), c.infinite ? "  (may be infinite)" : ""));
        }
        sb.append(String.format(L, "%nConcordance = %.4f%n", concordance.concordance));
        for (ChiSquareTest t : Arrays.asList(lrTest, waldTest, scoreTest)) {
            sb.append(String.format(L, "%-26s %.4g on %d df, p = %s%n", t.name + " test", t.statistic, t.df,
                    Report.p(t.p)));
        }
        sb.append("\nProportional hazards (cox.zph, KM transform):\n");
        List<ChiSquareTest> all = new ArrayList<>(zphTerms);
        all.add(zphGlobal);
        for (ChiSquareTest t : all) {
            sb.append(String.format(L, "  %-22s chisq %8.4g  df %2d  p %s%n", t.name, t.statistic, t.df,
                    Report.p(t.p)));
        }
        return sb.toString();
    }
}
