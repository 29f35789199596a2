package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.core.ProgressListener;

import ij.process.ImageProcessor;

/** Analyses one membrane image: signal conversion, lanes, band rows, background and measurements. */
public final class BlotAnalyzer {

    /**
     * Tilt from which the image is deskewed before measuring. Below it the band boxes, which hold
     * each band's whole extent down the lane, absorb the rows' drift (the hard synthetic set,
     * tilted 2 degrees, is within 5 % as scanned), and a smile or uneven bands can read as a tilt
     * of up to about 1.5 degrees, which turning the image would not correct. The estimate itself is
     * good to about 0.3 degrees.
     */
    static final double DESKEW_FROM_DEGREES = 2.5;

    private BlotAnalyzer() {
    }

    /**
     * @param name     the image's name in results and messages
     * @param alpha    transparency mask or null
     * @param rowNames names for the band rows top to bottom, or null for row1, row2, ...; when
     *                 more rows are found than named, the named ones are the rows that stand out
     *                 most (see {@link BandRow#strength()}). Rows that look like artefacts (edges
     *                 and lines running across the gaps between lanes, outlines covering one side
     *                 of most lanes: {@link RowConfinement}) are left out with a warning first.
     */
    public static BlotAnalysis analyze(String name, ImageProcessor ip, byte[] alpha, BlotSettings settings,
            List<String> rowNames, ProgressListener progress) {
        progress.progress(0, "signal");
        SignalImage img = SignalImage.of(ip, settings.polarity, alpha);
        progress.checkCancelled();
        Rectangle roi = regionOf(name, img, settings.roi);
        List<String> warnings = new ArrayList<>(img.warnings());
        double tilt = TiltEstimate.degrees(img, roi);
        if (Math.abs(tilt) >= DESKEW_FROM_DEGREES) {
            // lanes and band rows are found and measured in the deskewed frame, so a tilted row
            // stays one row and each lane is a strip along the membrane's own lanes
            img = img.rotated(tilt, roi.x + roi.width / 2.0, roi.y + roi.height / 2.0);
            warnings.add(String.format(java.util.Locale.ROOT, "%s: the band rows are tilted by about %.1f degrees:"
                    + " measured on the image turned by %.1f degrees about the region's centre (bilinear);"
                    + " lanes and boxes are in that turned frame", name, tilt, -tilt));
        } else if (Math.abs(tilt) >= 1) {
            warnings.add(String.format(java.util.Locale.ROOT, "%s: the band rows are tilted by about %.1f degrees;"
                    + " measured as scanned (each band's box holds its whole extent down the lane; from %.1f"
                    + " degrees the image is turned first)", name, tilt, DESKEW_FROM_DEGREES));
        }
        progress.progress(0.2, "lanes");
        LaneFinder.Result lf = LaneFinder.find(name, img.asScanned(), roi, settings.lanes, settings.laneCentres,
                settings.laneWidth);
        warnings.addAll(lf.warnings);
        List<Lane> lanes = lf.lanes;
        progress.checkCancelled();
        progress.progress(0.4, "bands");
        double[][] profiles = new double[lanes.size()][];
        for (int k = 0; k < lanes.size(); k++) {
            Rectangle lr = lanes.get(k).bounds();
            profiles[k] = BandMeasurer.laneProfile(img, lr, lr);
        }
        List<BandRow> rows = BandFinder.find(lanes, profiles, roi);
        if (rows.isEmpty()) {
            throw new InputException(name + ": no bands detected in the " + lanes.size()
                    + " lanes (check the polarity and the region analysed)");
        }
        List<BandRow> found = rows;
        rows = RowConfinement.dropArtefacts(name, img, lanes, rows, roi, warnings);
        StringBuilder leftOut = new StringBuilder();
        for (BandRow r : found) {
            if (!rows.contains(r)) {
                leftOut.append(leftOut.length() == 0 ? "" : ", ").append("y=").append(Math.round(r.meanY()));
            }
        }
        if (settings.lanes == 0 && settings.laneCentres == null) {
            List<Lane> more = combEnds(img, lanes, rows, roi, settings.minSnr);
            if (more != null) {
                double[][] p2 = new double[more.size()][];
                for (int k = 0; k < more.size(); k++) {
                    Rectangle lr = more.get(k).bounds();
                    p2[k] = BandMeasurer.laneProfile(img, lr, lr);
                }
                List<String> w2 = new ArrayList<>();
                List<BandRow> r2 = RowConfinement.dropArtefacts(name, img, more, BandFinder.find(more, p2, roi), roi,
                        w2);
                if (r2.size() == rows.size()) {
                    StringBuilder at = new StringBuilder();
                    for (int k = 0; k < more.size(); k++) {
                        if (more.get(k).bounds().x < lanes.get(0).bounds().x
                                || more.get(k).bounds().x > lanes.get(lanes.size() - 1).bounds().x) {
                            at.append(at.length() == 0 ? "" : ", ").append(k + 1).append(" (x=")
                                    .append(Math.round(more.get(k).centreX())).append(")");
                        }
                    }
                    warnings.add(name + ": lane " + at + " added at the next position of the evenly spaced lanes:"
                            + " a faint lane without a column peak of its own, with a band of SNR >= "
                            + settings.minSnr + " in every row");
                    lanes = more;
                    profiles = p2;
                    rows = r2;
                }
            }
        }
        progress.checkCancelled();
        progress.progress(0.6, "measure");
        if (settings.mergeDoublets) {
            List<String> notes = new ArrayList<>();
            rows = Doublets.merge(rows, lanes, profiles, roi, notes);
            for (String note : notes) {
                warnings.add(name + ": " + note);
            }
        }
        // rows left out when fewer are named than found do not limit the bands kept
        rows = nameRows(name, rows, rowNames, warnings, leftOut.toString());
        BandBoxes.fit(rows, lanes, profiles, roi);
        linesWarning(name, img, lanes, roi, warnings);
        double[][] baselines = measure(img, lanes, rows, settings.background, roi);
        int ladder = settings.ladder.lane(lanes, profiles, roi);
        if (ladder >= 0) {
            warnings.add(name + ": lane " + (ladder + 1) + " is the molecular-weight ladder ("
                    + (settings.ladder == Ladder.AUTO ? "recognised by its many bands" : "as given")
                    + "): measured, but left out of the normalisation");
        }
        progress.progress(1, null);
        BlotAnalysis out = new BlotAnalysis(name, img, roi, lanes, rows, profiles, baselines, warnings);
        out.setLadderLane(ladder);
        out.setDeskewDegrees(Math.abs(tilt) >= DESKEW_FROM_DEGREES ? tilt : 0);
        return out;
    }

    /**
     * Measures boxes the user placed or moved (Fiji "Blot Measure"): one array of boxes per protein,
     * indexed like {@code lanes}; a null box means the protein is not measured in that lane.
     */
    public static BlotAnalysis remeasure(String name, SignalImage img, List<Lane> lanes,
            Map<String, Rectangle[]> boxesByProtein, BackgroundMethod method) {
        List<BandRow> rows = new ArrayList<>();
        for (Map.Entry<String, Rectangle[]> e : boxesByProtein.entrySet()) {
            Rectangle[] b = e.getValue();
            boolean[] det = new boolean[b.length];
            Rectangle[] filled = new Rectangle[b.length];
            for (int k = 0; k < b.length; k++) {
                det[k] = b[k] != null;
                filled[k] = b[k] != null ? b[k] : new Rectangle(0, 0, 0, 0);
            }
            rows.add(new BandRow(e.getKey(), filled, det));
        }
        Rectangle all = new Rectangle(0, 0, img.width(), img.height());
        double[][] profiles = new double[lanes.size()][];
        for (int k = 0; k < lanes.size(); k++) {
            Rectangle lr = lanes.get(k).bounds();
            profiles[k] = BandMeasurer.laneProfile(img, lr, new Rectangle(lr.x, 0, lr.width, img.height()));
        }
        double[][] baselines = measure(img, lanes, rows, method, all);
        return new BlotAnalysis(name, img, all, lanes, rows, profiles, baselines, new ArrayList<String>());
    }

    /**
     * Lanes found by themselves and evenly spaced (every spacing within 10 % of the median, 3 lanes
     * or more) may have a faint neighbour at the next position on either side that gave no column
     * peak. Such a position, whole inside the region, becomes a lane when every band row has a band
     * there: the row's box of the nearest lane, moved there, has an SNR of at least minSnr (border
     * background), and the row does not run on into it from that lane (the gap between them keeps
     * less than {@link RowConfinement#CROSSED} of their contrast). Null when no position qualifies.
     */
    static List<Lane> combEnds(SignalImage img, List<Lane> lanes, List<BandRow> rows, Rectangle roi, double minSnr) {
        int n = lanes.size();
        if (n < 3 || rows.isEmpty()) {
            return null;
        }
        double[] sp = new double[n - 1];
        for (int k = 0; k + 1 < n; k++) {
            sp[k] = lanes.get(k + 1).centreX() - lanes.get(k).centreX();
        }
        double pitch = Profiles.median(sp);
        for (double d : sp) {
            if (Math.abs(d - pitch) > 0.1 * pitch) {
                return null;
            }
        }
        int w = lanes.get(0).bounds().width;
        List<Rectangle> all = new ArrayList<>();
        for (BandRow r : rows) {
            for (int k = 0; k < r.laneCount(); k++) {
                all.add(r.box(k));
            }
        }
        boolean[] add = new boolean[2];
        Rectangle[] slot = new Rectangle[2];
        for (int side = 0; side < 2; side++) {
            int outer = side == 0 ? 0 : n - 1;
            Lane o = lanes.get(outer);
            double c = o.centreX() + (side == 0 ? -pitch : pitch);
            Rectangle lb = new Rectangle((int) Math.round(c - w / 2.0), o.bounds().y, w, o.bounds().height);
            if (lb.x < roi.x || lb.x + lb.width > roi.x + roi.width) {
                continue;
            }
            slot[side] = lb;
            boolean every = true;
            for (BandRow r : rows) {
                Rectangle ob = r.box(outer);
                Rectangle box = new Rectangle(lb.x, ob.y, lb.width, ob.height);
                BandMeasurer.Result m = BandMeasurer.measure(img, box, lb, all, BackgroundMethod.border(3), true,
                        false);
                if (!(m.measurement.snr() >= minSnr) || !(m.measurement.signal() > 0)) {
                    every = false;
                    break;
                }
                List<Lane> pair = new ArrayList<>();
                Rectangle[] b2 = new Rectangle[2];
                boolean[] det = {true, true};
                if (side == 0) {
                    pair.add(new Lane(1, lb));
                    pair.add(o);
                    b2[0] = box;
                    b2[1] = ob;
                } else {
                    pair.add(o);
                    pair.add(new Lane(2, lb));
                    b2[0] = ob;
                    b2[1] = box;
                }
                double[] q = RowConfinement.gapRatios(img, pair, new BandRow("slot", b2, det), roi, true);
                if (q.length != 1 || !(q[0] < RowConfinement.CROSSED)) {
                    every = false;
                    break;
                }
            }
            add[side] = every;
        }
        if (!add[0] && !add[1]) {
            return null;
        }
        List<Rectangle> b = new ArrayList<>();
        if (add[0]) {
            b.add(slot[0]);
        }
        for (Lane l : lanes) {
            b.add(l.bounds());
        }
        if (add[1]) {
            b.add(slot[1]);
        }
        List<Lane> out = new ArrayList<>();
        for (int k = 0; k < b.size(); k++) {
            out.add(new Lane(k + 1, b.get(k)));
        }
        return out;
    }

    /** Names the lanes that lines drawn into the image cross (their pixels were interpolated across). */
    private static void linesWarning(String name, SignalImage img, List<Lane> lanes, Rectangle roi,
            List<String> warnings) {
        for (DrawnLines.Segment s : img.drawnLines()) {
            Rectangle r = s.horizontal ? new Rectangle(s.from, s.at - DrawnLines.MAX_THICKNESS, s.to - s.from + 1,
                    2 * DrawnLines.MAX_THICKNESS + 1)
                    : new Rectangle(s.at - 1, s.from, 3, s.to - s.from + 1);
            if (!r.intersects(roi)) {
                continue;
            }
            StringBuilder touched = new StringBuilder();
            for (Lane l : lanes) {
                if (l.bounds().intersects(r)) {
                    touched.append(touched.length() == 0 ? "" : ", ").append(l.number());
                }
            }
            if (touched.length() > 0) {
                warnings.add(name + ": " + s + " drawn into the image crosses lane(s) " + touched
                        + "; its pixels were left out of band totals and backgrounds (interpolated across)");
            }
        }
    }

    private static Rectangle regionOf(String name, SignalImage img, Rectangle requested) {
        Rectangle full = new Rectangle(0, 0, img.width(), img.height());
        if (requested == null) {
            return full;
        }
        Rectangle r = requested.intersection(full);
        if (r.width < LaneFinder.MIN_LANE_WIDTH || r.height < 8) {
            throw FieldException.notFitting("roi", requested.x + "," + requested.y + "," + requested.width + ","
                    + requested.height + ": region is outside " + name + " (" + img.width() + "x" + img.height()
                    + ") or too small");
        }
        return r;
    }

    /** Measures every (detected or placed) box; returns the per-lane background curves for plots. */
    private static double[][] measure(SignalImage img, List<Lane> lanes, List<BandRow> rows, BackgroundMethod method,
            Rectangle roi) {
        List<Rectangle> all = new ArrayList<>();
        for (BandRow r : rows) {
            for (int k = 0; k < r.laneCount(); k++) {
                if (!r.box(k).isEmpty()) {
                    all.add(r.box(k));
                }
            }
        }
        double[][] baselines = new double[lanes.size()][roi.height];
        for (double[] b : baselines) {
            Arrays.fill(b, Double.NaN);
        }
        for (int k = 0; k < lanes.size(); k++) {
            Rectangle lane = lanes.get(k).bounds();
            if (method.kind() == BackgroundMethod.Kind.ROLLING) {
                Rectangle strip = new Rectangle(lane.x, roi.y, lane.width, roi.height);
                double[] base = Profiles.rollingBall(BandMeasurer.laneProfile(img, strip, strip), method.size());
                System.arraycopy(base, 0, baselines[k], 0, base.length);
            }
            for (BandRow r : rows) {
                Rectangle box = r.box(k);
                if (box.isEmpty()) {
                    continue;
                }
                List<Rectangle> others = new ArrayList<>(all);
                others.remove(box);
                BandMeasurer.Result m = BandMeasurer.measure(img, box, lane, others, method, r.detected(k));
                r.setMeasurement(k, m.measurement);
                if (method.kind() != BackgroundMethod.Kind.ROLLING) {
                    for (int i = 0; i < m.rowBackground.length; i++) {
                        int y = box.y + i - roi.y;
                        if (y >= 0 && y < roi.height) {
                            baselines[k][y] = m.rowBackground[i];
                        }
                    }
                }
            }
        }
        return baselines;
    }

    private static List<BandRow> nameRows(String name, List<BandRow> rows, List<String> names, List<String> warnings,
            String leftOut) {
        if (names == null || names.isEmpty()) {
            return rows;
        }
        if (names.size() > rows.size()) {
            StringBuilder at = new StringBuilder();
            for (BandRow r : rows) {
                at.append(at.length() == 0 ? "" : ", ").append("y=").append(Math.round(r.meanY()));
            }
            throw FieldException.notFitting("rows", "names " + names.size() + " proteins but " + name + " has only "
                    + rows.size() + " band row(s) (at " + at + ")"
                    + (leftOut.isEmpty() ? "" : "; rows at " + leftOut + " were left out as artefacts (gel or membrane"
                            + " edges, drawn lines, bubble outlines)")
                    + "; name fewer rows or check the region and the polarity");
        }
        List<BandRow> chosen = new ArrayList<>(rows);
        if (rows.size() > names.size()) {
            chosen.sort(Comparator.comparingDouble(BandRow::strength).reversed());
            List<BandRow> dropped = new ArrayList<>(chosen.subList(names.size(), chosen.size()));
            chosen = new ArrayList<>(chosen.subList(0, names.size()));
            chosen.sort(Comparator.comparingDouble(BandRow::meanY));
            StringBuilder d = new StringBuilder();
            for (BandRow r : dropped) {
                d.append(d.length() == 0 ? "" : ", ").append("y=").append(Math.round(r.meanY()));
            }
            warnings.add(name + ": " + rows.size() + " band rows found, " + names.size()
                    + " named: the most prominent were kept, rows at " + d + " left out");
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            String n = names.get(i).trim();
            if (n.isEmpty() || seen.put(n, Boolean.TRUE) != null) {
                throw new FieldException("rows", "protein names must be non-empty and distinct ('" + n + "')");
            }
            chosen.get(i).rename(n);
        }
        return chosen;
    }
}
