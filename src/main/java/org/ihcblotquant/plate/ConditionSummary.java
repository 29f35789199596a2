package org.ihcblotquant.plate;

/**
 * One condition of an analysed plate: mean, SD (n - 1) and SEM of the normalised values of its
 * used wells, and mean and SD of the raw readings with their CV.
 */
public final class ConditionSummary {
    /** Role of the condition on the plate. */
    public enum Role {
        BLANK, CONTROL, TREATMENT
    }

    public final int plate;
    public final String condition;
    public final String series;
    /** NaN when the condition has no dose. */
    public final double dose;
    public final Role role;
    public final int n;
    public final double mean;
    public final double sd;
    public final double sem;
    public final double meanRaw;
    public final double sdRaw;
    /** 100 sd_raw / mean_raw: the replicate precision of the readings. */
    public final double cvPercent;
    /** Normalised values of the used wells, in well order (for plots and tests). */
    private final double[] values;

    ConditionSummary(int plate, ConditionLabel label, Role role, double[] values, double meanRaw, double sdRaw) {
        this.plate = plate;
        this.condition = label.label;
        this.series = label.series;
        this.dose = label.dose;
        this.role = role;
        org.ihcblotquant.stats.Descriptives d = org.ihcblotquant.stats.Descriptives.of(label.label, values);
        this.n = d.n;
        // the blank wells define b, so their blank-subtracted mean is 0 by definition (not a rounding residue)
        this.mean = role == Role.BLANK && d.n > 0 ? 0.0 : d.mean;
        this.sd = d.sd;
        this.sem = d.sem;
        this.meanRaw = meanRaw;
        this.sdRaw = sdRaw;
        this.cvPercent = 100 * sdRaw / meanRaw;
        this.values = values.clone();
    }

    public double[] values() {
        return values.clone();
    }
}
