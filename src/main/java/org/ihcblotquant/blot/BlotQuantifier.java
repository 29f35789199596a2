package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.io.Table;

/**
 * Normalises band signals to the loading control in the same lane and to the reference lane(s),
 * across one or several images of the same membrane (lanes matched by order), and builds the
 * results table.
 * <pre>
 * normalized = signal / control signal in the same lane
 * relative   = normalized / mean(normalized of the reference lanes)
 * </pre>
 * Phospho over total works the same way with the total protein as the control. Without a control,
 * {@code normalized} is left empty and {@code relative} is the signal over the reference lanes'.
 */
public final class BlotQuantifier {

    /** The columns of the results table, in order. */
    public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList("image", "protein",
            "lane", "x", "y", "width", "height", "total", "background", "area", "signal", "saturated_pct", "snr",
            "control_signal", "normalized", "relative", "status", "peak"));

    private BlotQuantifier() {
    }

    /** The table plus the warnings that go with it. */
    public static final class Quantification {
        public final Table table;
        public final List<String> warnings;

        Quantification(Table table, List<String> warnings) {
            this.table = table;
            this.warnings = warnings;
        }
    }

    /**
     * @param control       protein used as loading control (or total protein), or null
     * @param referenceLanes 1-based lanes whose mean normalised value is 1 (at least one)
     */
    public static Quantification quantify(List<BlotAnalysis> analyses, String control, int[] referenceLanes,
            double minSnr, double maxControlCv) {
        int nl = analyses.get(0).lanes().size();
        for (BlotAnalysis a : analyses) {
            if (a.lanes().size() != nl) {
                StringBuilder s = new StringBuilder();
                for (BlotAnalysis b : analyses) {
                    s.append(s.length() == 0 ? "" : ", ").append(b.name()).append(": ").append(b.lanes().size());
                }
                throw new InputException("images have different lane counts (" + s + "); lanes are matched by "
                        + "order, so give the same number of lanes for all, or crop each to its lanes");
            }
        }
        List<String> names = new ArrayList<>();
        for (BlotAnalysis a : analyses) {
            for (BandRow r : a.rows()) {
                if (names.contains(r.name())) {
                    throw new InputException("protein name '" + r.name() + "' is used twice; names must be distinct");
                }
                names.add(r.name());
            }
        }
        BandRow controlRow = null;
        if (control != null) {
            for (BlotAnalysis a : analyses) {
                if (a.row(control) != null) {
                    controlRow = a.row(control);
                }
            }
            if (controlRow == null) {
                throw FieldException.notFitting("control", "no band row named " + control + " (rows: "
                        + String.join(", ", names) + ")");
            }
        }
        for (int ref : referenceLanes) {
            if (ref < 1 || ref > nl) {
                throw FieldException.notFitting("reference-lane", ref + ": lanes are numbered 1.." + nl);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (BlotAnalysis a : analyses) {
            warnings.addAll(a.warnings());
        }
        // a lane that is a ladder on any image of the membrane is left out of the normalisation
        boolean[] ladder = new boolean[nl];
        for (BlotAnalysis a : analyses) {
            if (a.ladderLane() >= 0) {
                ladder[a.ladderLane()] = true;
            }
        }
        for (int ref : referenceLanes) {
            if (ladder[ref - 1]) {
                throw FieldException.notFitting("reference-lane", ref + " is the molecular-weight ladder; choose a"
                        + " sample lane as reference");
            }
        }
        if (controlRow != null) {
            double cv = cv(controlRow, ladder);
            if (cv > maxControlCv) {
                warnings.add(String.format(Locale.ROOT, "loading control %s varies across lanes: CV %.0f %% (limit "
                        + "%.0f %%); check loading and transfer before trusting the normalisation", control, 100 * cv,
                        100 * maxControlCv));
            }
        }
        Table t = new Table(COLUMNS);
        for (BlotAnalysis a : analyses) {
            for (BandRow r : a.rows()) {
                double[] norm = new double[nl];
                double[] ctl = new double[nl];
                for (int k = 0; k < nl; k++) {
                    ctl[k] = controlRow == null ? Double.NaN : controlRow.measurement(k).signal();
                    double s = r.measurement(k).signal();
                    norm[k] = controlRow == null ? s : s / ctl[k];
                }
                double ref = 0;
                for (int lane : referenceLanes) {
                    ref += norm[lane - 1];
                }
                ref /= referenceLanes.length;
                if (!(ref > 0) || Double.isInfinite(ref)) {
                    warnings.add(a.name() + " " + r.name() + ": the reference lane(s) " + Arrays.toString(referenceLanes)
                            + " have no positive " + (controlRow == null ? "signal" : "normalized value")
                            + "; relative left empty (choose another reference lane)");
                    ref = Double.NaN;
                }
                for (int k = 0; k < nl; k++) {
                    BandMeasurement m = r.measurement(k);
                    Rectangle b = r.box(k);
                    String status = ladder[k] ? "ladder" : boundStatus(m.status(minSnr), m, r == controlRow ? null
                            : controlRow == null ? null : controlRow.measurement(k));
                    if (!"ok".equals(status) && !ladder[k]) {
                        warnings.add(a.name() + " " + r.name() + " lane " + (k + 1) + ": " + status
                                + (m.isSaturated() ? String.format(Locale.ROOT, " (%.1f %% of pixels saturated%s)",
                                        m.saturatedPct(), m.flatTop() ? ", flat-topped profile" : "") : "")
                                + (status.contains("low-snr") ? String.format(Locale.ROOT, " (SNR %.1f < %.1f)",
                                        m.snr(), minSnr) : ""));
                    }
                    t.addRow(a.name(), r.name(), k + 1, b.x, b.y, b.width, b.height, m.total(), m.background(),
                            m.area(), m.signal(), m.saturatedPct(), m.snr(), ctl[k],
                            controlRow == null ? Double.NaN : norm[k], ladder[k] ? Double.NaN : norm[k] / ref, status, m.peak());
                }
            }
        }
        return new Quantification(t, warnings);
    }

    /**
     * A saturated band's signal is clipped, so it is too low: its {@code relative} is a lower
     * bound, and a saturated loading-control band makes the lane's {@code relative} an upper bound.
     * The number is kept (it is still the best available) and the status says which way it errs.
     */
    static String boundStatus(String status, BandMeasurement m, BandMeasurement control) {
        boolean low = m.isSaturated();
        boolean high = control != null && control.isSaturated();
        if (low && high) {
            return status + ";relative unbounded (band and control saturated)";
        }
        if (low) {
            return status + ";relative is a lower bound";
        }
        if (high) {
            return ("ok".equals(status) ? "" : status + ";") + "control saturated: relative is an upper bound";
        }
        return status;
    }

    /** Coefficient of variation of a row's signals across the lanes that are not a ladder. */
    static double cv(BandRow row, boolean[] ladder) {
        int n = 0;
        double s = 0;
        for (int k = 0; k < row.laneCount(); k++) {
            if (!ladder[k]) {
                s += row.measurement(k).signal();
                n++;
            }
        }
        double mean = s / Math.max(1, n);
        double ss = 0;
        for (int k = 0; k < row.laneCount(); k++) {
            if (!ladder[k]) {
                double d = row.measurement(k).signal() - mean;
                ss += d * d;
            }
        }
        return n < 2 || mean == 0 ? 0 : Math.sqrt(ss / (n - 1)) / Math.abs(mean);
    }
}
