package org.ihcblotquant.job;

import java.util.Locale;

/** Where stain vectors come from: the settings, or estimated per image, per slide or once per batch. */
public enum StainEstimateScope {
    NONE("none"),
    IMAGE("image"),
    SLIDE("slide"),
    BATCH("batch");

    private final String key;

    StainEstimateScope(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static StainEstimateScope parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (StainEstimateScope v : values()) {
            if (v.key.equals(t)) {
                return v;
            }
        }
        throw new FieldException("stain-estimate", "'" + s + "' is not none, image, slide or batch");
    }

    public String describe() {
        switch (this) {
            case IMAGE:
                return "per image (Macenko: OD >= 0.15 in every channel, plane of the two main directions, "
                        + "1st/99th percentile angles)";
            case SLIDE:
                return "per slide, pooling its fields (Macenko: OD >= 0.15 in every channel, plane of the two main "
                        + "directions, 1st/99th percentile angles)";
            case BATCH:
                return "once for all images (Macenko: OD >= 0.15 in every channel, plane of the two main "
                        + "directions, 1st/99th percentile angles)";
            default:
                return "none (vectors as set)";
        }
    }
}
