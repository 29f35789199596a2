package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.core.InputException;

/**
 * Measures one band box on a {@link SignalImage} with a {@link BackgroundMethod}. Works on plain
 * rectangles so that boxes the user moved in the ROI Manager are measured the same way.
 */
public final class BandMeasurer {

    /** Ring used for the noise estimate of the SNR (and the border background when it is not given). */
    private static final int NOISE_RING = 3;

    private BandMeasurer() {
    }

    /** A measurement and the background it used, per box row (for the profile plot). */
    public static final class Result {
        public final BandMeasurement measurement;
        /** Background per pixel on each row of the box, top to bottom. */
        public final double[] rowBackground;

        Result(BandMeasurement measurement, double[] rowBackground) {
            this.measurement = measurement;
            this.rowBackground = rowBackground;
        }
    }

    /**
     * @param box      the band box (clipped to the image)
     * @param lane     the lane strip the box belongs to (its vertical extent bounds the lane
     *                 profile used by the lane and rolling-ball methods)
     * @param allBoxes every band box on the image (ring pixels inside any other box are ignored)
     * @param detected whether a band was found there
     */
    public static Result measure(SignalImage img, Rectangle box, Rectangle lane, List<Rectangle> allBoxes,
            BackgroundMethod method, boolean detected) {
        return measure(img, box, lane, allBoxes, method, detected, true);
    }

    /**
     * @param checkRing whether a border ring lying on the band is replaced by the profile baseline
     *                  (false when probing an empty position, where there is no band to lie on)
     */
    static Result measure(SignalImage img, Rectangle box, Rectangle lane, List<Rectangle> allBoxes,
            BackgroundMethod method, boolean detected, boolean checkRing) {
        Rectangle b = box.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (b.isEmpty()) {
            throw new InputException("band box x=" + box.x + ", y=" + box.y + ", " + box.width + "x" + box.height
                    + " lies outside the " + img.width() + "x" + img.height() + " image");
        }
        double total = 0;
        double peak = Double.NEGATIVE_INFINITY;
        long sat = 0;
        int satRun = 0;
        boolean flatTop = false;
        double[] rowMean = new double[b.height];
        for (int y = b.y; y < b.y + b.height; y++) {
            int rowSat = 0;
            double rowSum = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                float v = img.get(x, y);
                rowSum += v;
                peak = Math.max(peak, v);
                if (img.isSaturated(x, y)) {
                    rowSat++;
                }
            }
            total += rowSum;
            rowMean[y - b.y] = rowSum / b.width;
            sat += rowSat;
            satRun = rowSat * 2 >= b.width ? satRun + 1 : 0;
            flatTop |= satRun >= 3;
        }
        long area = (long) b.width * b.height;
        double[] ring = ring(img, b, allBoxes, method.kind() == BackgroundMethod.Kind.BORDER ? method.size() : NOISE_RING);
        double[] noiseRing = method.kind() == BackgroundMethod.Kind.BORDER && method.size() == NOISE_RING ? ring
                : ring(img, b, allBoxes, NOISE_RING);
        double localBg = Profiles.interpolatedMedian(noiseRing);
        double sd = pixelNoise(img, b, allBoxes, NOISE_RING);
        double[] rowBg = new double[b.height];
        String ringNote = null;
        switch (method.kind()) {
            case BORDER:
                Arrays.fill(rowBg, ring.length == 0 ? Double.NaN : Profiles.interpolatedMedian(ring));
                ringNote = checkRing ? ringCheck(img, b, lane, allBoxes, method.size(), rowMean, rowBg) : null;
                break;
            case PROFILE:
                profileBaseline(img, b, lane, rowBg);
                break;
            case LANE:
                laneBaseline(img, b, lane, rowBg);
                break;
            case ROLLING:
                rollingBaseline(img, b, lane, method.size(), rowBg);
                break;
            default:
                Arrays.fill(rowBg, 0);
        }
        double bg = 0;
        for (double v : rowBg) {
            bg += v;
        }
        bg /= rowBg.length;
        double excess = bandExcess(rowMean, rowBg, method.kind() == BackgroundMethod.Kind.NONE ? localBg : Double.NaN);
        double snr;
        if (sd > 0) {
            snr = excess / sd;
        } else {
            snr = excess > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return new Result(new BandMeasurement(total, bg, area, peak, sat, flatTop, snr, detected, ringNote), rowBg);
    }

    /**
     * The lane profile's baseline under the band in box b, per box row: the straight line between
     * the flanking minima of the band's own extent on the lane strip ({@link BandExtent}), whatever
     * the box's height.
     */
    static double[] extentBaseline(SignalImage img, Rectangle b, Rectangle lane) {
        Rectangle strip = new Rectangle(b.x, Math.min(lane.y, b.y), b.width,
                Math.max(lane.y + lane.height, b.y + b.height) - Math.min(lane.y, b.y));
        double[] p = laneProfile(img, b, strip);
        double[] sm = BandExtent.smooth(p);
        double noise = Profiles.noise(p);
        int top = b.y - strip.y;
        int peak = top;
        for (int i = top; i < top + b.height; i++) {
            if (sm[i] > sm[peak]) {
                peak = i;
            }
        }
        BandExtent e = BandExtent.walk(p, sm, noise, peak, 0, 0, p.length - 1);
        int hw = Math.max(2, (int) Math.round(e.height() / 6.0));
        double a = floorMean(p, e.top, hw, noise);
        double z = floorMean(p, e.bottom, hw, noise);
        double[] out = new double[b.height];
        for (int i = 0; i < out.length; i++) {
            int y = top + i;
            double t = e.bottom == e.top ? 0.5 : (y - e.top) / (double) (e.bottom - e.top);
            out[i] = a + (z - a) * t;
        }
        return out;
    }

    /**
     * A border ring must lie on background. When its median stands above the lane profile's
     * baseline under the band's whole extent by more than 20 % of the band's height (the ring lies on the band's tail or on a
     * neighbour), or it holds clipped pixels (saturated, or a line drawn into the image), the
     * profile baseline replaces it in {@code rowBg} and the returned note says so; else null.
     */
    private static String ringCheck(SignalImage img, Rectangle b, Rectangle lane, List<Rectangle> allBoxes, int w,
            double[] rowMean, double[] rowBg) {
        double[] profileBg = extentBaseline(img, b, lane);
        double height = 0;
        double base = 0;
        for (int i = 0; i < rowMean.length; i++) {
            height = Math.max(height, rowMean[i] - profileBg[i]);
            base += profileBg[i] / rowMean.length;
        }
        boolean clipped = false;
        Rectangle outer = new Rectangle(b.x - w, b.y - w, b.width + 2 * w, b.height + 2 * w)
                .intersection(new Rectangle(0, 0, img.width(), img.height()));
        for (int y = outer.y; y < outer.y + outer.height && !clipped; y++) {
            for (int x = outer.x; x < outer.x + outer.width; x++) {
                if (!b.contains(x, y) && !inAny(allBoxes, x, y) && img.isSaturated(x, y)) {
                    clipped = true;
                    break;
                }
            }
        }
        boolean onBand = height > 0 && rowBg.length > 0 && rowBg[0] > base + 0.2 * height;
        if (!clipped && !onBand && !Double.isNaN(rowBg[0])) {
            return null;
        }
        System.arraycopy(profileBg, 0, rowBg, 0, rowBg.length);
        return clipped ? "ring clipped: profile baseline used" : "ring on band: profile baseline used";
    }

    /**
     * Mean excess over the background of the band's upper half: the box rows whose mean stands
     * above the background by at least half the highest row's excess. A box that holds the band's
     * whole extent is mostly flank, so its plain mean would understate how clearly the band stands out.
     * Rows compare with their own background, or with {@code fixedBg} when that is given.
     */
    static double bandExcess(double[] rowMean, double[] rowBg, double fixedBg) {
        double[] ex = new double[rowMean.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ex.length; i++) {
            double bg = Double.isNaN(fixedBg) ? rowBg[i] : fixedBg;
            ex[i] = rowMean[i] - bg;
            max = Math.max(max, ex[i]);
        }
        if (!(max > 0)) {
            double s = 0;
            for (double e : ex) {
                s += e;
            }
            return s / ex.length;
        }
        double s = 0;
        int n = 0;
        for (double e : ex) {
            if (e >= 0.5 * max) {
                s += e;
                n++;
            }
        }
        return s / n;
    }

    /** Pixels within {@code w} of the box, outside it and outside every other box. */
    static double[] ring(SignalImage img, Rectangle b, List<Rectangle> allBoxes, int w) {
        Rectangle outer = new Rectangle(b.x - w, b.y - w, b.width + 2 * w, b.height + 2 * w)
                .intersection(new Rectangle(0, 0, img.width(), img.height()));
        double[] v = new double[outer.width * outer.height];
        int n = 0;
        for (int y = outer.y; y < outer.y + outer.height; y++) {
            for (int x = outer.x; x < outer.x + outer.width; x++) {
                if (b.contains(x, y) || inAny(allBoxes, x, y)) {
                    continue;
                }
                v[n++] = img.get(x, y);
            }
        }
        return Arrays.copyOf(v, n);
    }

    private static boolean inAny(List<Rectangle> boxes, int x, int y) {
        if (boxes == null) {
            return false;
        }
        for (Rectangle r : boxes) {
            if (r.contains(x, y)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pixel noise around the box: robust SD of the differences between horizontally adjacent ring
     * pixels, divided by sqrt(2). Differences ignore slopes and the soft edges of the band, which
     * a plain SD of the ring would count as noise.
     */
    static double pixelNoise(SignalImage img, Rectangle b, List<Rectangle> allBoxes, int w) {
        Rectangle outer = new Rectangle(b.x - w, b.y - w, b.width + 2 * w, b.height + 2 * w)
                .intersection(new Rectangle(0, 0, img.width(), img.height()));
        double[] d = new double[outer.width * outer.height];
        int n = 0;
        for (int y = outer.y; y < outer.y + outer.height; y++) {
            for (int x = outer.x; x + 1 < outer.x + outer.width; x++) {
                if (b.contains(x, y) || b.contains(x + 1, y) || inAny(allBoxes, x, y) || inAny(allBoxes, x + 1, y)) {
                    continue;
                }
                d[n++] = img.get(x + 1, y) - img.get(x, y);
            }
        }
        d = Arrays.copyOf(d, n);
        return robustSd(d, 0) / Math.sqrt(2);
    }

    private static double robustSd(double[] v, double median) {
        if (v.length < 2) {
            return 0;
        }
        double[] dev = new double[v.length];
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - median);
            ss += dev[i] * dev[i];
        }
        double mad = 1.4826 * Profiles.median(dev);
        return mad > 0 ? mad : Math.sqrt(ss / (v.length - 1));
    }

    /** Mean signal across the box columns for each row of the lane strip. */
    static double[] laneProfile(SignalImage img, Rectangle b, Rectangle lane) {
        int y0 = Math.max(0, lane.y);
        int y1 = Math.min(img.height(), lane.y + lane.height);
        double[] p = new double[y1 - y0];
        for (int y = y0; y < y1; y++) {
            double s = 0;
            for (int x = b.x; x < b.x + b.width; x++) {
                s += img.get(x, y);
            }
            p[y - y0] = s / b.width;
        }
        return p;
    }

    /** Straight line from the profile just above the box to the profile just below it (3 rows each). */
    private static void laneBaseline(SignalImage img, Rectangle b, Rectangle lane, double[] out) {
        Rectangle strip = new Rectangle(b.x, Math.min(lane.y, b.y), b.width,
                Math.max(lane.y + lane.height, b.y + b.height) - Math.min(lane.y, b.y));
        double[] p = laneProfile(img, b, strip);
        int top = b.y - strip.y;
        int bottom = top + b.height - 1;
        double above = edgeMean(p, top - 3, top - 1, top, bottom);
        double below = edgeMean(p, bottom + 1, bottom + 3, top, bottom);
        for (int i = 0; i < out.length; i++) {
            double t = out.length == 1 ? 0.5 : (i + 0.5) / out.length;
            out[i] = above + (below - above) * t;
        }
    }

    /**
     * Gel Analyzer's baseline: a straight line joining the lane profile at the box's first and last
     * rows. Each end is the mean of that row and the rows around it, within 1/6 of the box height
     * (at least 2 rows), taken in pairs while both lie no higher than it plus 2 noise SDs: noise does
     * not tilt the line, and at a valley between two bands the rows climbing either flank do not
     * lift it. The band's own box ends at its flanking minima, so this is the line a person
     * draws between the valleys on either side of the peak.
     */
    private static void profileBaseline(SignalImage img, Rectangle b, Rectangle lane, double[] out) {
        Rectangle strip = new Rectangle(b.x, Math.min(lane.y, b.y), b.width,
                Math.max(lane.y + lane.height, b.y + b.height) - Math.min(lane.y, b.y));
        double[] p = laneProfile(img, b, strip);
        int top = b.y - strip.y;
        int bottom = top + b.height - 1;
        int hw = Math.max(2, (int) Math.round(b.height / 6.0));
        double noise = Profiles.noise(p);
        double above = floorMean(p, top, hw, noise);
        double below = floorMean(p, bottom, hw, noise);
        for (int i = 0; i < out.length; i++) {
            double t = out.length == 1 ? 0.5 : i / (double) (out.length - 1);
            out[i] = above + (below - above) * t;
        }
    }

    /**
     * Mean of row c and the pairs of rows at c - o and c + o (o up to hw, inside the profile) while
     * both are no higher than the mean of rows c-1..c+1 plus 2 noise SDs. Taking rows in pairs keeps the mean centred on c
     * on a sloped background; stopping at the first pair that climbs a flank keeps it at a valley's
     * bottom.
     */
    private static double floorMean(double[] p, int c, int hw, double noise) {
        double local = (p[Math.max(0, c - 1)] + p[c] + p[Math.min(p.length - 1, c + 1)]) / 3;
        double limit = local + 2 * noise;
        double s = p[c];
        int n = 1;
        for (int o = 1; o <= hw && c - o >= 0 && c + o < p.length; o++) {
            if (p[c - o] > limit || p[c + o] > limit) {
                break;
            }
            s += p[c - o] + p[c + o];
            n += 2;
        }
        return s / n;
    }

    /** Mean of p[a..b] within the profile; falls back to the box's own edge rows at the image edge. */
    private static double edgeMean(double[] p, int a, int b, int top, int bottom) {
        double s = 0;
        int n = 0;
        for (int i = Math.max(0, a); i <= Math.min(p.length - 1, b); i++) {
            s += p[i];
            n++;
        }
        if (n == 0) {
            int i = a < top ? top : bottom;
            return p[i];
        }
        return s / n;
    }

    private static void rollingBaseline(SignalImage img, Rectangle b, Rectangle lane, int radius, double[] out) {
        Rectangle strip = new Rectangle(b.x, Math.min(lane.y, b.y), b.width,
                Math.max(lane.y + lane.height, b.y + b.height) - Math.min(lane.y, b.y));
        double[] p = laneProfile(img, b, strip);
        double[] base = Profiles.rollingBall(p, radius);
        int top = b.y - strip.y;
        System.arraycopy(base, top, out, 0, out.length);
    }
}
