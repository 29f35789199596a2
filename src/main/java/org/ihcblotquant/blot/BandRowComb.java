package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Lanes read from the horizontal extent of the bands, for gels whose column profile is a poor guide
 * (strong and faint lanes side by side, lanes touching, torn gel edges and bubbles across the
 * image).
 * <p>
 * A vertical top-hat (the signal minus its vertical opening, 1/40 of the region's height tall)
 * keeps what is thin in y: bands, and the outlines of bubbles and torn edges, but not smears, slopes
 * or the step at a gel edge. Its row means give the band rows (peaks above 10 % of the second most
 * prominent, each as tall as its half-maximum). Along each band row the lanes are the runs above a
 * quarter of the row's 95th percentile (and 4 noise SDs). The comb comes from the row with most runs
 * of one width (within 40 % of the median) that sit on one comb: least-squares pitch and phase with
 * no run more than 0.15 pitch off, runs between 0.35 and 1.05 pitches wide. Pitch and phase are
 * refined on the runs of all rows that follow the comb (at least three runs on it) when that keeps
 * at least as many runs on the comb. Every comb position inside a run of at least 0.7 lane width in
 * such a row is a lane; comb positions without a band in any such row are left out. Scans of 4 MP
 * or more are binned by a whole factor first.
 */
final class BandRowComb {

    private BandRowComb() {
    }

    /** Lane centres (region x) and one lane width. */
    static final class Comb {
        final double[] centres;
        final double pitch;
        final int width;

        Comb(double[] centres, double pitch, int width) {
            this.centres = centres;
            this.pitch = pitch;
            this.width = width;
        }
    }

    private static final class Row {
        final int[] lo;
        final int[] hi;
        final double[] c;

        Row(int[] lo, int[] hi, double[] c) {
            this.lo = lo;
            this.hi = hi;
            this.c = c;
        }
    }

    /** The comb of lanes, or null when no band row is lane-like. */
    static Comb find(SignalImage img, Rectangle roi) {
        // large scans are binned to about a megapixel first: lanes and bands stay many pixels wide
        int f = (int) Math.max(1, Math.floor(Math.sqrt(roi.width * (double) roi.height / 1.0e6)));
        int w = roi.width / f;
        int h = roi.height / f;
        if (w < 16 || h < 16) {
            return null;
        }
        float[] src = img.signal();
        int iw = img.width();
        float[] binned = new float[w * h];
        float scale = 1f / (f * f);
        for (int y = 0; y < h * f; y++) {
            int off = (roi.y + y) * iw + roi.x;
            int row = (y / f) * w;
            for (int xb = 0; xb < w; xb++) {
                float sum = 0;
                for (int i = off + xb * f, end = i + f; i < end; i++) {
                    sum += src[i];
                }
                binned[row + xb] += sum * scale;
            }
        }
        Comb c = find(binned, w, h, Math.max(2, LaneFinder.MIN_LANE_WIDTH / f));
        if (c == null || f == 1) {
            return c;
        }
        double[] centres = new double[c.centres.length];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = (c.centres[k] + 0.5) * f - 0.5;
        }
        return new Comb(centres, c.pitch * f, c.width * f);
    }

    private static Comb find(float[] s, int w, int h, int minRun) {
        int r = Math.max(4, h / 80);
        double[] rowMean = new double[h];
        float[] th = new float[w * h]; // the top-hat, column by column
        topHat(s, w, h, r, (x, col, open) -> {
            int off = x * h;
            for (int y = 0; y < h; y++) {
                double t = col[y] - open[y];
                th[off + y] = (float) t;
                rowMean[y] += t;
            }
        });
        double[] rm = Profiles.smooth(rowMean, 1.0);
        List<Profiles.Peak> pk = Profiles.peaks(rm);
        if (pk.size() < 1) {
            return null;
        }
        double[] proms = new double[pk.size()];
        for (int i = 0; i < proms.length; i++) {
            proms[i] = pk.get(i).prominence;
        }
        java.util.Arrays.sort(proms);
        double ref = proms.length > 1 ? proms[proms.length - 2] : proms[0];
        List<int[]> extents = new ArrayList<>();
        for (Profiles.Peak p : pk) {
            if (p.prominence < 0.1 * ref || p.prominence <= 0) {
                continue;
            }
            int a = p.pos;
            while (a > 0 && rm[a - 1] > 0.5 * p.height) {
                a--;
            }
            int b = p.pos;
            while (b < h - 1 && rm[b + 1] > 0.5 * p.height) {
                b++;
            }
            extents.add(new int[] {a, b});
        }
        if (extents.isEmpty() || extents.size() > 40) {
            return null;
        }
        // column profile of the top-hat over each band row
        double[][] cs = new double[extents.size()][w];
        for (int x = 0; x < w; x++) {
            int off = x * h;
            for (int e = 0; e < extents.size(); e++) {
                int[] ab = extents.get(e);
                double sum = 0;
                for (int y = ab[0]; y <= ab[1]; y++) {
                    sum += th[off + y];
                }
                cs[e][x] = sum / (ab[1] - ab[0] + 1);
            }
        }
        double sigma = Math.max(1.0, w / 400.0);
        List<Row> rows = new ArrayList<>();
        for (double[] raw : cs) {
            double[] c = Profiles.smooth(raw, sigma);
            double thr = Math.max(0.25 * Profiles.percentile(c, 0.95), 4 * Profiles.noise(raw));
            List<int[]> runs = new ArrayList<>();
            int i = 0;
            while (i < w) {
                if (c[i] > thr) {
                    int j = i;
                    while (j + 1 < w && c[j + 1] > thr) {
                        j++;
                    }
                    if (j - i + 1 >= minRun) {
                        runs.add(new int[] {i, j});
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
            int[] lo = new int[runs.size()];
            int[] hi = new int[runs.size()];
            for (int k = 0; k < lo.length; k++) {
                lo[k] = runs.get(k)[0];
                hi[k] = runs.get(k)[1];
            }
            rows.add(new Row(lo, hi, c));
        }
        // the best row: most runs of one width on one comb
        double bestPitch = 0;
        double bestPhase = 0;
        double bestWidth = 0;
        int bestCount = 0;
        for (Row row : rows) {
            int n = row.lo.length;
            if (n < 4) {
                continue;
            }
            double[] widths = new double[n];
            for (int k = 0; k < n; k++) {
                widths[k] = row.hi[k] - row.lo[k] + 1;
            }
            double wm = Profiles.median(widths);
            List<Double> centres = new ArrayList<>();
            List<Double> ws = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (widths[k] >= 0.6 * wm && widths[k] <= 1.4 * wm) {
                    centres.add(0.5 * (row.lo[k] + row.hi[k]));
                    ws.add(widths[k]);
                }
            }
            if (centres.size() < 4 || centres.size() <= bestCount) {
                continue;
            }
            double[] gaps = new double[centres.size() - 1];
            for (int k = 0; k < gaps.length; k++) {
                gaps[k] = centres.get(k + 1) - centres.get(k);
            }
            double p0 = Profiles.percentile(gaps, 0.25);
            if (p0 < minRun) {
                continue;
            }
            // pitch refined from the whole row: every gap a whole number of pitches
            double pitch = p0;
            for (int it = 0; it < 3; it++) {
                double sumG = 0;
                double sumK = 0;
                for (double g : gaps) {
                    sumG += g;
                    sumK += Math.max(1, Math.round(g / pitch));
                }
                pitch = sumG / sumK;
            }
            int[] idx = new int[centres.size()];
            for (int k = 0; k < gaps.length; k++) {
                idx[k + 1] = idx[k] + (int) Math.max(1, Math.round(gaps[k] / pitch));
            }
            // least-squares comb through the runs: centre_k = phase + idx_k * pitch; the row is on a
            // comb when no run is off by more than 0.15 pitch
            double sn = 0;
            double sx = 0;
            double snn = 0;
            double snx = 0;
            int cnt = idx.length;
            for (int k = 0; k < cnt; k++) {
                sn += idx[k];
                sx += centres.get(k);
                snn += (double) idx[k] * idx[k];
                snx += idx[k] * centres.get(k);
            }
            double den = cnt * snn - sn * sn;
            if (den <= 0) {
                continue;
            }
            pitch = (cnt * snx - sn * sx) / den;
            double phase = (sx - pitch * sn) / cnt;
            boolean comb = true;
            for (int k = 0; k < cnt; k++) {
                comb &= Math.abs(centres.get(k) - phase - idx[k] * pitch) <= 0.15 * pitch;
            }
            // runs must be narrower than the pitch (touching lanes read as one run) and wider than
            // a third of it (the edges of a strong band, specks)
            double wmed = Profiles.median(toArray(ws));
            if (!comb || pitch < minRun || wmed > 1.05 * pitch || wmed < 0.35 * pitch) {
                continue;
            }
            bestPhase = phase;
            bestPitch = pitch;
            bestWidth = Profiles.median(toArray(ws));
            bestCount = centres.size();
        }
        if (bestCount < 4) {
            return null;
        }
        // lane-like rows: at least 3 runs on the comb, none much wider than a pitch
        List<Row> laneRows = new ArrayList<>();
        for (Row row : rows) {
            int on = 0;
            for (int k = 0; k < row.lo.length; k++) {
                double c = 0.5 * (row.lo[k] + row.hi[k]);
                double off = Math.abs((c - bestPhase) / bestPitch - Math.rint((c - bestPhase) / bestPitch));
                if (off <= 0.25 && row.hi[k] - row.lo[k] + 1 <= 1.3 * bestPitch) {
                    on++;
                }
            }
            if (on >= 3) {
                laneRows.add(row);
            }
        }
        // refine pitch and phase on every run that sits on the comb in a lane-like row
        double sn = 0;
        double sx = 0;
        double snn = 0;
        double snx = 0;
        int cnt = 0;
        for (Row row : laneRows) {
            for (int k = 0; k < row.lo.length; k++) {
                double c = 0.5 * (row.lo[k] + row.hi[k]);
                double t = (c - bestPhase) / bestPitch;
                double wk = row.hi[k] - row.lo[k] + 1;
                if (Math.abs(t - Math.rint(t)) <= 0.25 && wk >= 0.6 * bestWidth && wk <= 1.4 * bestWidth) {
                    double n = Math.rint(t);
                    sn += n;
                    sx += c;
                    snn += n * n;
                    snx += n * c;
                    cnt++;
                }
            }
        }
        double den = cnt * snn - sn * sn;
        if (cnt >= 4 && den > 0) {
            double p = (cnt * snx - sn * sx) / den;
            double ph = (sx - p * sn) / cnt;
            // kept only when at least as many runs sit on the refined comb (one stray row must
            // not tilt it)
            if (Math.abs(p - bestPitch) <= 0.1 * bestPitch
                    && onComb(laneRows, ph, p, bestWidth) >= onComb(laneRows, bestPhase, bestPitch, bestWidth)) {
                bestPhase = ph;
                bestPitch = p;
            }
        }
        int nFirst = (int) Math.ceil((0 - bestPhase) / bestPitch);
        int nLast = (int) Math.floor((w - 1 - bestPhase) / bestPitch);
        List<Double> lanes = new ArrayList<>();
        for (int n = nFirst; n <= nLast; n++) {
            double x = bestPhase + n * bestPitch;
            int xi = (int) Math.round(x);
            if (xi < bestWidth / 2 || xi > w - 1 - bestWidth / 2) {
                continue; // a lane must fit inside the region
            }
            // a band of lane width (not a speck or a sliver at the gel edge) at this comb position
            boolean covered = false;
            for (Row row : laneRows) {
                for (int k = 0; k < row.lo.length && !covered; k++) {
                    covered = row.lo[k] <= xi && xi <= row.hi[k] && row.hi[k] - row.lo[k] + 1 >= 0.7 * bestWidth;
                }
            }
            if (covered) {
                lanes.add(x);
            }
        }
        if (lanes.size() < 2) {
            return null;
        }
        double[] out = new double[lanes.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = lanes.get(k);
        }
        int width = (int) Math.round(Math.min(bestPitch, 1.1 * bestWidth));
        return new Comb(out, bestPitch, Math.max(minRun, width));
    }

    /** Runs of lane width within 0.15 pitch of a comb position. */
    private static int onComb(List<Row> rows, double phase, double pitch, double width) {
        int on = 0;
        for (Row row : rows) {
            for (int k = 0; k < row.lo.length; k++) {
                double t = (0.5 * (row.lo[k] + row.hi[k]) - phase) / pitch;
                double wk = row.hi[k] - row.lo[k] + 1;
                if (Math.abs(t - Math.rint(t)) <= 0.15 && wk >= 0.6 * width && wk <= 1.4 * width) {
                    on++;
                }
            }
        }
        return on;
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

    private interface ColumnVisitor {
        void visit(int x, double[] col, double[] open);
    }

    /**
     * Visits every column of the region with its vertical opening (window 2r+1). Columns are read
     * in blocks of 64 so that the image is traversed row by row (a column-by-column walk of a large
     * scan misses the cache on every pixel).
     */
    private static void topHat(float[] s, int w, int h, int r, ColumnVisitor v) {
        int block = 64;
        double[][] cols = new double[block][h];
        for (int x0 = 0; x0 < w; x0 += block) {
            int nb = Math.min(block, w - x0);
            for (int y = 0; y < h; y++) {
                int off = y * w + x0;
                for (int b = 0; b < nb; b++) {
                    cols[b][y] = s[off + b];
                }
            }
            for (int b = 0; b < nb; b++) {
                v.visit(x0 + b, cols[b], open(cols[b], r));
            }
        }
    }

    /** Flat opening with window 2r+1 in O(n) (van Herk / Gil-Werman), edges padded. */
    static double[] open(double[] p, int r) {
        return runMax(runMin(p, r), r);
    }

    private static double[] runMin(double[] p, int r) {
        return run(p, r, true);
    }

    private static double[] runMax(double[] p, int r) {
        return run(p, r, false);
    }

    private static double[] run(double[] p, int r, boolean min) {
        int n = p.length;
        int k = 2 * r + 1;
        int m = n + 2 * r;
        double pad = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        double[] g = new double[m];
        double[] hh = new double[m];
        for (int i = 0; i < m; i++) {
            double v = i < r || i >= n + r ? pad : p[i - r];
            g[i] = i % k == 0 ? v : (min ? Math.min(g[i - 1], v) : Math.max(g[i - 1], v));
        }
        for (int i = m - 1; i >= 0; i--) {
            double v = i < r || i >= n + r ? pad : p[i - r];
            hh[i] = i == m - 1 || (i + 1) % k == 0 ? v : (min ? Math.min(hh[i + 1], v) : Math.max(hh[i + 1], v));
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // window [i, i + 2r] in padded coordinates
            double a = hh[i];
            double b = g[i + 2 * r];
            out[i] = min ? Math.min(a, b) : Math.max(a, b);
        }
        return out;
    }
}
