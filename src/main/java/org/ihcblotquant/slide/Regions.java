package org.ihcblotquant.slide;

import java.util.Locale;

/** Checks of region requests shared by the slide sources. */
final class Regions {
    /** Largest region returned as one array (the limit of a Java int[]). */
    static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    private Regions() {
    }

    static void check(SlideLevel level, long x, long y, int width, int height) {
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > level.width() || y + height > level.height()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "region %d,%d %dx%d outside %s", x, y, width,
                    height, level));
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("region " + width + "x" + height + " is larger than one array can hold");
        }
    }
}
