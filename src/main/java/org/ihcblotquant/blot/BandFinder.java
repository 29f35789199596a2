package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds bands in each lane's vertical profile and groups them into rows across lanes, one row per
 * protein.
 * <p>
 * Bands: peaks of the lane profile (mean across the lane, per image row) above a baseline (a flat
 * opening taller than any band), prominent by at least 5 noise SDs and 3 % of the strongest band on
 * the blot; each extends while the profile keeps falling, down to 3 % of its height.
 * <p>
 * Rows: the lane with most bands seeds the rows; the other lanes are visited outwards from it and
 * each band joins the row whose position in the nearest visited lane is closest (within the
 * band's height), so a row may bend from lane to lane ("smiling" gels). Bands that match no row
 * start one; rows found in fewer than a quarter of the lanes (at least 2) are dropped as specks.
 * A lane without a band in a row gets a box at the position interpolated from its neighbours.
 */
public final class BandFinder {

    private BandFinder() {
    }

    /** A band in one lane's profile. */
    static final class Candidate {
        final int lane;
        final double centre;
        final int top;
        final int bottom;
        final double prominence;

        Candidate(int lane, double centre, int top, int bottom, double prominence) {
            this.lane = lane;
            this.centre = centre;
            this.top = top;
            this.bottom = bottom;
            this.prominence = prominence;
        }

        int height() {
            return bottom - top + 1;
        }
    }

    /** The bands of each lane's profile (before they are grouped into rows). */
    static List<List<Candidate>> candidates(List<Lane> lanes, double[][] profiles, Rectangle roi) {
        int nl = lanes.size();
        List<List<Candidate>> perLane = new ArrayList<>();
        double[][] resid = new double[nl][];
        double[] noise = new double[nl];
        double maxProm = 0;
        List<List<Profiles.Peak>> peaks = new ArrayList<>();
        for (int k = 0; k < nl; k++) {
            // remove features thinner than a band (horizontal lines drawn into the image)
            double[] p = Profiles.opening(profiles[k], Math.max(1, roi.height / 500));
            double[] base = Profiles.opening(p, Math.max(5, roi.height / 8));
            double[] r = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                r[i] = p[i] - base[i];
            }
            noise[k] = Profiles.noise(profiles[k]); // before the opening, which flattens the noise
            resid[k] = Profiles.smooth(r, 1.0);
            List<Profiles.Peak> pk = Profiles.peaks(resid[k]);
            peaks.add(pk);
            for (Profiles.Peak q : pk) {
                maxProm = Math.max(maxProm, q.prominence);
            }
        }
        for (int k = 0; k < nl; k++) {
            List<Candidate> c = new ArrayList<>();
            double thr = Math.max(5 * noise[k], 0.03 * maxProm);
            for (Profiles.Peak q : peaks.get(k)) {
                if (q.prominence >= thr && q.prominence > 0) {
                    c.add(extent(k, resid[k], q, roi.y));
                }
            }
            c.sort(Comparator.comparingDouble(a -> a.centre));
            perLane.add(c);
        }
        return perLane;
    }

    /**
     * @param profiles lane profiles (index 0 = roi.y)
     * @return rows top to bottom, named row1, row2, ...
     */
    public static List<BandRow> find(List<Lane> lanes, double[][] profiles, Rectangle roi) {
        int nl = lanes.size();
        List<List<Candidate>> perLane = candidates(lanes, profiles, roi);
        List<Candidate[]> rows = group(perLane, nl);
        return boxes(rows, lanes, roi);
    }

    private static Candidate extent(int lane, double[] d, Profiles.Peak q, int y0) {
        double top = d[q.pos];
        double stop = 0.03 * top;
        int a = q.pos;
        while (a > 0 && d[a - 1] <= d[a] && d[a - 1] > stop) {
            a--;
        }
        int b = q.pos;
        while (b < d.length - 1 && d[b + 1] <= d[b] && d[b + 1] > stop) {
            b++;
        }
        double s = 0;
        double sy = 0;
        for (int i = a; i <= b; i++) {
            double v = Math.max(0, d[i]);
            s += v;
            sy += v * i;
        }
        double c = s > 0 ? sy / s : q.pos;
        return new Candidate(lane, y0 + c, y0 + a, y0 + b, q.prominence);
    }

    /** Groups candidates into rows: each row holds at most one candidate per lane. */
    static List<Candidate[]> group(List<List<Candidate>> perLane, int nl) {
        int seed = 0;
        for (int k = 1; k < nl; k++) {
            if (perLane.get(k).size() > perLane.get(seed).size()) {
                seed = k;
            }
        }
        List<Candidate[]> rows = new ArrayList<>();
        for (Candidate c : perLane.get(seed)) {
            Candidate[] r = new Candidate[nl];
            r[seed] = c;
            rows.add(r);
        }
        Integer[] order = new Integer[nl];
        for (int k = 0; k < nl; k++) {
            order[k] = k;
        }
        final int s0 = seed;
        Arrays.sort(order, Comparator.comparingInt((Integer k) -> Math.abs(k - s0)).thenComparingInt(k -> k));
        boolean[] visited = new boolean[nl];
        visited[seed] = true;
        for (Integer kObj : order) {
            int k = kObj;
            if (k == seed) {
                continue;
            }
            double[] pred = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                pred[r] = predict(rows.get(r), k, visited);
            }
            List<double[]> pairs = new ArrayList<>();
            List<Candidate> cs = perLane.get(k);
            for (int ci = 0; ci < cs.size(); ci++) {
                Candidate c = cs.get(ci);
                for (int r = 0; r < rows.size(); r++) {
                    double dy = Math.abs(c.centre - pred[r]);
                    double tol = Math.max(3, 0.75 * c.height());
                    // never further than half-way to another row's expected position
                    for (int o = 0; o < rows.size(); o++) {
                        if (o != r && (pred[o] - pred[r]) * (c.centre - pred[r]) > 0) {
                            tol = Math.min(tol, Math.abs(pred[o] - pred[r]) / 2);
                        }
                    }
                    if (dy <= tol) {
                        pairs.add(new double[] {dy, ci, r});
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble(p -> p[0]));
            boolean[] usedC = new boolean[cs.size()];
            boolean[] usedR = new boolean[rows.size()];
            for (double[] p : pairs) {
                int ci = (int) p[1];
                int r = (int) p[2];
                if (!usedC[ci] && !usedR[r]) {
                    usedC[ci] = true;
                    usedR[r] = true;
                    rows.get(r)[k] = cs.get(ci);
                }
            }
            for (int ci = 0; ci < cs.size(); ci++) {
                if (!usedC[ci]) {
                    Candidate[] r = new Candidate[nl];
                    r[k] = cs.get(ci);
                    rows.add(r);
                }
            }
            visited[k] = true;
        }
        int minSupport = nl <= 2 ? 1 : Math.max(2, (int) Math.ceil(0.25 * nl));
        List<Candidate[]> kept = new ArrayList<>();
        for (Candidate[] r : rows) {
            int n = 0;
            for (Candidate c : r) {
                n += c == null ? 0 : 1;
            }
            if (n >= minSupport) {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparingDouble(BandFinder::meanCentre));
        return kept;
    }

    /** Position of a row in lane k: its band in the nearest visited lane that has one. */
    private static double predict(Candidate[] row, int k, boolean[] visited) {
        for (int d = 1; d < row.length; d++) {
            for (int s = -1; s <= 1; s += 2) {
                int j = k + s * d;
                if (j >= 0 && j < row.length && visited[j] && row[j] != null) {
                    return row[j].centre;
                }
            }
        }
        return meanCentre(row);
    }

    private static double meanCentre(Candidate[] row) {
        double s = 0;
        int n = 0;
        for (Candidate c : row) {
            if (c != null) {
                s += c.centre;
                n++;
            }
        }
        return s / n;
    }

    /**
     * One box height per row (the upper quartile of its band heights plus a 2 px margin each side),
     * centred on each lane's band or on the position interpolated from the nearest lanes that
     * have one; boxes of neighbouring rows are kept from overlapping.
     */
    private static List<BandRow> boxes(List<Candidate[]> rows, List<Lane> lanes, Rectangle roi) {
        int nl = lanes.size();
        int nr = rows.size();
        double[][] centre = new double[nr][nl];
        int[] height = new int[nr];
        for (int r = 0; r < nr; r++) {
            Candidate[] row = rows.get(r);
            List<Double> hs = new ArrayList<>();
            for (Candidate c : row) {
                if (c != null) {
                    hs.add((double) c.height());
                }
            }
            double[] h = new double[hs.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = hs.get(i);
            }
            height[r] = (int) Math.round(Profiles.percentile(h, 0.75)) + 4;
            for (int k = 0; k < nl; k++) {
                centre[r][k] = row[k] != null ? row[k].centre : interpolate(row, k);
            }
        }
        int[][] top = new int[nr][nl];
        int[][] bottom = new int[nr][nl];
        for (int r = 0; r < nr; r++) {
            for (int k = 0; k < nl; k++) {
                top[r][k] = (int) Math.round(centre[r][k] - height[r] / 2.0);
                bottom[r][k] = top[r][k] + height[r] - 1;
            }
        }
        for (int r = 0; r + 1 < nr; r++) {
            for (int k = 0; k < nl; k++) {
                if (bottom[r][k] >= top[r + 1][k]) {
                    int mid = (int) Math.floor((centre[r][k] + centre[r + 1][k]) / 2);
                    bottom[r][k] = Math.min(bottom[r][k], mid);
                    top[r + 1][k] = Math.max(top[r + 1][k], mid + 1);
                }
            }
        }
        List<BandRow> out = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            Rectangle[] b = new Rectangle[nl];
            boolean[] det = new boolean[nl];
            for (int k = 0; k < nl; k++) {
                Rectangle lane = lanes.get(k).bounds();
                int t = Math.max(roi.y, top[r][k]);
                int bo = Math.min(roi.y + roi.height - 1, bottom[r][k]);
                b[k] = new Rectangle(lane.x, t, lane.width, Math.max(1, bo - t + 1));
                det[k] = rows.get(r)[k] != null;
            }
            BandRow br = new BandRow("row" + (r + 1), b, det);
            double strength = 0;
            for (Candidate c : rows.get(r)) {
                strength += c == null ? 0 : c.prominence;
            }
            br.setStrength(strength);
            out.add(br);
        }
        return out;
    }

    /** Linear interpolation between the nearest lanes on each side with a band (or the nearest one). */
    private static double interpolate(Candidate[] row, int k) {
        int l = k - 1;
        while (l >= 0 && row[l] == null) {
            l--;
        }
        int r = k + 1;
        while (r < row.length && row[r] == null) {
            r++;
        }
        if (l >= 0 && r < row.length) {
            return row[l].centre + (row[r].centre - row[l].centre) * (k - l) / (double) (r - l);
        }
        return l >= 0 ? row[l].centre : row[r].centre;
    }
}
