package org.ihcblotquant.plate;

import java.util.Collections;
import java.util.List;

/** One used well of an analysed plate: its reading, derived values and the checks it failed. */
public final class WellResult {
    /** Flags a well can carry. */
    public static final String OVERFLOW = "overflow";
    public static final String NO_READING = "no reading";
    public static final String EXCLUDED = "excluded";
    public static final String ABOVE_MAX_OD = "above max OD";
    public static final String OUTLIER_GRUBBS = "outlier (Grubbs)";
    public static final String OUTLIER_ROBUST_Z = "outlier (robust z)";

    public final int plate;
    public final String well;
    public final String condition;
    /** NaN when the condition has no dose. */
    public final double dose;
    /** The cell text as the file has it (null when empty). */
    public final String rawText;
    /** The reading; NaN for overflow or empty wells. */
    public final double raw;
    public final double blankSubtracted;
    public final double normalised;
    /** Modified z-score within the condition (NaN when undefined). */
    public final double robustZ;
    /** True when the well enters the means and tests (not overflow, empty or excluded). */
    public final boolean used;
    public final List<String> flags;

    WellResult(int plate, String well, String condition, double dose, String rawText, double raw,
            double blankSubtracted, double normalised, double robustZ, boolean used, List<String> flags) {
        this.plate = plate;
        this.well = well;
        this.condition = condition;
        this.dose = dose;
        this.rawText = rawText;
        this.raw = raw;
        this.blankSubtracted = blankSubtracted;
        this.normalised = normalised;
        this.robustZ = robustZ;
        this.used = used;
        this.flags = Collections.unmodifiableList(flags);
    }

    public boolean isOutlier() {
        return flags.contains(OUTLIER_GRUBBS) || flags.contains(OUTLIER_ROBUST_Z);
    }

    /** Flags joined by "; " (empty when none). */
    public String flagText() {
        return String.join("; ", flags);
    }
}
