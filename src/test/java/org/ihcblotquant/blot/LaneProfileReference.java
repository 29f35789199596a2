package org.ihcblotquant.blot;

/**
 * An independent lane-profile measurement for the tests, written apart from the production code
 * and following what a person does in ImageJ's Gel Analyzer (Analyze > Gels): the profile of a
 * lane rectangle (mean across its width per row), a straight baseline drawn between the valleys
 * on either side of a peak, and the peak area above it times the lane width.
 * <p>
 * The valleys: on a 5-row moving average of the profile, walk down each flank of the peak and
 * stop when the profile rises again by more than 3 noise SDs or 5 % of the peak's height above
 * the lowest point reached, or when the flank has flattened out (it falls by less than 1 % of the
 * band's height over the distance from the peak to its half-height point); the valley is the
 * lowest point reached.
 */
final class LaneProfileReference {

    private LaneProfileReference() {
    }

    /** One band as the reference measures it (profile indices). */
    static final class Band {
        final int top;
        final int bottom;
        final int peak;
        final double baseTop;
        final double baseBottom;
        /** Peak area above the baseline times the lane width. */
        final double signal;

        Band(int top, int bottom, int peak, double baseTop, double baseBottom, double signal) {
            this.top = top;
            this.bottom = bottom;
            this.peak = peak;
            this.baseTop = baseTop;
            this.baseBottom = baseBottom;
            this.signal = signal;
        }

        double baseline(int i) {
            return bottom == top ? baseTop : baseTop + (baseBottom - baseTop) * (i - top) / (double) (bottom - top);
        }
    }

    /** Mean of signal-up values across columns [x0, x0+w) for rows [y0, y0+h). */
    static double[] profile(SignalImage img, int x0, int w, int y0, int h) {
        double[] p = new double[h];
        for (int y = 0; y < h; y++) {
            double s = 0;
            for (int x = x0; x < x0 + w; x++) {
                s += img.get(x, y0 + y);
            }
            p[y] = s / w;
        }
        return p;
    }

    static double[] movingAverage(double[] p, int r) {
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, i - r); j <= Math.min(p.length - 1, i + r); j++) {
                s += p[j];
                n++;
            }
            q[i] = s / n;
        }
        return q;
    }

    /** Noise SD of a profile from the median absolute second difference (slopes cancel). */
    static double noise(double[] p) {
        double[] d = new double[Math.max(1, p.length - 2)];
        for (int i = 0; i + 2 < p.length; i++) {
            d[i] = Math.abs(p[i] - 2 * p[i + 1] + p[i + 2]);
        }
        java.util.Arrays.sort(d);
        return 1.4826 * d[d.length / 2] / Math.sqrt(6);
    }

    /** The band whose peak is the highest point of the profile within {@code reach} of {@code guess}. */
    static Band band(double[] p, int width, int guess, int reach) {
        double[] q = movingAverage(p, 2);
        double sd = noise(p) / Math.sqrt(5);
        int peak = Math.max(0, guess - reach);
        for (int i = Math.max(0, guess - reach); i <= Math.min(p.length - 1, guess + reach); i++) {
            if (q[i] > q[peak]) {
                peak = i;
            }
        }
        int a = valley(q, sd, peak, -1);
        int b = valley(q, sd, peak, +1);
        double s = 0;
        Band shape = new Band(a, b, peak, q[a], q[b], 0);
        for (int i = a; i <= b; i++) {
            s += p[i] - shape.baseline(i);
        }
        return new Band(a, b, peak, q[a], q[b], s * width);
    }

    private static int valley(double[] q, double sd, int peak, int dir) {
        // how far the flank reaches half height: the scale on which "flat" is judged
        int w = 3;
        double min = q[peak];
        int arg = peak;
        for (int j = peak + dir; j >= 0 && j < q.length; j += dir) {
            if (q[j] < min) {
                min = q[j];
                arg = j;
            }
            if (q[j] > min + Math.max(3 * sd, 0.05 * (q[peak] - min))) {
                break; // the profile rises again: a valley
            }
            if (q[j] <= q[peak] - 0.5 * (q[peak] - min) && w == 3) {
                w = Math.max(3, Math.abs(j - peak));
            }
            int k = j + dir * w;
            if (k < 0 || k >= q.length) {
                continue;
            }
            // the flank has flattened: it falls less than 1 % of the band's height over the next w rows
            if (q[j] - q[k] < 0.01 * (q[peak] - q[j]) && Math.abs(j - peak) > w) {
                break;
            }
        }
        return arg;
    }

    /** Share of the band's above-baseline mass that lies in profile rows [top, bottom]. */
    static double containment(double[] p, Band band, int top, int bottom) {
        double in = 0;
        double all = 0;
        for (int i = band.top; i <= band.bottom; i++) {
            double v = p[i] - band.baseline(i);
            all += v;
            if (i >= top && i <= bottom) {
                in += v;
            }
        }
        return all > 0 ? in / all : 1;
    }
}
