package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tukey honest significant differences after a one-way ANOVA, as R's {@code TukeyHSD}: all pairs
 * i &lt; j in level order, labelled "B-A" for mean(B) - mean(A); with unequal n the Tukey–Kramer
 * standard error sqrt(MSE/2 (1/n_i + 1/n_j)) is used.
 */
public final class TukeyHsd {

    /** One comparison. */
    public static final class Row {
        public final String pair;
        public final double diff;
        public final double lwr;
        public final double upr;
        public final double q;
        public final double pAdj;

        Row(String pair, double diff, double lwr, double upr, double q, double pAdj) {
            this.pair = pair;
            this.diff = diff;
            this.lwr = lwr;
            this.upr = upr;
            this.q = q;
            this.pAdj = pAdj;
        }
    }

    public final double confLevel;
    public final double qCrit;
    public final double mse;
    public final int df;
    public final List<Row> rows;

    private TukeyHsd(double confLevel, double qCrit, double mse, int df, List<Row> rows) {
        this.confLevel = confLevel;
        this.qCrit = qCrit;
        this.mse = mse;
        this.df = df;
        this.rows = Collections.unmodifiableList(rows);
    }

    public static TukeyHsd compute(AnovaResult anova, double confLevel) {
        int k = anova.groups.size();
        double mse = anova.msWithin;
        int df = anova.dfWithin;
        double qCrit = StudentizedRange.quantile(confLevel, k, df);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                Descriptives a = anova.groups.get(i);
                Descriptives b = anova.groups.get(j);
                double diff = b.mean - a.mean;
                double se = Math.sqrt(mse / 2 * (1.0 / a.n + 1.0 / b.n));
                double q = Math.abs(diff) / se;
                double p;
                if (se == 0) {
                    p = diff == 0 ? Double.NaN : 0.0;
                } else {
                    p = StudentizedRange.upperTail(q, k, df);
                }
                rows.add(new Row(b.level + "-" + a.level, diff, diff - qCrit * se, diff + qCrit * se, q, p));
            }
        }
        return new TukeyHsd(confLevel, qCrit, mse, df, rows);
    }
}
