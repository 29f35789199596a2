package org.ihcblotquant.blot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ihcblotquant.io.AtomicFiles;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * A picture of what was found, for reports and documentation: the image (signal-up, contrast
 * stretched, shown dark-on-light) with the lanes in blue and the band boxes coloured by status:
 * green ok, red saturated, orange low SNR, grey dashed-looking thin box where no band was found.
 */
public final class BlotOverlay {

    private BlotOverlay() {
    }

    /**
     * @param maxSize the longest side of the picture in pixels (the image is scaled down to fit)
     */
    public static ColorProcessor render(BlotAnalysis a, double minSnr, int maxSize) {
        SignalImage img = a.image();
        int w = img.width();
        int h = img.height();
        float[] s = img.signal();
        float[] sorted = sample(s);
        java.util.Arrays.sort(sorted);
        double lo = sorted[(int) (0.01 * (sorted.length - 1))];
        double hi = sorted[(int) (0.999 * (sorted.length - 1))];
        if (hi <= lo) {
            hi = lo + 1;
        }
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int g = 255 - (int) Math.max(0, Math.min(255, Math.round(255 * (s[i] - lo) / (hi - lo))));
            px[i] = (g << 16) | (g << 8) | g;
        }
        ColorProcessor cp = new ColorProcessor(w, h, px);
        double scale = Math.min(1.0, maxSize / (double) Math.max(w, h));
        if (scale < 1) {
            cp.setInterpolationMethod(ImageProcessor.BILINEAR);
            cp = (ColorProcessor) cp.resize((int) Math.round(w * scale), (int) Math.round(h * scale), true);
        }
        int line = Math.max(1, (int) Math.round(Math.max(w, h) * scale / 500.0));
        cp.setLineWidth(line);
        cp.setFont(new Font("SansSerif", Font.PLAIN, Math.max(10, (int) Math.round(12 * line))));
        cp.setAntialiasedText(true);
        for (Lane lane : a.lanes()) {
            Rectangle r = scaled(lane.bounds(), scale);
            cp.setColor(new Color(60, 120, 255));
            cp.drawRect(r.x, r.y, r.width, r.height);
            cp.drawString(String.valueOf(lane.number()), r.x + 2, r.y + cp.getFont().getSize() + 2);
        }
        for (BandRow row : a.rows()) {
            for (int k = 0; k < row.laneCount(); k++) {
                BandMeasurement m = row.measurement(k);
                Rectangle r = scaled(row.box(k), scale);
                String st = m == null ? "no band" : m.status(minSnr);
                Color c = st.contains("saturated") ? Color.RED
                        : st.contains("no band") ? Color.GRAY : st.contains("low-snr") ? Color.ORANGE
                                : new Color(0, 170, 0);
                cp.setColor(c);
                cp.drawRect(r.x, r.y, r.width, r.height);
            }
            Rectangle first = scaled(row.box(0), scale);
            cp.setColor(new Color(0, 120, 0));
            cp.drawString(row.name(), Math.max(0, first.x - 2), Math.max(cp.getFont().getSize(), first.y - 2));
        }
        return cp;
    }

    private static Rectangle scaled(Rectangle r, double f) {
        return new Rectangle((int) Math.round(r.x * f), (int) Math.round(r.y * f),
                Math.max(1, (int) Math.round(r.width * f)), Math.max(1, (int) Math.round(r.height * f)));
    }

    private static float[] sample(float[] s) {
        int step = Math.max(1, s.length / 200000);
        float[] out = new float[(s.length + step - 1) / step];
        for (int i = 0, k = 0; i < s.length && k < out.length; i += step, k++) {
            out[k] = s[i];
        }
        return out;
    }

    /** Writes the picture as PNG, completely or not at all. */
    public static void writePng(ColorProcessor cp, Path file) throws IOException {
        BufferedImage bi = cp.getBufferedImage();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(bi, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
