package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every band its own box, measured whole. Rows are found with one box height per row
 * (enough to tell rows apart and artefacts from bands); for measurement each band gets the extent
 * it has on its lane's profile ({@link BandExtent}: down both flanks to the flanking minima,
 * across flat saturated tops), never past the peak of the band above or below it in the same lane.
 * Where two bands' extents meet they are split at the lowest point between their peaks (the
 * vertical line a Gel Analyzer user drops from the valley). A lane without a band in a row gets a
 * box centred at the row's position there, as tall as the row's median band.
 */
final class BandBoxes {

    private BandBoxes() {
    }

    /**
     * @param profiles lane profiles over the region (index 0 = roi.y), indexed like lanes
     */
    static void fit(List<BandRow> rows, List<Lane> lanes, double[][] profiles, Rectangle roi) {
        int nl = lanes.size();
        int nr = rows.size();
        int[][] top = new int[nr][nl];
        int[][] bottom = new int[nr][nl];
        int[][] peak = new int[nr][nl];
        double[][] centre = new double[nr][nl];
        for (int r = 0; r < nr; r++) {
            for (int k = 0; k < nl; k++) {
                Rectangle b = rows.get(r).box(k);
                centre[r][k] = b.y + (b.height - 1) / 2.0 - roi.y;
            }
        }
        for (int k = 0; k < nl; k++) {
            double[] raw = profiles[k];
            double[] sm = BandExtent.smooth(raw);
            double noise = Profiles.noise(raw);
            for (int r = 0; r < nr; r++) {
                if (!rows.get(r).detected(k)) {
                    continue;
                }
                int lo = 0;
                int hi = raw.length - 1;
                for (int o = 0; o < nr; o++) {
                    if (o == r || !rows.get(o).detected(k)) {
                        continue; // only bands found in this lane bound it
                    }
                    if (centre[o][k] < centre[r][k]) {
                        lo = Math.max(lo, (int) Math.ceil(centre[o][k]) + 1);
                    } else {
                        hi = Math.min(hi, (int) Math.floor(centre[o][k]) - 1);
                    }
                }
                int reach = Math.max(2, rows.get(r).box(k).height / 2);
                BandExtent e = BandExtent.walk(raw, sm, noise, (int) Math.round(centre[r][k]), reach, lo, hi);
                top[r][k] = e.top;
                bottom[r][k] = e.bottom;
                peak[r][k] = e.peak;
            }
            int prev = -1;
            for (int r = 0; r < nr; r++) {
                if (!rows.get(r).detected(k)) {
                    continue;
                }
                if (prev >= 0 && bottom[prev][k] >= top[r][k]) {
                    int v = peak[prev][k];
                    for (int i = peak[prev][k]; i <= peak[r][k]; i++) {
                        if (sm[i] < sm[v]) {
                            v = i;
                        }
                    }
                    bottom[prev][k] = Math.max(peak[prev][k], Math.min(bottom[prev][k], v));
                    top[r][k] = Math.min(peak[r][k], Math.max(top[r][k], bottom[prev][k] + 1));
                }
                prev = r;
            }
        }
        for (int r = 0; r < nr; r++) {
            BandRow row = rows.get(r);
            List<Double> above = new ArrayList<>();
            List<Double> below = new ArrayList<>();
            for (int k = 0; k < nl; k++) {
                if (row.detected(k)) {
                    above.add((double) (peak[r][k] - top[r][k]));
                    below.add((double) (bottom[r][k] - peak[r][k]));
                }
            }
            if (above.isEmpty()) {
                continue;
            }
            double[] py = new double[nl];
            for (int k = 0; k < nl; k++) {
                py[k] = roi.y + (row.detected(k) ? peak[r][k] : centre[r][k]);
            }
            row.setPeakY(py);
            // centred on the row's position there, as tall as the row's median band
            int half = (int) Math.round((Profiles.median(toArray(above)) + Profiles.median(toArray(below))) / 2);
            int up = half;
            int down = half;
            for (int k = 0; k < nl; k++) {
                Rectangle lane = lanes.get(k).bounds();
                int t;
                int bo;
                if (row.detected(k)) {
                    t = roi.y + top[r][k];
                    bo = roi.y + bottom[r][k];
                } else {
                    int c = (int) Math.round(centre[r][k]) + roi.y;
                    t = c - up;
                    bo = c + down;
                }
                t = Math.max(roi.y, t);
                bo = Math.min(roi.y + roi.height - 1, bo);
                row.setBox(k, new Rectangle(lane.x, t, lane.width, Math.max(1, bo - t + 1)));
            }
        }
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}
