package org.ihcblotquant.stats;

import java.util.Locale;

/**
 * The alternative hypothesis of a two-group test, as R's {@code alternative}: x differs from y,
 * x is less than y, or x is greater than y (x = the first level).
 */
public enum Alternative {
    TWO_SIDED("two.sided"), LESS("less"), GREATER("greater");

    /** R's spelling. */
    public final String key;

    Alternative(String key) {
        this.key = key;
    }

    /** two-sided | two.sided | less | greater. */
    public static Alternative parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
        for (Alternative a : values()) {
            if (a.key.equals(v)) {
                return a;
            }
        }
        throw new org.ihcblotquant.job.FieldException("alternative", "'" + s + "' is not two-sided, less or greater");
    }

    /** p of a statistic with a symmetric null distribution, from its lower-tail probability. */
    double fromLower(double lower, double upper) {
        switch (this) {
            case LESS:
                return lower;
            case GREATER:
                return upper;
            default:
                return Math.min(1, 2 * Math.min(lower, upper));
        }
    }
}
