package org.ihcblotquant.slide;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ihcblotquant.io.AtomicFiles;

/**
 * The quality-control picture of one slide or image, for checking a batch at a glance: the
 * thumbnail, the detected tissue outlined in green, and the DAB classes painted semi-transparently
 * (weak yellow, moderate orange, strong red; negative tissue and glass unpainted), with a legend
 * line. Plain pixels and {@link BufferedImage}s, no window: usable from the CLI, Fiji and reports.
 */
public final class QcPicture {
    /** Longest side of the picture (before the legend line). */
    public static final int MAX_SIDE = 1024;
    /** Colours of the weak, moderate and strong classes (1, 2, 3). */
    public static final int[] CLASS_RGB = {0, 0xffdc00, 0xff7f00, 0xdc0000};
    /** Opacity of the class colours over the thumbnail. */
    public static final double ALPHA = 0.5;
    public static final int OUTLINE_RGB = 0x00c800;
    private static final int LEGEND = 22;

    private QcPicture() {
    }

    /** The picture of a scored slide (its overview, tissue mask and class map). */
    public static BufferedImage of(SlideScore s, String title) {
        Overview ov = s.overview();
        return render(ov.rgb, s.tissueMask(), s.classMap(), ov.width, ov.height, title);
    }

    /**
     * The picture of an image scored whole.
     *
     * @param classes per pixel, as {@link org.ihcblotquant.ihc.IhcScorer#classify}: -1 glass or outside, 0..3
     */
    public static BufferedImage ofImage(int[] rgb, byte[] classes, int width, int height, String title) {
        int f = Math.max(1, (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE);
        int w = Math.max(1, width / f);
        int h = Math.max(1, height / f);
        int[] thumb = new int[w * h];
        byte[] tissue = new byte[w * h];
        byte[] cls = new byte[w * h];
        int[] votes = new int[5];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long r = 0;
                long g = 0;
                long b = 0;
                java.util.Arrays.fill(votes, 0);
                for (int yy = y * f; yy < y * f + f; yy++) {
                    for (int xx = x * f; xx < x * f + f; xx++) {
                        int p = rgb[yy * width + xx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                        votes[classes[yy * width + xx] + 1]++;
                    }
                }
                int n = f * f;
                thumb[y * w + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
                int best = 0;
                for (int c = 1; c < 5; c++) {
                    if (votes[c] > votes[best]) {
                        best = c;
                    }
                }
                cls[y * w + x] = (byte) (best - 1);
                tissue[y * w + x] = (byte) (votes[0] * 2 < n ? 1 : 0);
            }
        }
        return render(thumb, tissue, cls, w, h, title);
    }

    static BufferedImage render(int[] thumb, byte[] tissue, byte[] classes, int w, int h, String title) {
        // a slide overview is at most 1536 px: shrink by a whole factor to at most MAX_SIDE
        int f = Math.max(1, (Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE);
        int ow = Math.max(1, w / f);
        int oh = Math.max(1, h / f);
        BufferedImage img = new BufferedImage(Math.max(ow, 360), oh + LEGEND, BufferedImage.TYPE_INT_RGB);
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int i = (y * f) * w + x * f;
                int p = thumb[i];
                int c = classes[i];
                if (c >= 1) {
                    p = blend(p, CLASS_RGB[c], ALPHA);
                }
                if (tissue[i] != 0 && isEdge(tissue, w, h, x * f, y * f, f)) {
                    p = OUTLINE_RGB;
                }
                out[y * ow + x] = p;
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        img.setRGB(0, 0, ow, oh, out, 0, ow);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("SansSerif", Font.PLAIN, 12));
        int x = 4;
        int base = oh + 16;
        String[] names = {"", "weak", "moderate", "strong"};
        for (int c = 1; c <= 3; c++) {
            g.setColor(new Color(blend(0xffffff, CLASS_RGB[c], ALPHA)));
            g.fillRect(x, oh + 5, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names[c], x + 15, base);
            x += 20 + g.getFontMetrics().stringWidth(names[c]) + 8;
        }
        g.setColor(new Color(OUTLINE_RGB));
        g.fillRect(x, oh + 10, 12, 3);
        g.setColor(Color.BLACK);
        g.drawString("tissue", x + 15, base);
        x += 20 + g.getFontMetrics().stringWidth("tissue") + 8;
        if (title != null) {
            g.drawString(title, x, base);
        }
        g.dispose();
        return img;
    }

    private static boolean isEdge(byte[] t, int w, int h, int x, int y, int step) {
        int s = Math.max(1, step);
        return x - s < 0 || y - s < 0 || x + s >= w || y + s >= h || t[y * w + x - s] == 0 || t[y * w + x + s] == 0
                || t[(y - s) * w + x] == 0 || t[(y + s) * w + x] == 0;
    }

    static int blend(int under, int over, double a) {
        int r = (int) Math.round(((under >> 16) & 0xff) * (1 - a) + ((over >> 16) & 0xff) * a);
        int g = (int) Math.round(((under >> 8) & 0xff) * (1 - a) + ((over >> 8) & 0xff) * a);
        int b = (int) Math.round((under & 0xff) * (1 - a) + (over & 0xff) * a);
        return r << 16 | g << 8 | b;
    }

    /** Writes a picture as PNG, completely or not at all. */
    public static void write(BufferedImage img, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
