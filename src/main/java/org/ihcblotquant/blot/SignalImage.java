package org.ihcblotquant.blot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * A membrane image in "signal-up" units: larger = more protein, whatever the polarity of the scan.
 * <p>
 * Light bands (fluorescence, raw chemiluminescence) keep their raw values. Dark bands are inverted
 * against the full scale of the native depth: {@code 255 - pixel} for 8-bit and
 * {@code 65535 - pixel} for 16-bit. The full scale is used rather than the image maximum so that
 * the numbers do not depend on what else is on the membrane; the constant offset it leaves is
 * removed by the background subtraction. RGB exports are reduced to the mean of R, G and B (with a
 * warning: an RGB export is not raw data).
 * <p>
 * Saturation is read from the raw pixels: a pixel is saturated when it sits at the detector's
 * extreme on the band side (0 for dark bands, full scale for light bands).
 */
public final class SignalImage {
    private final int width;
    private final int height;
    private final float[] signal;
    private final boolean[] saturated;
    private final Polarity polarity;
    private final boolean polarityDetected;
    private final int bitDepth;
    private final double fullScale;
    private final List<String> warnings;
    private List<DrawnLines.Segment> drawnLines = Collections.emptyList();
    private SignalImage asScanned = this;

    private SignalImage(int width, int height, float[] signal, boolean[] saturated, Polarity polarity,
            boolean polarityDetected, int bitDepth, double fullScale, List<String> warnings) {
        this.width = width;
        this.height = height;
        this.signal = signal;
        this.saturated = saturated;
        this.polarity = polarity;
        this.polarityDetected = polarityDetected;
        this.bitDepth = bitDepth;
        this.fullScale = fullScale;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /**
     * Converts an 8-bit, 16-bit or RGB processor.
     *
     * @param alpha transparency mask (0 = off the membrane) or null; transparent pixels are set to
     *              the median of the opaque ones so that they read as plain background
     */
    public static SignalImage of(ImageProcessor ip, Polarity requested, byte[] alpha) {
        int w = ip.getWidth();
        int h = ip.getHeight();
        int n = w * h;
        List<String> warnings = new ArrayList<>();
        float[] raw = new float[n];
        double full;
        int depth;
        if (ip instanceof ByteProcessor) {
            byte[] px = (byte[]) ip.getPixels();
            for (int i = 0; i < n; i++) {
                raw[i] = px[i] & 0xff;
            }
            full = 255;
            depth = 8;
        } else if (ip instanceof ShortProcessor) {
            short[] px = (short[]) ip.getPixels();
            for (int i = 0; i < n; i++) {
                raw[i] = px[i] & 0xffff;
            }
            full = 65535;
            depth = 16;
        } else if (ip instanceof ColorProcessor) {
            int[] px = (int[]) ip.getPixels();
            boolean grey = true;
            for (int i = 0; i < n; i++) {
                int r = (px[i] >> 16) & 0xff;
                int g = (px[i] >> 8) & 0xff;
                int b = px[i] & 0xff;
                grey &= r == g && g == b;
                raw[i] = (r + g + b) / 3f;
            }
            full = 255;
            depth = 24;
            warnings.add(grey ? "RGB file holding grey values: read as 8-bit grey; export the raw scan instead"
                    : "RGB colour export converted to grey as the mean of R, G and B: an RGB export is not raw "
                            + "scanner data, quantify the original grey-scale scan if you can");
        } else {
            throw new IllegalArgumentException("blot analysis takes 8-bit, 16-bit or RGB images, not "
                    + ip.getBitDepth() + "-bit");
        }
        boolean[] opaque = null;
        if (alpha != null) {
            opaque = new boolean[n];
            int transparent = 0;
            for (int i = 0; i < n; i++) {
                opaque[i] = alpha[i] != 0;
                if (!opaque[i]) {
                    transparent++;
                }
            }
            if (transparent == n) {
                opaque = null; // nothing is opaque: ignore the mask rather than lose the image
            } else if (transparent > 0) {
                float fill = (float) median(raw, opaque);
                for (int i = 0; i < n; i++) {
                    if (!opaque[i]) {
                        raw[i] = fill;
                    }
                }
            }
        }
        Polarity used = requested;
        boolean detected = false;
        if (requested == Polarity.AUTO) {
            used = detectPolarity(raw, opaque);
            detected = true;
        }
        float[] sig = new float[n];
        boolean[] sat = new boolean[n];
        float extreme = used == Polarity.DARK ? 0f : (float) full;
        for (int i = 0; i < n; i++) {
            float v = raw[i];
            sig[i] = used == Polarity.DARK ? (float) (full - v) : v;
            sat[i] = v == extreme && (opaque == null || opaque[i]);
        }
        final float[][] sigDrawn = new float[1][];
        final boolean[][] satDrawn = new boolean[1][];
        List<DrawnLines.Segment> lines = DrawnLines.remove(sig, sat, w, h, () -> {
            sigDrawn[0] = sig.clone();
            satDrawn[0] = sat.clone();
        });
        SignalImage out = new SignalImage(w, h, sig, sat, used, detected, depth, full, warnings);
        out.drawnLines = Collections.unmodifiableList(lines);
        out.asScanned = lines.isEmpty() ? out
                : new SignalImage(w, h, sigDrawn[0], satDrawn[0], used, detected, depth, full, warnings);
        return out;
    }

    /**
     * The image with the drawn lines still in it. Lane finding works on it: its column profile
     * already ignores thin lines (a flat opening), and its tuning was made with them present.
     */
    SignalImage asScanned() {
        return asScanned;
    }

    /**
     * Lines drawn into the image (crop boxes, rules: {@link DrawnLines}), already interpolated
     * across in {@link #signal()}.
     */
    List<DrawnLines.Segment> drawnLines() {
        return drawnLines;
    }

    /**
     * The background is most of the membrane, so the median sits near it; bands form a tail of
     * the histogram on one side. Light bands when the bright tail (p99.5 - median) is longer than
     * the dark tail (median - p0.5).
     */
    static Polarity detectPolarity(float[] raw, boolean[] opaque) {
        float[] v = values(raw, opaque);
        Arrays.sort(v);
        double lo = v[(int) (0.005 * (v.length - 1))];
        double med = v[(v.length - 1) / 2];
        double hi = v[(int) Math.ceil(0.995 * (v.length - 1))];
        return hi - med > med - lo ? Polarity.LIGHT : Polarity.DARK;
    }

    private static float[] values(float[] raw, boolean[] opaque) {
        // a sample is enough for percentiles of a large scan
        int step = Math.max(1, raw.length / 400000);
        float[] out = new float[(raw.length + step - 1) / step];
        int k = 0;
        for (int i = 0; i < raw.length; i += step) {
            if (opaque == null || opaque[i]) {
                out[k++] = raw[i];
            }
        }
        return k == 0 ? new float[] {0f} : Arrays.copyOf(out, k);
    }

    private static double median(float[] raw, boolean[] opaque) {
        float[] v = values(raw, opaque);
        Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Signal-up pixel values, row by row (do not modify). */
    public float[] signal() {
        return signal;
    }

    public float get(int x, int y) {
        return signal[y * width + x];
    }

    public boolean isSaturated(int x, int y) {
        return saturated[y * width + x];
    }

    public Polarity polarity() {
        return polarity;
    }

    public boolean polarityDetected() {
        return polarityDetected;
    }

    /** 8, 16 or 24 (RGB). */
    public int bitDepth() {
        return bitDepth;
    }

    /** 255 or 65535: the value dark-band images are inverted against. */
    public double fullScale() {
        return fullScale;
    }

    /** Problems with the input itself (RGB export...). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * This image turned so that a line running at {@code degrees} (positive: falling towards the
     * right, as {@link TiltEstimate} reports it) through (cx, cy) becomes horizontal: each output
     * pixel reads the source at its position turned by that angle about (cx, cy), with bilinear
     * interpolation; saturation is taken from the nearest source pixel. Positions outside the
     * source (the corners, a few pixels wide at these angles) read as the image's median signal
     * (plain background) and are never saturated. The drawn
     * lines already interpolated across in the source are kept for the warnings (at their scanned
     * positions); lines that run along the image axes only once turned are removed in the result.
     */
    SignalImage rotated(double degrees, double cx, double cy) {
        return rotated(degrees, cx, cy, true);
    }

    private SignalImage rotated(double degrees, double cx, double cy, boolean withScanned) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int step = Math.max(1, signal.length / 200000);
        float[] sample = new float[(signal.length + step - 1) / step];
        for (int i = 0, j = 0; i < signal.length && j < sample.length; i += step, j++) {
            sample[j] = signal[i];
        }
        Arrays.sort(sample);
        float fill = sample[(sample.length - 1) / 2];
        float[] sig = new float[signal.length];
        boolean[] sat = new boolean[signal.length];
        for (int y = 0; y < height; y++) {
            double dy = y - cy;
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double xs = cx + dx * cos - dy * sin;
                double ys = cy + dx * sin + dy * cos;
                int i = y * width + x;
                if (xs < -0.5 || ys < -0.5 || xs > width - 0.5 || ys > height - 0.5) {
                    sig[i] = fill;
                    continue;
                }
                double xc = Math.min(Math.max(xs, 0), width - 1);
                double yc = Math.min(Math.max(ys, 0), height - 1);
                int x0 = Math.min((int) xc, width - 2 < 0 ? 0 : width - 2);
                int y0 = Math.min((int) yc, height - 2 < 0 ? 0 : height - 2);
                int x1 = Math.min(x0 + 1, width - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                double fx = xc - x0;
                double fy = yc - y0;
                double top = signal[y0 * width + x0] * (1 - fx) + signal[y0 * width + x1] * fx;
                double bottom = signal[y1 * width + x0] * (1 - fx) + signal[y1 * width + x1] * fx;
                sig[i] = (float) (top * (1 - fy) + bottom * fy);
                sat[i] = saturated[(int) Math.round(yc) * width + (int) Math.round(xc)];
            }
        }
        // lines drawn askew on a scan whose membrane lay straight run along the image axes once
        // the image is turned: they are found and interpolated across here
        List<DrawnLines.Segment> lines = new ArrayList<>(drawnLines);
        if (withScanned) {
            lines.addAll(DrawnLines.remove(sig, sat, width, height, () -> { }));
        }
        SignalImage out = new SignalImage(width, height, sig, sat, polarity, polarityDetected, bitDepth, fullScale,
                warnings);
        out.drawnLines = Collections.unmodifiableList(lines);
        out.asScanned = !withScanned || asScanned == this ? out : asScanned.rotated(degrees, cx, cy, false);
        return out;
    }

    /** How the signal was derived, for provenance. */
    public String describeConversion() {
        String pol = polarity.label() + (polarityDetected ? " (detected)" : " (given)");
        if (polarity == Polarity.DARK) {
            return pol + ", signal = " + (long) fullScale + " - pixel";
        }
        return pol + ", signal = pixel";
    }
}
