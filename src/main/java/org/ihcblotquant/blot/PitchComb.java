package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.Arrays;

/**
 * N lanes of one pitch fitted to the bands, for a lane count given without centres. The bands
 * are read as what stands out of each row: per column, the sum down the region of the signal above
 * that row's lower quartile (the gaps and the membrane between lanes), so a band row counts where
 * its bands are and a smear or a sloped background along a row counts little (a slope across
 * the rows is taken off with an opening one pitch wide). A comb of N windows
 * half a pitch wide is then fitted to that profile: pitch and offset that maximise the mean inside
 * the windows minus the mean in the gaps between and beside them. Each centre is then moved within
 * +-15 % of the pitch towards the centroid of its own band signal, for lanes that are not quite
 * evenly spaced.
 */
final class PitchComb {
    /** How far a lane's centre may move from the fitted comb, as a fraction of the pitch. */
    static final double REFINE = 0.15;

    private PitchComb() {
    }

    /** Centres (image x) of n lanes, or null when the bands show no comb (flat profile). */
    static double[] centres(SignalImage img, Rectangle roi, int n) {
        double[] raw = bandProfile(img, roi);
        // a background sloping across the region leaves a ramp under the lanes: an opening a lane
        // pitch wide follows the gaps between them and is taken off
        double[] floor = Profiles.opening(raw, (int) Math.ceil(roi.width / (2.0 * Math.max(1, n))));
        double[] b = new double[raw.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.max(0, raw[i] - floor[i]);
        }
        double[] cum = new double[b.length + 1];
        double max = 0;
        for (int i = 0; i < b.length; i++) {
            // square root: a lane with a tenth of the load still counts a third as much
            b[i] = Math.sqrt(b[i]);
            cum[i + 1] = cum[i] + b[i];
            max = Math.max(max, b[i]);
        }
        if (!(max > 0) || n < 1) {
            return null;
        }
        int w = b.length;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestPitch = 0;
        double bestOffset = 0;
        double pMax = n == 1 ? w : w / (n - 0.5);
        double pMin = Math.max(LaneFinder.MIN_LANE_WIDTH, 0.5 * w / n);
        for (double p = pMin; p <= pMax + 1e-9; p += 0.25) {
            // first centre anywhere that keeps every lane's window inside the region
            for (double o = p / 4; o + (n - 1) * p + p / 4 <= w + 1e-9; o += 0.5) {
                double in = 0;
                double gap = 0;
                int gaps = 0;
                for (int k = 0; k < n; k++) {
                    double c = o + k * p;
                    in += mean(cum, c - p / 4, c + p / 4);
                }
                for (int k = -1; k < n; k++) {
                    double g = o + k * p + p / 2;
                    if (g - p / 8 >= 0 && g + p / 8 <= w) {
                        gap += mean(cum, g - p / 8, g + p / 8);
                        gaps++;
                    }
                }
                // band signal beyond the comb's outer gaps is a lane the comb left out
                double outside = Math.max(0, o - p / 2) + Math.max(0, w - (o + (n - 1) * p + p / 2));
                double beyond = outside > 0 ? (mean(cum, 0, o - p / 2) * Math.max(0, o - p / 2)
                        + mean(cum, o + (n - 1) * p + p / 2, w) * Math.max(0, w - (o + (n - 1) * p + p / 2)))
                        / outside : 0;
                double score = in / n - (gaps > 0 ? gap / gaps : 0) - beyond;
                if (score > bestScore) {
                    bestScore = score;
                    bestPitch = p;
                    bestOffset = o;
                }
            }
        }
        if (!(bestScore > 0)) {
            return null;
        }
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = roi.x + refine(b, bestOffset + k * bestPitch, bestPitch);
        }
        return c;
    }

    /**
     * The centroid of the band profile within half a pitch either side of the comb's centre,
     * above the lowest value there (so the lane's own band, not the level between lanes, decides),
     * kept within {@link #REFINE} of the pitch.
     */
    private static double refine(double[] b, double c0, double pitch) {
        int a = (int) Math.max(0, Math.ceil(c0 - pitch / 2));
        int e = (int) Math.min(b.length - 1, Math.floor(c0 + pitch / 2));
        double lo = Double.POSITIVE_INFINITY;
        for (int x = a; x <= e; x++) {
            lo = Math.min(lo, b[x]);
        }
        double sw = 0;
        double sx = 0;
        for (int x = a; x <= e; x++) {
            sw += b[x] - lo;
            sx += (b[x] - lo) * x;
        }
        if (!(sw > 0)) {
            return c0;
        }
        double m = REFINE * pitch;
        return Math.max(c0 - m, Math.min(c0 + m, sx / sw + 0.5));
    }

    /** The fitted pitch of the centres: their mean spacing (the region's width for one lane). */
    static double pitch(double[] c, Rectangle roi) {
        return c.length < 2 ? roi.width : (c[c.length - 1] - c[0]) / (c.length - 1);
    }

    /** Mean of the profile over [a, b) in pixels, with fractional ends. */
    private static double mean(double[] cum, double a, double b) {
        a = Math.max(0, a);
        b = Math.min(cum.length - 1, b);
        if (b <= a) {
            return 0;
        }
        return (at(cum, b) - at(cum, a)) / (b - a);
    }

    private static double at(double[] cum, double x) {
        int i = (int) Math.floor(x);
        if (i >= cum.length - 1) {
            return cum[cum.length - 1];
        }
        double f = x - i;
        return cum[i] + f * (cum[i + 1] - cum[i]);
    }

    /** Per column of the region, the sum down it of the signal above each row's lower quartile. */
    static double[] bandProfile(SignalImage img, Rectangle roi) {
        double[] out = new double[roi.width];
        int step = Math.max(1, roi.width / 512);
        float[] row = new float[(roi.width + step - 1) / step];
        for (int y = roi.y; y < roi.y + roi.height; y++) {
            int m = 0;
            for (int x = roi.x; x < roi.x + roi.width && m < row.length; x += step) {
                row[m++] = img.get(x, y);
            }
            float[] sorted = Arrays.copyOf(row, m);
            Arrays.sort(sorted);
            float q = sorted[m / 4];
            for (int x = 0; x < roi.width; x++) {
                out[x] += Math.max(0, img.get(roi.x + x, y) - q);
            }
        }
        return out;
    }
}
