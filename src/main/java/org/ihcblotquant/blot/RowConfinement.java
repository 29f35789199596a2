package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Band rows that are artefacts rather than protein: a torn gel edge, a membrane edge or a line
 * drawn into the image runs on across the gaps between lanes; the outline of a bubble or of a
 * torn piece of gel covers one side of the lanes it crosses.
 * <p>
 * For every column the row's contrast is the mean signal over the row's box height (the box moved
 * linearly between neighbouring lanes, so a smile is followed) minus the lower of the means just
 * above and just below it.
 * <ul>
 * <li>Lane confinement: a lane's level is the mean contrast over the middle half of the lane; a
 * gap's level is the lowest contrast (3 columns averaged) within 0.3 of the spacing around the
 * middle between two neighbouring lanes. A protein band fades between lanes, even where
 * neighbouring bands touch (0.35-0.8 of the lanes' level on synthetic touching bands, 0.6-0.87 on
 * the touching, near-black bands of ImageJ's gel sample); a line crossing the gel keeps its
 * contrast there (mostly 0.85-1.05 on the real edges and drawn lines seen).</li>
 * <li>Fragments: a protein band fills its lane's width evenly; an outline crossing the lane is
 * above half its peak on part of the width only, and on one side.</li>
 * </ul>
 */
final class RowConfinement {

    /** A band covering less than this fraction of its lane's width (at half its peak)... */
    static final double PARTIAL_COVER = 0.55;
    /** ...and this much stronger on one half of the lane than on the other is a fragment. */
    static final double PARTIAL_SIDE = 0.5;
    /** Rows with fragments in this fraction of their bands (3 bands or more) are left out. */
    static final double PARTIAL_ROW = 0.4;
    /** Gap level, as a fraction of the lanes' level, from which a gap counts as crossed. */
    static final double CROSSED = 0.85;
    /** Half-width of the window searched for the gap's lowest contrast, as a fraction of the spacing. */
    static final double GAP_WINDOW = 0.3;

    private RowConfinement() {
    }

    /**
     * Leaves out the rows that run across the gaps ({@link #crossesGaps}) or are fragments in many
     * lanes ({@link #fragments}), with a warning each giving their positions. Rows are all kept
     * (with a warning) when all would go. The rows left are renamed row1, row2, ... top to bottom.
     */
    static List<BandRow> dropArtefacts(String name, SignalImage img, List<Lane> lanes, List<BandRow> rows,
            Rectangle roi, List<String> warnings) {
        List<BandRow> kept = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        StringBuilder fragments = new StringBuilder();
        for (BandRow r : rows) {
            if (crossesGaps(img, lanes, r, roi)) {
                lines.append(lines.length() == 0 ? "" : ", ").append("y=").append(Math.round(r.meanY()));
            } else if (fragments(img, lanes, r, roi)) {
                fragments.append(fragments.length() == 0 ? "" : ", ").append("y=").append(Math.round(r.meanY()));
            } else {
                kept.add(r);
            }
        }
        if (kept.size() == rows.size()) {
            return rows;
        }
        if (kept.isEmpty()) {
            warnings.add(name + ": every band row looks like an artefact (running on across the gaps between lanes,"
                    + " or covering one side of the lanes only); rows kept: check the region analysed and the lanes");
            return rows;
        }
        if (lines.length() > 0) {
            warnings.add(name + ": row(s) at " + lines + " left out: they run on across the gaps between lanes as"
                    + " a gel or membrane edge or a drawn line does, not as protein bands");
        }
        if (fragments.length() > 0) {
            warnings.add(name + ": row(s) at " + fragments + " left out: in most lanes they cover one side of the"
                    + " lane only, as the outline of a bubble or a torn gel does, not as protein bands");
        }
        for (int i = 0; i < kept.size(); i++) {
            kept.get(i).rename("row" + (i + 1));
        }
        return kept;
    }

    /**
     * Whether at least two thirds of the gaps (3 or more) are crossed: among the gaps between two
     * lanes with bands, or among the gaps beside at least one lane with a band (a thin line may be
     * found as a band in every other lane only).
     */
    static boolean crossesGaps(SignalImage img, List<Lane> lanes, BandRow row, Rectangle roi) {
        return mostCrossed(gapRatios(img, lanes, row, roi, true)) || mostCrossed(gapRatios(img, lanes, row, roi, false));
    }

    private static boolean mostCrossed(double[] q) {
        if (q.length < 3) {
            return false;
        }
        int crossed = 0;
        for (double v : q) {
            crossed += v >= CROSSED ? 1 : 0;
        }
        return 3 * crossed >= 2 * q.length;
    }

    /**
     * Whether at least {@link #PARTIAL_ROW} of the row's bands (and at least 3 bands found) are
     * fragments: across the lane (columns of the middle 80 %), the band's contrast exceeds half its
     * highest value on less than {@link #PARTIAL_COVER} of the columns and one half of the lane is
     * {@link #PARTIAL_SIDE} or more weaker than the other. A protein band fills its lane evenly.
     */
    static boolean fragments(SignalImage img, List<Lane> lanes, BandRow row, Rectangle roi) {
        int found = 0;
        int partial = 0;
        for (int k = 0; k < lanes.size(); k++) {
            if (!row.detected(k)) {
                continue;
            }
            Rectangle lb = lanes.get(k).bounds();
            Rectangle box = row.box(k);
            int x0 = Math.max(roi.x, lb.x + lb.width / 10);
            int x1 = Math.min(roi.x + roi.width, lb.x + lb.width - lb.width / 10);
            if (x1 - x0 < 2) {
                continue;
            }
            found++;
            double[] c = new double[x1 - x0];
            double max = 0;
            for (int x = x0; x < x1; x++) {
                c[x - x0] = contrast(img, x, box.y, box.height, roi);
                max = Math.max(max, c[x - x0]);
            }
            int half = c.length / 2;
            double left = 0;
            double right = 0;
            int cover = 0;
            for (int i = 0; i < c.length; i++) {
                if (i < half) {
                    left += c[i];
                } else {
                    right += c[i];
                }
                cover += c[i] > max / 2 ? 1 : 0;
            }
            left /= half;
            right /= c.length - half;
            double side = Math.abs(left - right) / Math.max(1e-12, Math.max(Math.abs(left), Math.abs(right)));
            if (max > 0 && cover < PARTIAL_COVER * c.length && side >= PARTIAL_SIDE) {
                partial++;
            }
        }
        return found >= 3 && partial >= PARTIAL_ROW * found;
    }

    /**
     * Per gap between neighbouring lanes that both hold a band of the row (or, with
     * {@code bothBands} false, of which at least one does): gap level /
     * the lanes' level (the mean of the two lanes' levels when both hold a band, else the higher
     * one, so that a band beside an empty lane is not judged against half its level; a thin line
     * may be found in every other lane only). Empty when no gap qualifies.
     */
    static double[] gapRatios(SignalImage img, List<Lane> lanes, BandRow row, Rectangle roi, boolean bothBands) {
        int nl = lanes.size();
        if (nl < 2) {
            return new double[0];
        }
        double[] level = new double[nl];
        for (int k = 0; k < nl; k++) {
            Rectangle lb = lanes.get(k).bounds();
            Rectangle box = row.box(k);
            int x0 = Math.max(roi.x, lb.x + lb.width / 4);
            int x1 = Math.min(roi.x + roi.width, lb.x + lb.width - lb.width / 4);
            double s = 0;
            for (int x = x0; x < x1; x++) {
                s += contrast(img, x, box.y, box.height, roi);
            }
            level[k] = x1 > x0 ? s / (x1 - x0) : Double.NaN;
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k + 1 < nl; k++) {
            boolean both = row.detected(k) && row.detected(k + 1);
            double lanesLevel = both ? (level[k] + level[k + 1]) / 2 : Math.max(level[k], level[k + 1]);
            if (!(bothBands ? both : row.detected(k) || row.detected(k + 1)) || !(lanesLevel > 0)) {
                continue;
            }
            double ca = lanes.get(k).centreX();
            double cb = lanes.get(k + 1).centreX();
            Rectangle ba = row.box(k);
            Rectangle bb = row.box(k + 1);
            double mid = (ca + cb) / 2;
            int w = Math.max(1, (int) Math.round(GAP_WINDOW * (cb - ca)));
            int xs = Math.max(roi.x, (int) Math.round(mid) - w - 1);
            int xe = Math.min(roi.x + roi.width - 1, (int) Math.round(mid) + w + 1);
            if (xe - xs < 2) {
                continue;
            }
            double[] c = new double[xe - xs + 1];
            for (int x = xs; x <= xe; x++) {
                double f = Math.max(0, Math.min(1, (x - ca) / (cb - ca)));
                int top = (int) Math.round(ba.y + f * (bb.y - ba.y));
                int h = (int) Math.round(ba.height + f * (bb.height - ba.height));
                c[x - xs] = contrast(img, x, top, Math.max(1, h), roi);
            }
            double min = Double.POSITIVE_INFINITY;
            for (int i = 1; i + 1 < c.length; i++) {
                min = Math.min(min, (c[i - 1] + c[i] + c[i + 1]) / 3);
            }
            out.add(min / lanesLevel);
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /** Mean over [top, top+h) at column x minus the lower of the means just above and below. */
    private static double contrast(SignalImage img, int x, int top, int h, Rectangle roi) {
        int y0 = Math.max(roi.y, top);
        int y1 = Math.min(roi.y + roi.height, top + h);
        if (y1 <= y0) {
            return 0;
        }
        double in = mean(img, x, y0, y1);
        int m = Math.max(2, h / 3);
        double above = mean(img, x, Math.max(roi.y, y0 - 1 - m), Math.max(roi.y, y0 - 1));
        double below = mean(img, x, Math.min(roi.y + roi.height, y1 + 1), Math.min(roi.y + roi.height, y1 + 1 + m));
        double bg = Double.isNaN(above) ? below : Double.isNaN(below) ? above : Math.min(above, below);
        return Double.isNaN(bg) ? 0 : in - bg;
    }

    private static double mean(SignalImage img, int x, int y0, int y1) {
        if (y1 <= y0) {
            return Double.NaN;
        }
        double s = 0;
        for (int y = y0; y < y1; y++) {
            s += img.get(x, y);
        }
        return s / (y1 - y0);
    }
}
