package org.ihcblotquant.study;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * A QC picture ({@link org.ihcblotquant.slide.QcPicture}: the field or slide, its tissue outlined,
 * weak, moderate and strong pixels painted) made small enough for a report that shows every image,
 * as JPEG bytes.
 */
final class QcThumbnail {
    /** Width of the picture in the report, in pixels. */
    static final int WIDTH = 240;

    private QcThumbnail() {
    }

    static byte[] jpeg(BufferedImage picture) {
        double scale = Math.min(1.0, WIDTH / (double) picture.getWidth());
        int w = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(picture, 0, 0, w, h, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, "jpg", bytes)) {
                throw new IOException("no JPEG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
