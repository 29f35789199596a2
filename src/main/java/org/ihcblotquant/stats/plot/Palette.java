package org.ihcblotquant.stats.plot;

import java.awt.Color;

/** Okabe–Ito colours: distinguishable with colour-vision deficiency and in greyscale print. */
public final class Palette {
    public static final Color[] GROUPS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    public static final Color AXIS = new Color(0x222222);
    public static final Color TEXT = new Color(0x111111);
    public static final Color GRID = new Color(0xE5E5E5);

    private Palette() {
    }

    public static Color group(int i) {
        return GROUPS[i % GROUPS.length];
    }

    public static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /** A light tint of the colour for bar fills. */
    public static Color tint(Color c, double f) {
        return new Color((int) (c.getRed() + (255 - c.getRed()) * f), (int) (c.getGreen() + (255 - c.getGreen()) * f),
                (int) (c.getBlue() + (255 - c.getBlue()) * f));
    }
}
