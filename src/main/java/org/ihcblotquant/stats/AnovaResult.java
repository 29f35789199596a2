package org.ihcblotquant.stats;

import java.util.Collections;
import java.util.List;

/** One-way ANOVA table and the descriptives of each group, in level order. */
public final class AnovaResult {
    public final double ssBetween;
    public final double ssWithin;
    public final int dfBetween;
    public final int dfWithin;
    public final double msBetween;
    public final double msWithin;
    public final double f;
    public final double p;
    public final List<Descriptives> groups;

    AnovaResult(double ssBetween, double ssWithin, int dfBetween, int dfWithin, double f, double p,
            List<Descriptives> groups) {
        this.ssBetween = ssBetween;
        this.ssWithin = ssWithin;
        this.dfBetween = dfBetween;
        this.dfWithin = dfWithin;
        this.msBetween = ssBetween / dfBetween;
        this.msWithin = dfWithin > 0 ? ssWithin / dfWithin : Double.NaN;
        this.f = f;
        this.p = p;
        this.groups = Collections.unmodifiableList(groups);
    }
}
