package org.ihcblotquant.plugin;

import java.awt.Color;
import java.awt.Rectangle;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BandMeasurement;
import org.ihcblotquant.blot.BandRow;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.JobOutcome;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.frame.RoiManager;

/**
 * What the two Fiji blot commands share: ROI names that carry lane and protein identity
 * ({@code lane3} for a lane strip, {@code lane3:actin} for a band box), the overlay, the profile
 * plot and the Results table.
 */
final class BlotFiji {

    static final Color LANE = new Color(60, 120, 255);
    static final Color OK = new Color(0, 190, 0);

    private BlotFiji() {
    }

    static String laneName(int lane) {
        return "lane" + lane;
    }

    static String bandName(int lane, String protein) {
        return "lane" + lane + ":" + protein;
    }

    /** Lanes and band boxes to the ROI Manager (replacing its content). */
    static void toRoiManager(BlotAnalysis a) {
        RoiManager rm = roiManager();
        rm.reset();
        for (Lane l : a.lanes()) {
            Roi r = new Roi(l.bounds());
            r.setName(laneName(l.number()));
            r.setStrokeColor(LANE);
            rm.addRoi(r);
        }
        for (BandRow row : a.rows()) {
            for (int k = 0; k < row.laneCount(); k++) {
                if (row.measurement(k) == null) {
                    continue;
                }
                Roi r = new Roi(row.box(k));
                r.setName(bandName(k + 1, row.name()));
                rm.addRoi(r);
            }
        }
    }

    /** Lanes in blue, bands coloured by status, row names at the left. */
    static void showOverlay(ImagePlus imp, BlotAnalysis a, double minSnr) {
        Overlay ov = new Overlay();
        for (Lane l : a.lanes()) {
            Roi r = new Roi(l.bounds());
            r.setStrokeColor(LANE);
            r.setName(laneName(l.number()));
            ov.add(r);
            TextRoi t = new TextRoi(l.bounds().x + 1, l.bounds().y + 1, String.valueOf(l.number()));
            t.setStrokeColor(LANE);
            ov.add(t);
        }
        for (BandRow row : a.rows()) {
            for (int k = 0; k < row.laneCount(); k++) {
                BandMeasurement m = row.measurement(k);
                if (m == null) {
                    continue;
                }
                String st = m.status(minSnr);
                Roi r = new Roi(row.box(k));
                r.setName(bandName(k + 1, row.name()));
                r.setStrokeColor(st.contains("saturated") ? Color.RED : st.contains("no band") ? Color.GRAY
                        : st.contains("low-snr") ? Color.ORANGE : OK);
                ov.add(r);
            }
            Rectangle first = row.box(0);
            TextRoi t = new TextRoi(first.x, Math.max(0, first.y - 14), row.name());
            t.setStrokeColor(OK);
            ov.add(t);
        }
        imp.setOverlay(ov);
    }

    /** The table in the system Results window (named tables get lost in batch mode). */
    static void toResults(Table t) {
        ResultsTables.showAsResults(t);
    }

    /**
     * Lane profiles (signal-up, thin lines) with the background used under each band (thick
     * segments; the whole curve for the rolling ball), one colour per lane from red to violet.
     */
    static Plot profilePlot(BlotAnalysis a) {
        Plot plot = new Plot("Blot lane profiles " + a.name(), "y (pixels from top)", "mean signal across lane");
        double[][] prof = a.laneProfiles();
        double[][] base = a.laneBaselines();
        int y0 = a.roi().y;
        for (int k = 0; k < prof.length; k++) {
            double[] x = new double[prof[k].length];
            for (int i = 0; i < x.length; i++) {
                x[i] = y0 + i;
            }
            Color c = Color.getHSBColor(k / (float) Math.max(1, prof.length), 0.9f, 0.8f);
            plot.setColor(c);
            plot.setLineWidth(1);
            plot.addPoints(x, prof[k], Plot.LINE);
            plot.setLineWidth(2);
            plot.addPoints(x, base[k], Plot.LINE);
        }
        plot.setColor(Color.BLACK);
        plot.setLimitsToFit(false);
        return plot;
    }

    /** The ROI Manager, including the hidden one a batch-mode macro works with. */
    static RoiManager roiManager() {
        RoiManager rm = RoiManager.getInstance();
        return rm != null ? rm : RoiManager.getRoiManager();
    }

    /**
     * The settings from the dialog; invalid values throw {@link org.ihcblotquant.job.FieldException}
     * (rendered with {@link MacroKeys#BLOT}).
     */
    static BlotSettings settings(double lanes, String polarity, String background, double minSnr, double cvLimit) {
        BlotSettings s = new BlotSettings();
        if (Double.isNaN(lanes) || lanes < 0 || lanes != Math.rint(lanes)) {
            throw new org.ihcblotquant.job.FieldException("lanes", "must be 0 (detect) or a whole number of lanes");
        }
        s.lanes = (int) lanes;
        s.polarity = Polarity.parse("polarity", polarity);
        s.background = BackgroundMethod.parse("background", background);
        if (Double.isNaN(minSnr) || minSnr < 0) {
            throw new org.ihcblotquant.job.FieldException("min-snr", "must be a number >= 0");
        }
        s.minSnr = minSnr;
        if (Double.isNaN(cvLimit) || cvLimit <= 0) {
            throw new org.ihcblotquant.job.FieldException("max-control-cv", "must be a percentage above 0");
        }
        s.maxControlCv = cvLimit / 100;
        return s;
    }

    /** The summary and the provenance to the Log (the Results table cannot hold them), warnings once. */
    static void report(String command, ImagePlus imp, JobOutcome o) {
        IJ.log(command + " " + imp.getTitle() + ": " + String.join("; ", o.provenance().lines()));
        imp.setProperty("IHC Blot Quant blot", String.join("\n", o.provenance().lines()));
        for (String w : o.warnings()) {
            UserMessages.warn("Blot", w);
        }
    }
}
