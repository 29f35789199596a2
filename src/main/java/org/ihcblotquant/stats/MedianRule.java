package org.ihcblotquant.stats;

/**
 * Where a Kaplan–Meier curve that stays exactly at 0.5 over a stretch of time puts its median.
 * Both rules take the first time S &lt;= 0.5 otherwise.
 */
public enum MedianRule {
    /**
     * R's printed {@code survfit} table (and lifelines): the midpoint of a flat at exactly 0.5
     * only when the curve drops below 0.5 later; a curve that ends on the flat gives its start.
     */
    PRINTED("printed", "R print(survfit): first time S <= 0.5; midpoint of a flat at 0.5 followed by a drop"),
    /**
     * R's {@code quantile.survfit}: the midpoint of a flat at 0.5, up to the last time when the
     * curve ends on it.
     */
    MIDPOINT("midpoint", "R quantile(survfit): first time S <= 0.5; midpoint of any flat at 0.5");

    public final String key;
    public final String description;

    MedianRule(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** Parses "printed" or "midpoint". */
    public static MedianRule parse(String s) {
        for (MedianRule r : values()) {
            if (r.key.equalsIgnoreCase(s.trim())) {
                return r;
            }
        }
        throw new org.ihcblotquant.job.FieldException("median-rule", "'" + s + "' is not printed or midpoint");
    }
}
