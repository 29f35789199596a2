package org.ihcblotquant.plate;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * How blank-subtracted values are expressed relative to the control, with b = mean of the blank
 * wells and c = mean of the control wells (raw readings):
 * percent of control 100 (v - b) / (c - b) (CCK-8 "ratio of viable cells"), fold (v - b) / (c - b)
 * (Caspase-Glo "relative caspase 3/7 activity"), or none (v - b).
 */
public enum Normalisation {
    PERCENT_OF_CONTROL("percent-of-control", "% of control"),
    FOLD("fold", "fold of control"),
    NONE("none", "blank-subtracted");

    public final String key;
    public final String unit;

    Normalisation(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** Normalised value of a blank-subtracted value given the blank-subtracted control mean. */
    public double apply(double blankSubtracted, double controlMean) {
        switch (this) {
            case PERCENT_OF_CONTROL:
                return 100 * blankSubtracted / controlMean;
            case FOLD:
                return blankSubtracted / controlMean;
            default:
                return blankSubtracted;
        }
    }

    public static Normalisation parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Normalisation n : values()) {
            if (n.key.equals(t)) {
                return n;
            }
        }
        if (t.equals("percent") || t.equals("percent-of-ctrl") || t.equals("%")) {
            return PERCENT_OF_CONTROL;
        }
        throw new FieldException("normalise", "'" + s + "' is not one of percent-of-control, fold, none");
    }
}
