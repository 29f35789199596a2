package org.ihcblotquant.plugin;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;

import org.ihcblotquant.blot.BandMeasurement;
import org.ihcblotquant.blot.BandRow;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.io.Table;

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
     * Reports a user-fixable problem: a dialog when a person clicked the command, the Log plus an
     * aborted macro when a macro ran it (a modal dialog would hang a -batch run).
     */
    static void error(String command, String message) {
        if (IJ.isMacro() && ij.Macro.getOptions() != null || java.awt.GraphicsEnvironment.isHeadless()) {
            IJ.log(command + " error: " + message);
            ij.macro.Interpreter interp = ij.macro.Interpreter.getInstance();
            if (interp != null) {
                interp.abortMacro(); // stop the macro here: its next steps would use missing results
            }
            return;
        }
        IJ.error(command, message);
    }

    static void log(List<String> warnings) {
        for (String w : warnings) {
            IJ.log("Blot warning: " + w);
        }
    }

    static int[] referenceLanes(String v) {
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }
}
