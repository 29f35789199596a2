package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.core.InputException;

/**
 * One-way ANOVA as R's {@code aov} / {@code anova(lm(...))} prints it. Commons Math keeps SS, MS
 * and df private, and Tukey needs them, so the table is computed here.
 */
public final class OneWayAnova {

    private OneWayAnova() {
    }

    public static AnovaResult test(GroupedValues data) {
        int k = data.levelCount();
        if (k < 2) {
            throw new InputException("ANOVA needs at least 2 groups, found " + k
                    + (k == 1 ? " ('" + data.levels().get(0) + "')" : ""));
        }
        int total = 0;
        double grandSum = 0;
        List<Descriptives> groups = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            double[] v = data.values(g);
            if (v.length == 0) {
                throw new InputException("ANOVA: group '" + data.levels().get(g) + "' has no values");
            }
            groups.add(Descriptives.of(data.levels().get(g), v));
            total += v.length;
            for (double x : v) {
                grandSum += x;
            }
        }
        int dfWithin = total - k;
        if (dfWithin < 1) {
            throw new InputException("ANOVA: " + total + " values in " + k
                    + " groups leave no residual degrees of freedom (need more than one value in some group)");
        }
        double grandMean = grandSum / total;
        double ssBetween = 0;
        double ssWithin = 0;
        for (int g = 0; g < k; g++) {
            Descriptives d = groups.get(g);
            ssBetween += d.n * (d.mean - grandMean) * (d.mean - grandMean);
            ssWithin += Descriptives.sumSquaredDeviations(data.values(g), d.mean);
        }
        int dfBetween = k - 1;
        double msWithin = ssWithin / dfWithin;
        double f = (ssBetween / dfBetween) / msWithin;
        double p = Distributions.fUpper(f, dfBetween, dfWithin);
        if (msWithin == 0) {
            // all groups constant: F is infinite when the means differ, undefined when they do not
            f = ssBetween > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            p = ssBetween > 0 ? 0.0 : Double.NaN;
        }
        return new AnovaResult(ssBetween, ssWithin, dfBetween, dfWithin, f, p, groups);
    }
}
