package org.ihcblotquant.blot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 1-D profile helpers shared by lane and band finding: smoothing, baselines, noise, peaks. */
final class Profiles {

    private Profiles() {
    }

    /** Gaussian smoothing with edge replication; sigma in samples (<= 0 returns a copy). */
    static double[] smooth(double[] p, double sigma) {
        if (sigma <= 0) {
            return p.clone();
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + r];
        }
        double[] out = new double[p.length];
        for (int x = 0; x < p.length; x++) {
            double s = 0;
            for (int i = -r; i <= r; i++) {
                int j = Math.min(p.length - 1, Math.max(0, x + i));
                s += k[i + r] * p[j];
            }
            out[x] = s / sum;
        }
        return out;
    }

    /**
     * Rolling ball (a half-disc of radius r in samples and intensity units) rolled under the
     * profile: a grey-scale opening with a non-flat structuring element. Returns the baseline, which
     * never exceeds the profile. The profile is smoothed first (Gaussian, SD 2 samples), as ImageJ's
     * background subtracter does, because an opening of a noisy profile settles on the noise minima
     * and reads the background low.
     */
    static double[] rollingBall(double[] raw, int r) {
        double[] p = smooth(raw, 2);
        int n = p.length;
        double[] b = new double[2 * r + 1];
        for (int t = -r; t <= r; t++) {
            b[t + r] = Math.sqrt((double) r * r - (double) t * t);
        }
        // erosion: lowest position of the ball's top touching the profile from below
        double[] ero = new double[n];
        for (int x = 0; x < n; x++) {
            double m = Double.POSITIVE_INFINITY;
            for (int t = -r; t <= r; t++) {
                int j = x + t;
                if (j >= 0 && j < n) {
                    m = Math.min(m, p[j] - b[t + r]);
                }
            }
            ero[x] = m;
        }
        double[] out = new double[n];
        for (int x = 0; x < n; x++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int t = -r; t <= r; t++) {
                int j = x - t;
                if (j >= 0 && j < n) {
                    m = Math.max(m, ero[j] + b[t + r]);
                }
            }
            out[x] = m;
        }
        return out;
    }

    /** Flat grey-scale opening (running minimum then running maximum), window 2r+1. */
    static double[] opening(double[] p, int r) {
        return runningMax(runningMin(p, r), r);
    }

    static double[] runningMin(double[] p, int r) {
        double[] out = new double[p.length];
        for (int x = 0; x < p.length; x++) {
            double m = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, x - r); j <= Math.min(p.length - 1, x + r); j++) {
                m = Math.min(m, p[j]);
            }
            out[x] = m;
        }
        return out;
    }

    static double[] runningMax(double[] p, int r) {
        double[] out = new double[p.length];
        for (int x = 0; x < p.length; x++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = Math.max(0, x - r); j <= Math.min(p.length - 1, x + r); j++) {
                m = Math.max(m, p[j]);
            }
            out[x] = m;
        }
        return out;
    }

    /** Robust noise level of a profile: MAD of first differences / sqrt(2), scaled to a SD. */
    static double noise(double[] p) {
        if (p.length < 3) {
            return 0;
        }
        double[] d = new double[p.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(p[i + 1] - p[i]);
        }
        Arrays.sort(d);
        return 1.4826 * d[d.length / 2] / Math.sqrt(2);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /**
     * Median that does not stick to whole numbers on integer data (8/16-bit pixels): when the
     * values are integers, the median of grouped data, L + (n/2 - below) / atMedian, where each
     * integer stands for the interval [v - 0.5, v + 0.5). On a sloped background the plain median
     * of 8-bit values is off by up to half a grey level per pixel, which adds up over a band.
     */
    static double interpolatedMedian(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double m = median(v);
        for (double x : v) {
            if (x != Math.rint(x)) {
                return m;
            }
        }
        double mr = Math.rint(m);
        int below = 0;
        int at = 0;
        for (double x : v) {
            if (x < mr) {
                below++;
            } else if (x == mr) {
                at++;
            }
        }
        return at == 0 ? m : mr - 0.5 + (v.length / 2.0 - below) / at;
    }

    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }

    /** A local maximum with its topographic prominence. */
    static final class Peak {
        final int pos;
        final double height;
        final double prominence;

        Peak(int pos, double height, double prominence) {
            this.pos = pos;
            this.height = height;
            this.prominence = prominence;
        }
    }

    /**
     * Local maxima (plateaus reported at their middle) with their prominence: height above the
     * higher of the two lowest points reached before a higher sample (or the profile end) on
     * either side.
     */
    static List<Peak> peaks(double[] p) {
        List<Peak> out = new ArrayList<>();
        int n = p.length;
        int i = 1;
        while (i < n - 1) {
            if (p[i] > p[i - 1]) {
                int j = i;
                while (j + 1 < n && p[j + 1] == p[i]) {
                    j++;
                }
                if (j + 1 < n && p[j + 1] < p[i]) {
                    int pos = (i + j) / 2;
                    double leftMin = p[i];
                    for (int k = i - 1; k >= 0 && p[k] <= p[i]; k--) {
                        leftMin = Math.min(leftMin, p[k]);
                    }
                    double rightMin = p[j];
                    for (int k = j + 1; k < n && p[k] <= p[i]; k++) {
                        rightMin = Math.min(rightMin, p[k]);
                    }
                    out.add(new Peak(pos, p[pos], p[pos] - Math.max(leftMin, rightMin)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
