package org.ihcblotquant.stats.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/** Text measurement shared by both back-ends, so PNG and SVG lay out alike. */
final class Fonts {
    static final String FAMILY = "SansSerif";
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private Fonts() {
    }

    static Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    static double width(String s, double size, boolean bold) {
        return font(size, bold).getStringBounds(s, FRC).getWidth();
    }
}
