package org.ihcblotquant.study;

import java.util.Locale;

/**
 * Survival by one marker's score split at a cut-off: {@code score < cut} is low, {@code >= cut}
 * is high, for every endpoint of the clinical sheet.
 */
public final class SurvivalSpec {
    private final String marker;
    private final double cut;
    private final double[] atTimes;

    /**
     * @param atTimes times for the numbers at risk, or null for round times over the range
     */
    public SurvivalSpec(String marker, double cut, double[] atTimes) {
        this.marker = marker;
        this.cut = cut;
        this.atTimes = atTimes == null ? null : atTimes.clone();
    }

    public String marker() {
        return marker;
    }

    public double cut() {
        return cut;
    }

    public double[] atTimes() {
        return atTimes == null ? null : atTimes.clone();
    }

    /** How the cut was chosen, for tables and figure captions. */
    public String cutLabel() {
        return String.format(Locale.ROOT, "fixed cut-off %s", cut);
    }
}
