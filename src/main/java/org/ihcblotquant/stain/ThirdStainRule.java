package org.ihcblotquant.stain;

/**
 * How the third stain vector is filled in when only two are given. The rule changes DAB values
 * noticeably (field notes: mean DAB OD 0.101 vs 0.050 on one real scan), so results name it.
 */
public enum ThirdStainRule {
    /** Unit cross product of the first two (Colour Deconvolution 2 default, QuPath "residual"). */
    CROSS_PRODUCT("cross"),
    /** Per component sqrt(1 - a^2 - b^2), 0 where negative, then normalised (Fiji's v1 plugin). */
    COMPLEMENT("complement");

    private final String key;

    ThirdStainRule(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ThirdStainRule fromKey(String key) {
        for (ThirdStainRule r : values()) {
            if (r.key.equalsIgnoreCase(key.trim())) {
                return r;
            }
        }
        throw new org.ihcblotquant.job.FieldException("third", "unknown third-vector rule '" + key + "' (cross, complement)");
    }
}
