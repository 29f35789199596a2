package org.ihcblotquant.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.ihcblotquant.cells.Nucleus;
import org.ihcblotquant.slide.QcPicture;

/**
 * The QC picture of a field scored cell by cell: the field made small with every detected nucleus
 * filled semi-transparently in its class colour (blue negative; yellow 1+, orange 2+, red 3+ as the
 * pixel QC picture paints weak, moderate and strong), so a reader sees at a glance whether the
 * nuclei were found and classed sensibly, as QuPath's detection overlay shows them.
 */
final class CellQcPicture {
    /** Colour of negative (class 0) nuclei; classes 1..3 use {@link QcPicture#CLASS_RGB}. */
    static final int NEGATIVE_RGB = 0x2060ff;
    /** Longest side drawn before the report's thumbnail scaling, so small nuclei stay visible. */
    private static final int MAX_SIDE = 2 * QcThumbnail.WIDTH;

    private CellQcPicture() {
    }

    static int classRgb(int cellClass) {
        return cellClass <= 0 ? NEGATIVE_RGB : QcPicture.CLASS_RGB[Math.min(3, cellClass)];
    }

    /** The picture of one field (packed RGB pixels) and its nuclei in image coordinates. */
    static BufferedImage of(int[] rgb, int width, int height, List<Nucleus> nuclei) {
        return of(rgb, width, height, width, height, nuclei);
    }

    /**
     * The picture of a field or slide shown by a (possibly smaller) picture of it, with its nuclei in the
     * coordinates of the analysed image of size {@code frameWidth} x {@code frameHeight}.
     */
    static BufferedImage of(int[] rgb, int width, int height, long frameWidth, long frameHeight,
            List<Nucleus> nuclei) {
        BufferedImage full = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        full.setRGB(0, 0, width, height, rgb, 0, width);
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(full, 0, 0, w, h, null);
        AffineTransform toPicture = AffineTransform.getScaleInstance(w / (double) frameWidth,
                h / (double) frameHeight);
        g.setStroke(new BasicStroke(1f));
        int alpha = (int) Math.round(255 * QcPicture.ALPHA);
        for (Nucleus n : nuclei) {
            Shape s = toPicture.createTransformedShape(shape(n));
            int c = classRgb(n.cellClass);
            g.setColor(new Color((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, alpha));
            g.fill(s);
            g.setColor(new Color(c));
            g.draw(s);
        }
        g.dispose();
        return out;
    }

    /** The nucleus outline, or a disc of its area around its centroid when no outline was kept. */
    private static Shape shape(Nucleus n) {
        if (n.outlineX != null && n.outlineX.length > 2) {
            return new java.awt.Polygon(n.outlineX, n.outlineY, n.outlineX.length);
        }
        double r = Math.max(1.0, Math.sqrt(n.areaPx / Math.PI));
        return new Ellipse2D.Double(n.x - r, n.y - r, 2 * r, 2 * r);
    }
}
