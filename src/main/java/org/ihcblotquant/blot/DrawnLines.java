package org.ihcblotquant.blot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines drawn into a membrane image (crop-box outlines, rules, thin pen lines at the detector's
 * extreme): thin, long, straight runs of saturated pixels. A protein band is never that thin and
 * that long at once: a horizontal run of saturated pixels at most {@link #MAX_THICKNESS} px tall
 * and at least max(80 px, 1/8 of the image width) long, or a vertical run at most that wide and at
 * least {@link #MIN_VERTICAL} px tall, is a line. Its pixels, plus one pixel on either side for
 * the anti-aliased edge, are replaced by the linear interpolation between the pixels just beyond
 * them across the line, and are no longer counted as saturated, so they add nothing to band totals,
 * background rings or lane profiles.
 */
final class DrawnLines {
    /** Thickest line, in pixels (the rasilab crop boxes are 4 px plus anti-aliasing). */
    static final int MAX_THICKNESS = 6;
    /** Shortest vertical line, in pixels. */
    static final int MIN_VERTICAL = 30;

    /** One line: horizontal at {@code at} (image y) from {@code from} to {@code to} (x), or vertical. */
    static final class Segment {
        final boolean horizontal;
        final int at;
        final int from;
        final int to;

        Segment(boolean horizontal, int at, int from, int to) {
            this.horizontal = horizontal;
            this.at = at;
            this.from = from;
            this.to = to;
        }

        @Override
        public String toString() {
            return horizontal ? "horizontal line at y=" + at + " (x=" + from + "-" + to + ")"
                    : "vertical line at x=" + at + " (y=" + from + "-" + to + ")";
        }
    }

    private DrawnLines() {
    }

    /**
     * Finds the lines, interpolates across them in {@code sig} and clears {@code sat} there;
     * {@code beforeChange} runs first when there is something to change (to keep a copy).
     */
    static List<Segment> remove(float[] sig, boolean[] sat, int w, int h, Runnable beforeChange) {
        int minH = Math.max(80, w / 8);
        int saturated = 0;
        for (boolean b : sat) {
            saturated += b ? 1 : 0;
        }
        if (saturated < MIN_VERTICAL) {
            return Collections.emptyList(); // too few saturated pixels for any line
        }
        boolean[] hLine = new boolean[w * h];
        boolean[] vLine = new boolean[w * h];
        List<Segment> segs = new ArrayList<>();
        // thickness of the saturated run through each pixel, across the line direction
        int[] vRun = runs(sat, w, h, true);
        int[] hRun = runs(sat, w, h, false);
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                int i = y * w + x;
                if (sat[i] && vRun[i] <= MAX_THICKNESS) {
                    int x1 = x;
                    while (x1 + 1 < w && sat[y * w + x1 + 1] && vRun[y * w + x1 + 1] <= MAX_THICKNESS) {
                        x1++;
                    }
                    if (x1 - x + 1 >= minH) {
                        for (int xx = x; xx <= x1; xx++) {
                            hLine[y * w + xx] = true;
                        }
                        addSegment(segs, true, y, x, x1);
                    }
                    x = x1 + 1;
                } else {
                    x++;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            int y = 0;
            while (y < h) {
                int i = y * w + x;
                if (sat[i] && hRun[i] <= MAX_THICKNESS) {
                    int y1 = y;
                    while (y1 + 1 < h && sat[(y1 + 1) * w + x] && hRun[(y1 + 1) * w + x] <= MAX_THICKNESS) {
                        y1++;
                    }
                    if (y1 - y + 1 >= MIN_VERTICAL) {
                        for (int yy = y; yy <= y1; yy++) {
                            vLine[yy * w + x] = true;
                        }
                        addSegment(segs, false, x, y, y1);
                    }
                    y = y1 + 1;
                } else {
                    y++;
                }
            }
        }
        if (segs.isEmpty()) {
            return Collections.emptyList();
        }
        beforeChange.run();
        hLine = dilate(hLine, w, h, true);
        vLine = dilate(vLine, w, h, false);
        interpolate(sig, hLine, w, h, true);
        interpolate(sig, vLine, w, h, false);
        for (int i = 0; i < sat.length; i++) {
            if (hLine[i] || vLine[i]) {
                sat[i] = false;
            }
        }
        return segs;
    }

    /** Merges the rows (or columns) of one thick line into one segment. */
    private static void addSegment(List<Segment> segs, boolean horizontal, int at, int from, int to) {
        for (int k = segs.size() - 1; k >= 0; k--) {
            Segment s = segs.get(k);
            if (s.horizontal == horizontal && Math.abs(s.at - at) <= MAX_THICKNESS && s.from <= to && from <= s.to) {
                segs.set(k, new Segment(horizontal, s.at, Math.min(s.from, from), Math.max(s.to, to)));
                return;
            }
        }
        segs.add(new Segment(horizontal, at, from, to));
    }

    /** Length of the run of set pixels through each pixel, vertically or horizontally. */
    private static int[] runs(boolean[] m, int w, int h, boolean vertical) {
        int[] out = new int[w * h];
        int outer = vertical ? w : h;
        int inner = vertical ? h : w;
        for (int o = 0; o < outer; o++) {
            int t = 0;
            while (t < inner) {
                int i = vertical ? t * w + o : o * w + t;
                if (!m[i]) {
                    t++;
                    continue;
                }
                int t1 = t;
                while (t1 + 1 < inner && m[vertical ? (t1 + 1) * w + o : o * w + t1 + 1]) {
                    t1++;
                }
                for (int q = t; q <= t1; q++) {
                    out[vertical ? q * w + o : o * w + q] = t1 - t + 1;
                }
                t = t1 + 1;
            }
        }
        return out;
    }

    /** One pixel more on either side across the line (its anti-aliased edge). */
    private static boolean[] dilate(boolean[] m, int w, int h, boolean acrossY) {
        boolean[] out = m.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!m[y * w + x]) {
                    continue;
                }
                if (acrossY) {
                    if (y > 0) {
                        out[(y - 1) * w + x] = true;
                    }
                    if (y + 1 < h) {
                        out[(y + 1) * w + x] = true;
                    }
                } else {
                    if (x > 0) {
                        out[y * w + x - 1] = true;
                    }
                    if (x + 1 < w) {
                        out[y * w + x + 1] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Linear interpolation across each masked run, between the pixels just beyond it. */
    private static void interpolate(float[] sig, boolean[] m, int w, int h, boolean acrossY) {
        int outer = acrossY ? w : h;
        int inner = acrossY ? h : w;
        for (int o = 0; o < outer; o++) {
            int t = 0;
            while (t < inner) {
                if (!m[acrossY ? t * w + o : o * w + t]) {
                    t++;
                    continue;
                }
                int t1 = t;
                while (t1 + 1 < inner && m[acrossY ? (t1 + 1) * w + o : o * w + t1 + 1]) {
                    t1++;
                }
                boolean hasA = t > 0;
                boolean hasB = t1 + 1 < inner;
                float a = hasA ? sig[acrossY ? (t - 1) * w + o : o * w + t - 1] : 0;
                float b = hasB ? sig[acrossY ? (t1 + 1) * w + o : o * w + t1 + 1] : 0;
                if (!hasA) {
                    a = b;
                }
                if (!hasB) {
                    b = a;
                }
                for (int q = t; q <= t1; q++) {
                    float f = (q - t + 1) / (float) (t1 - t + 2);
                    sig[acrossY ? q * w + o : o * w + q] = a + (b - a) * f;
                }
                t = t1 + 1;
            }
        }
    }
}
