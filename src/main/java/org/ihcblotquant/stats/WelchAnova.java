package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.InputException;

/**
 * Welch's one-way ANOVA for unequal variances (R's {@code oneway.test(var.equal = FALSE)}) and
 * the Games–Howell (1976) pairwise comparisons: q = |mean_j - mean_i| / sqrt((s_i^2/n_i +
 * s_j^2/n_j) / 2) against the studentized range with k groups and the pair's Welch df; interval
 * diff &plusmn; q_crit sqrt((s_i^2/n_i + s_j^2/n_j) / 2).
 */
public final class WelchAnova {

    /** One Games–Howell comparison: level minus reference. */
    public static final class Pair {
        public final String level;
        public final String reference;
        public final double diff;
        public final double lower;
        public final double upper;
        public final double df;
        public final double pAdjusted;

        Pair(String level, String reference, double diff, double lower, double upper, double df, double pAdjusted) {
            this.level = level;
            this.reference = reference;
            this.diff = diff;
            this.lower = lower;
            this.upper = upper;
            this.df = df;
            this.pAdjusted = pAdjusted;
        }
    }

    public final double f;
    public final double df1;
    public final double df2;
    public final double p;
    public final double confLevel;
    public final List<Pair> gamesHowell;

    private WelchAnova(double f, double df1, double df2, double p, double confLevel, List<Pair> gamesHowell) {
        this.f = f;
        this.df1 = df1;
        this.df2 = df2;
        this.p = p;
        this.confLevel = confLevel;
        this.gamesHowell = Collections.unmodifiableList(gamesHowell);
    }

    public static WelchAnova test(GroupedValues data, double confLevel) {
        int k = data.levelCount();
        if (k < 2) {
            throw new InputException("Welch ANOVA needs at least 2 groups");
        }
        double[] n = new double[k];
        double[] mean = new double[k];
        double[] var = new double[k];
        for (int g = 0; g < k; g++) {
            Descriptives d = Descriptives.of(data.levels().get(g), data.values(g));
            if (d.n < 2 || !(d.sd > 0)) {
                throw new InputException("Welch ANOVA: group '" + d.level + "' needs at least 2 values that vary");
            }
            n[g] = d.n;
            mean[g] = d.mean;
            var[g] = d.sd * d.sd;
        }
        double sw = 0;
        double swm = 0;
        double[] w = new double[k];
        for (int g = 0; g < k; g++) {
            w[g] = n[g] / var[g];
            sw += w[g];
            swm += w[g] * mean[g];
        }
        double m = swm / sw;
        double a = 0;
        double lambda = 0;
        for (int g = 0; g < k; g++) {
            a += w[g] * (mean[g] - m) * (mean[g] - m);
            lambda += Math.pow(1 - w[g] / sw, 2) / (n[g] - 1);
        }
        double f = a / (k - 1) / (1 + 2 * (k - 2) * lambda / (k * k - 1.0));
        double df2 = (k * k - 1.0) / (3 * lambda);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double vi = var[i] / n[i];
                double vj = var[j] / n[j];
                double diff = mean[j] - mean[i];
                double se = Math.sqrt((vi + vj) / 2);
                double df = (vi + vj) * (vi + vj) / (vi * vi / (n[i] - 1) + vj * vj / (n[j] - 1));
                double q = Math.abs(diff) / se;
                double p = StudentizedRange.upperTail(q, k, df);
                double crit = StudentizedRange.quantile(confLevel, k, df);
                pairs.add(new Pair(data.levels().get(j), data.levels().get(i), diff, diff - crit * se, diff + crit * se,
                        df, Math.max(0, p)));
            }
        }
        return new WelchAnova(f, k - 1, df2, Distributions.fUpper(f, k - 1, df2), confLevel, pairs);
    }
}
