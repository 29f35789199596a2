package org.ihcblotquant.blot;

/**
 * A band's vertical extent on its lane profile, the way a person draws it in ImageJ's Gel
 * Analyzer: from the peak down both flanks to the flanking minima, where the profile stops falling
 * (another band rises, or the profile has reached its baseline and only noise is left). A flat,
 * saturated top is walked across like any other part of the flank that does not rise.
 * <p>
 * The walk runs on the profile smoothed lightly (Gaussian, SD 1 row) and ends when the profile
 * rises more than a tolerance above the lowest point reached so far (2 profile-noise SDs, at
 * least 2 % of the band's height: a valley; a shallow valley before a lower shoulder, more than a
 * quarter of the band's height above the floor beyond it, is walked through), or when the flank has flattened out: over each of the
 * next two thirds of the distance walked it falls by less than 0.5 % of the band's height (for a Gaussian
 * band about 3.3 SDs out, where 0.4 % of its height is left), or, on a background that keeps
 * sloping, at 6 times the distance from the peak to its half-height point (7 SDs for a Gaussian
 * band; the straight baseline follows a linear slope). The extent ends at the outermost row
 * that has reached the flank's floor (within 1 noise SD, at least 2 % of the band's height, of the
 * lowest point).
 */
final class BandExtent {
    /** First and last profile index of the band (inclusive) and the peak index. */
    final int top;
    final int bottom;
    final int peak;
    /** Baseline at {@link #top} and {@link #bottom}: the smoothed profile there. */
    final double baseTop;
    final double baseBottom;

    private BandExtent(int top, int bottom, int peak, double baseTop, double baseBottom) {
        this.top = top;
        this.bottom = bottom;
        this.peak = peak;
        this.baseTop = baseTop;
        this.baseBottom = baseBottom;
    }

    int height() {
        return bottom - top + 1;
    }

    /** Straight baseline between the flanking minima, at profile index i. */
    double baseline(int i) {
        if (bottom == top) {
            return baseTop;
        }
        return baseTop + (baseBottom - baseTop) * (i - top) / (double) (bottom - top);
    }

    /** Height of the peak above the baseline. */
    double peakHeight(double[] smoothed) {
        return smoothed[peak] - baseline(peak);
    }

    /**
     * @param raw      lane profile (mean across the lane per row)
     * @param smoothed the same smoothed by {@link #smooth}
     * @param noise    noise SD of the raw profile ({@link Profiles#noise})
     * @param guess    index near the peak; the peak is the highest point within {@code reach} of it
     * @param lo       the walk never goes above this index (inclusive)
     * @param hi       nor below this one
     */
    static BandExtent walk(double[] raw, double[] smoothed, double noise, int guess, int reach, int lo, int hi) {
        int n = smoothed.length;
        lo = Math.max(0, lo);
        hi = Math.min(n - 1, hi);
        guess = Math.max(lo, Math.min(hi, guess));
        int peak = guess;
        for (int i = Math.max(lo, guess - reach); i <= Math.min(hi, guess + reach); i++) {
            if (smoothed[i] > smoothed[peak]) {
                peak = i;
            }
        }
        double[] a = side(raw, smoothed, noise, peak, -1, lo);
        double[] b = side(raw, smoothed, noise, peak, +1, hi);
        return new BandExtent((int) a[0], (int) b[0], peak, a[1], b[1]);
    }

    /** The extent given by a box (user-placed): baseline between the profile at its first and last row. */
    static BandExtent ofRange(double[] smoothed, int top, int bottom) {
        int n = smoothed.length;
        top = Math.max(0, Math.min(n - 1, top));
        bottom = Math.max(top, Math.min(n - 1, bottom));
        int peak = top;
        for (int i = top; i <= bottom; i++) {
            if (smoothed[i] > smoothed[peak]) {
                peak = i;
            }
        }
        return new BandExtent(top, bottom, peak, smoothed[top], smoothed[bottom]);
    }

    /**
     * Walks one flank; returns {end index, baseline value}. The end is the outermost row where
     * the flank has reached its floor (within max(1 noise SD, 2 % of the band's height) of the
     * lowest point); the baseline value is the mean raw profile over those floor rows, so a long
     * flat stretch of background gives an unbiased level rather than its lowest noise dip, and a
     * valley between two bands gives its bottom.
     */
    private static double[] side(double[] raw, double[] s, double noise, int peak, int dir, int limit) {
        double top = s[peak];
        double rangeMin = top;
        for (int j = peak; j != limit + dir; j += dir) {
            rangeMin = Math.min(rangeMin, s[j]);
        }
        double min = top;
        int halfAt = -1;
        int i = peak;
        while (i != limit) {
            int j = i + dir;
            double v = s[j];
            min = Math.min(min, v);
            if (v > min + Math.max(2 * noise, 0.02 * (top - min))) {
                // rising again: a valley, unless it is a shallow dip before a shoulder of the same
                // band (a lower sub-peak that is no band row of its own)
                int through = shoulderEnd(s, noise, top, min, j, dir, limit);
                if (through < 0) {
                    break;
                }
                i = through;
                continue;
            }
            i = j;
            if (halfAt < 0 && top - v >= 0.5 * (top - rangeMin)) {
                halfAt = Math.abs(j - peak);
            }
            if (halfAt > 0 && Math.abs(j - peak) >= 5 * halfAt) {
                break; // 5 times the distance to half height
            }
        }
        double floor = min + Math.max(noise, 0.02 * (top - min));
        double sum = 0;
        int count = 0;
        int end = peak;
        for (int j = peak; j != i + dir; j += dir) {
            if (s[j] <= floor) {
                sum += raw[j];
                count++;
                end = j;
            }
        }
        if (count == 0) {
            return new double[] {i, s[i]};
        }
        return new double[] {end, sum / count};
    }

    /**
     * The walk met a rise at {@code j} after falling to {@code valley}. When the profile climbs to
     * a sub-peak lower than the band's top and then falls again to a floor that lies more than a
     * quarter of the band's height below the valley (the valley is shallow: a shoulder or an
     * unresolved second band that is not a row of its own), returns the index of that sub-peak
     * so that the walk goes on through it; else -1.
     */
    private static int shoulderEnd(double[] s, double noise, double top, double valley, int j, int dir, int limit) {
        int m = j;
        while (m != limit && s[m + dir] >= s[m]) {
            m += dir;
        }
        if (s[m] >= top || m == limit) {
            return -1;
        }
        double floor = s[m];
        int f = m;
        while (f != limit) {
            f += dir;
            floor = Math.min(floor, s[f]);
            if (s[f] > floor + Math.max(2 * noise, 0.02 * (top - floor))) {
                break;
            }
        }
        return valley - floor > 0.25 * (top - floor) ? m : -1;
    }

    /** The light smoothing the walk runs on. */
    static double[] smooth(double[] profile) {
        return Profiles.smooth(profile, 1.0);
    }
}
