package org.ihcblotquant.study;

import org.ihcblotquant.stats.CutPoint;

/**
 * Survival by one marker's score split by a cut-point from the statistics module: a value fixed
 * in advance (the study's 0.5: below is low, at or above high), the median, the tertiles, or the
 * data-chosen optimal cut (maximally selected log-rank, reported with its adjusted p and labelled
 * as data-chosen everywhere); for every endpoint of the clinical sheet.
 */
public final class SurvivalSpec {
    private final String marker;
    private final CutPoint cut;
    private final double[] atTimes;

    /**
     * @param atTimes times for the numbers at risk, or null for round times over the range
     */
    public SurvivalSpec(String marker, CutPoint cut, double[] atTimes) {
        this.marker = marker;
        this.cut = cut;
        this.atTimes = atTimes == null ? null : atTimes.clone();
    }

    public String marker() {
        return marker;
    }

    public CutPoint cut() {
        return cut;
    }

    public double[] atTimes() {
        return atTimes == null ? null : atTimes.clone();
    }
}
