package org.ihcblotquant.plate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.stats.Descriptives;

/**
 * Dunnett's many-to-one comparisons: every treatment against one control, two-sided, with the
 * pooled variance of the one-way ANOVA over all groups (Dunnett 1955). The adjusted p-values
 * and simultaneous confidence intervals are the single-step ones of R's
 * {@code multcomp::glht(aov, linfct = mcp(group = "Dunnett"))} and {@code scipy.stats.dunnett}:
 *
 * <pre>
 *   t_i   = (mean_i - mean_c) / (s sqrt(1/n_i + 1/n_c)),  s^2 = residual mean square, df = N - groups
 *   p_i   = P(max_j |T_j| &gt;= |t_i|)
 *   CI_i  = mean_i - mean_c +/- c s sqrt(1/n_i + 1/n_c),  P(max_j |T_j| &lt;= c) = level
 * </pre>
 *
 * where (T_j) is the many-to-one multivariate t of {@link ManyToOneT}.
 */
public final class Dunnett {

    /** One treatment against the control. */
    public static final class Row {
        public final String condition;
        public final String vs;
        /** mean(condition) - mean(control). */
        public final double difference;
        public final double stdErr;
        public final double t;
        public final double ciLow;
        public final double ciHigh;
        public final double p;

        Row(String condition, String vs, double difference, double stdErr, double t, double ciLow, double ciHigh,
                double p) {
            this.condition = condition;
            this.vs = vs;
            this.difference = difference;
            this.stdErr = stdErr;
            this.t = t;
            this.ciLow = ciLow;
            this.ciHigh = ciHigh;
            this.p = p;
        }
    }

    public final double confLevel;
    public final double criticalValue;
    public final double mse;
    public final int df;
    public final List<Row> rows;

    private Dunnett(double confLevel, double criticalValue, double mse, int df, List<Row> rows) {
        this.confLevel = confLevel;
        this.criticalValue = criticalValue;
        this.mse = mse;
        this.df = df;
        this.rows = Collections.unmodifiableList(rows);
    }

    /**
     * @param control    the control group
     * @param treatments the other groups, in the order the rows should come
     * @param mse        residual mean square of the one-way ANOVA over control and treatments
     * @param df         its degrees of freedom
     */
    public static Dunnett compute(Descriptives control, List<Descriptives> treatments, double mse, int df,
            double confLevel) {
        if (treatments.isEmpty()) {
            throw new InputException("Dunnett's test needs at least one condition besides the control '"
                    + control.level + "'");
        }
        if (control.n < 1 || df < 1) {
            throw new InputException("Dunnett's test needs a control with values and residual degrees of freedom");
        }
        int[] n = new int[treatments.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = treatments.get(i).n;
        }
        ManyToOneT dist = new ManyToOneT(ManyToOneT.lambdas(n, control.n), df);
        double crit = dist.quantile(confLevel);
        double s = Math.sqrt(mse);
        List<Row> rows = new ArrayList<>();
        for (Descriptives d : treatments) {
            double diff = d.mean - control.mean;
            double se = s * Math.sqrt(1.0 / d.n + 1.0 / control.n);
            double t;
            double p;
            if (se == 0) {
                t = diff == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, diff);
                p = diff == 0 ? Double.NaN : 0.0;
            } else {
                t = diff / se;
                p = dist.adjustedP(t);
            }
            rows.add(new Row(d.level, control.level, diff, se, t, diff - crit * se, diff + crit * se, p));
        }
        return new Dunnett(confLevel, crit, mse, df, rows);
    }
}
