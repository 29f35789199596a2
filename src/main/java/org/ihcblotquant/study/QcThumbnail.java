package org.ihcblotquant.study;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The QC picture of a scored field: the field (left) and what the scoring saw (right): glass
 * white, negative tissue pale blue, weak yellow, moderate orange, strong red, the colours of the
 * IHC Score overlay. A reviewer sees at a glance whether glass, folds or the wrong stain were
 * counted.
 */
final class QcThumbnail {
    /** Longest side of each panel, in pixels. */
    static final int PANEL = 120;
    private static final int[] CLASS_RGB = {0xC6DBEF, 0xFFE135, 0xFF8C00, 0xE31A1C};

    private QcThumbnail() {
    }

    /**
     * @param classes per pixel: -1 not tissue, 0 negative, 1 weak, 2 moderate, 3 strong
     */
    static byte[] jpeg(ColorProcessor field, byte[] classes) {
        int w = field.getWidth();
        int h = field.getHeight();
        double scale = Math.min(1.0, PANEL / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        // resize returns a new processor; the field itself is left as it is (no full-size copy)
        field.setInterpolationMethod(ImageProcessor.BILINEAR);
        ImageProcessor small = field.resize(tw, th, true);
        BufferedImage out = new BufferedImage(2 * tw + 4, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, out.getWidth(), th);
        g.drawImage(small.getBufferedImage(), 0, 0, null);
        g.dispose();
        for (int y = 0; y < th; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) / scale));
            for (int x = 0; x < tw; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) / scale));
                int c = classes[sy * w + sx];
                out.setRGB(tw + 4 + x, y, c < 0 ? 0xFFFFFF : CLASS_RGB[c]);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(out, "jpg", bytes)) {
                throw new IOException("no JPEG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
