package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Doublets measured as one band ({@code merge-doublets}): two neighbouring rows are a doublet when,
 * in every lane where both have a band, the lane profile between their peaks stays above the
 * lane's baseline by more than a quarter of the weaker band's height (the two are not resolved
 * down to the baseline, as Gel Analyzer users would then draw one peak). The pair becomes one row,
 * named after the upper one; each lane's box spans both bands and is then fitted to the pair's
 * whole extent like any band's.
 */
final class Doublets {
    /** Valley above baseline, as a fraction of the weaker peak's height, that keeps a pair joined. */
    static final double UNRESOLVED = 0.25;

    private Doublets() {
    }

    static List<BandRow> merge(List<BandRow> rows, List<Lane> lanes, double[][] profiles, Rectangle roi,
            List<String> notes) {
        List<BandRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Double.compare(a.meanY(), b.meanY()));
        List<BandRow> out = new ArrayList<>();
        BandRow cur = sorted.isEmpty() ? null : sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            BandRow next = sorted.get(i);
            if (doublet(cur, next, profiles, roi)) {
                notes.add("rows at y=" + Math.round(cur.meanY()) + " and y=" + Math.round(next.meanY())
                        + " measured as one band (doublet)");
                cur = join(cur, next);
            } else {
                out.add(cur);
                cur = next;
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }

    private static boolean doublet(BandRow a, BandRow b, double[][] profiles, Rectangle roi) {
        int both = 0;
        for (int k = 0; k < a.laneCount(); k++) {
            if (!a.detected(k) || !b.detected(k)) {
                continue;
            }
            double[] p = BandExtent.smooth(profiles[k]);
            int ya = peak(p, a.box(k), roi);
            int yb = peak(p, b.box(k), roi);
            if (yb <= ya) {
                return false;
            }
            double valley = Double.POSITIVE_INFINITY;
            for (int y = ya; y <= yb; y++) {
                valley = Math.min(valley, p[y]);
            }
            double base = lowDecile(p);
            double weaker = Math.min(p[ya], p[yb]) - base;
            if (!(weaker > 0) || valley - base <= UNRESOLVED * weaker) {
                return false;
            }
            both++;
        }
        return both > 0;
    }

    private static double lowDecile(double[] p) {
        double[] v = p.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 10];
    }

    private static int peak(double[] p, Rectangle box, Rectangle roi) {
        int lo = Math.max(0, box.y - roi.y);
        int hi = Math.min(p.length - 1, box.y + box.height - 1 - roi.y);
        int best = lo;
        for (int y = lo; y <= hi; y++) {
            if (p[y] > p[best]) {
                best = y;
            }
        }
        return best;
    }

    private static BandRow join(BandRow a, BandRow b) {
        int n = a.laneCount();
        Rectangle[] boxes = new Rectangle[n];
        boolean[] det = new boolean[n];
        for (int k = 0; k < n; k++) {
            det[k] = a.detected(k) || b.detected(k);
            boxes[k] = a.detected(k) && b.detected(k) ? a.box(k).union(b.box(k))
                    : a.detected(k) ? new Rectangle(a.box(k)) : new Rectangle(b.box(k));
        }
        BandRow r = new BandRow(a.name(), boxes, det);
        r.setStrength(a.strength() + b.strength());
        return r;
    }
}
