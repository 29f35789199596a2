package org.ihcblotquant.blot;

import java.awt.Rectangle;

/**
 * The membrane's tilt, estimated from its band rows: the angle at which the rows' horizontal
 * projection is sharpest. Each candidate angle shears the region (a row at column x is read
 * tan(angle) * (x - centre) lower) and sums it across; bands that run along that angle pile up into
 * narrow, high peaks, so the projection's summed squared differences between neighbouring rows are
 * largest. Angles from -5 to 5 degrees in 0.25 degree steps, then 0.05 degree steps around the best;
 * large scans are read on a grid of at most about 250,000 samples.
 */
final class TiltEstimate {
    static final double MAX_DEGREES = 5;

    private TiltEstimate() {
    }

    /** Tilt in degrees (positive: the rows fall towards the right), or 0 for a region too small. */
    static double degrees(SignalImage img, Rectangle roi) {
        if (roi.width < 20 || roi.height < 20) {
            return 0;
        }
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) roi.width * roi.height / 250000.0)));
        double best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double[][] passes = {{-MAX_DEGREES, MAX_DEGREES, 0.25}, {-0.25, 0.25, 0.05}};
        for (double[] pass : passes) {
            double centre = pass == passes[0] ? 0 : best;
            for (double a = centre + pass[0]; a <= centre + pass[1] + 1e-9; a += pass[2]) {
                double s = sharpness(img, roi, a, step);
                if (s > bestScore) {
                    bestScore = s;
                    best = a;
                }
            }
        }
        return best;
    }

    private static double sharpness(SignalImage img, Rectangle roi, double degrees, int step) {
        double t = Math.tan(Math.toRadians(degrees));
        double cx = roi.x + roi.width / 2.0;
        int h = roi.height / step + 1;
        double[] sum = new double[h];
        int[] n = new int[h];
        for (int y = roi.y; y < roi.y + roi.height; y += step) {
            for (int x = roi.x; x < roi.x + roi.width; x += step) {
                // the pixel lies on the projection row where its band row crosses the centre
                int yp = (int) Math.round((y - t * (x - cx) - roi.y) / step);
                if (yp >= 0 && yp < h) {
                    sum[yp] += img.get(x, y);
                    n[yp]++;
                }
            }
        }
        double s = 0;
        double prev = Double.NaN;
        for (int i = 0; i < h; i++) {
            if (n[i] == 0) {
                prev = Double.NaN;
                continue;
            }
            double m = sum[i] / n[i];
            if (!Double.isNaN(prev)) {
                s += (m - prev) * (m - prev);
            }
            prev = m;
        }
        return s;
    }
}
