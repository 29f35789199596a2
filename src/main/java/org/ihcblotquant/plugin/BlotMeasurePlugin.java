package org.ihcblotquant.plugin;

import java.awt.Rectangle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.blot.SignalImage;
import org.ihcblotquant.core.InputException;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

/**
 * Analyze>IHC Blot Quant>Blot Measure: re-measures the lane and band ROIs in the ROI Manager
 * (after the user moved or resized them) and refills the Results table. Band ROIs are named
 * {@code laneN:protein}, lane ROIs {@code laneN}; a band's lane strip comes from its lane ROI, or
 * is the band's columns over the whole image height when there is none. Runs from options alone:
 * {@code run("Blot Measure", "control=actin reference=1 polarity=auto background=border");}
 */
public class BlotMeasurePlugin implements PlugIn {

    private static final Pattern BAND = Pattern.compile("lane(\\d+):(.+)");
    private static final Pattern LANE = Pattern.compile("lane(\\d+)");

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        GenericDialog gd = new GenericDialog("Blot Measure");
        gd.addStringField("Control (loading control or total protein; empty = none)", "", 15);
        gd.addStringField("Reference lanes (1-based, e.g. 1 or 1,2)", "1", 10);
        gd.addChoice("Polarity", new String[] {"auto", "dark", "light"}, "auto");
        gd.addStringField("Background (border, border:W, lane, rolling:R, none)", "border", 12);
        gd.addNumericField("Minimum SNR", BlotSettings.DEFAULT_MIN_SNR, 1);
        gd.addNumericField("CV_limit of the control across lanes (%)", 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV, 0);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String control = gd.getNextString().trim();
        String refs = gd.getNextString().trim();
        String polarity = gd.getNextChoice();
        String background = gd.getNextString().trim();
        double minSnr = gd.getNextNumber();
        double cvLimit = gd.getNextNumber();
        try {
            BackgroundMethod method = BackgroundMethod.parse("background", background);
            SignalImage img = SignalImage.of(imp.getProcessor(), Polarity.parse("polarity", polarity), null);
            RoiManager rm = BlotFiji.roiManager();
            Roi[] rois = rm.getRoisAsArray();
            Map<Integer, Rectangle> laneRects = new TreeMap<>();
            Map<String, Map<Integer, Rectangle>> bands = new LinkedHashMap<>();
            for (Roi r : rois) {
                String name = r.getName() == null ? "" : r.getName().trim();
                Matcher b = BAND.matcher(name);
                Matcher l = LANE.matcher(name);
                if (b.matches()) {
                    bands.computeIfAbsent(b.group(2), k -> new TreeMap<>()).put(Integer.parseInt(b.group(1)),
                            r.getBounds());
                } else if (l.matches()) {
                    laneRects.put(Integer.parseInt(l.group(1)), r.getBounds());
                }
            }
            if (bands.isEmpty()) {
                throw new InputException("the ROI Manager holds no band ROIs named laneN:protein (e.g. lane3:actin); "
                        + "run Blot Analyze first or name your rectangles that way");
            }
            int nLanes = 0;
            for (Map<Integer, Rectangle> m : bands.values()) {
                for (int k : m.keySet()) {
                    nLanes = Math.max(nLanes, k);
                }
            }
            for (int k : laneRects.keySet()) {
                nLanes = Math.max(nLanes, k);
            }
            List<Lane> lanes = new java.util.ArrayList<>();
            for (int k = 1; k <= nLanes; k++) {
                Rectangle lr = laneRects.get(k);
                if (lr == null) {
                    lr = stripOf(bands, k, imp.getHeight());
                }
                if (lr == null) {
                    throw new InputException("lane " + k + " has neither a lane ROI nor band ROIs (lanes are numbered "
                            + "1.." + nLanes + " without gaps)");
                }
                lanes.add(new Lane(k, lr));
            }
            Map<String, Rectangle[]> boxes = new LinkedHashMap<>();
            for (Map.Entry<String, Map<Integer, Rectangle>> e : bands.entrySet()) {
                Rectangle[] arr = new Rectangle[nLanes];
                for (Map.Entry<Integer, Rectangle> b : e.getValue().entrySet()) {
                    arr[b.getKey() - 1] = b.getValue();
                }
                for (int k = 0; k < nLanes; k++) {
                    if (arr[k] == null) {
                        throw new InputException("protein " + e.getKey() + " has no ROI in lane " + (k + 1)
                                + " (add lane" + (k + 1) + ":" + e.getKey() + ")");
                    }
                }
                boxes.put(e.getKey(), arr);
            }
            BlotAnalysis a = BlotAnalyzer.remeasure(imp.getTitle(), img, lanes, boxes, method);
            int[] ref;
            try {
                ref = BlotFiji.referenceLanes(refs);
            } catch (NumberFormatException e) {
                throw new InputException("Reference lanes: '" + refs + "' is not a list of lane numbers");
            }
            BlotQuantifier.Quantification q = BlotQuantifier.quantify(Collections.singletonList(a),
                    control.isEmpty() ? null : control, ref, minSnr, cvLimit / 100);
            BlotFiji.showOverlay(imp, a, minSnr);
            BlotFiji.toResults(q.table);
            IJ.log("Blot Measure " + imp.getTitle() + ": " + nLanes + " lanes, " + boxes.size()
                    + " proteins from the ROI Manager; background " + method + " = " + method.describe());
            BlotFiji.log(q.warnings);
        } catch (InputException e) {
            BlotFiji.error("Blot Measure", e.getMessage());
        }
    }

    /** The columns of a lane's band boxes over the whole image height. */
    private static Rectangle stripOf(Map<String, Map<Integer, Rectangle>> bands, int lane, int height) {
        Rectangle u = null;
        for (Map<Integer, Rectangle> m : bands.values()) {
            Rectangle r = m.get(lane);
            if (r != null) {
                u = u == null ? new Rectangle(r) : u.union(r);
            }
        }
        return u == null ? null : new Rectangle(u.x, 0, u.width, height);
    }
}
