package org.ihcblotquant.stats;

/** Median survival time with its confidence interval; NaN = not reached (R prints NA). */
public final class MedianSurvival {
    public final double median;
    public final double lower;
    public final double upper;

    MedianSurvival(double median, double lower, double upper) {
        this.median = median;
        this.lower = lower;
        this.upper = upper;
    }

    public static String format(double v) {
        return Double.isNaN(v) ? "not reached" : Report.num(v);
    }
}
