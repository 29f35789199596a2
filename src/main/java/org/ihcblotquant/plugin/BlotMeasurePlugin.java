package org.ihcblotquant.plugin;

import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.job.BlotMeasureJob;
import org.ihcblotquant.job.Fields;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.plugin.PlugIn;

/**
 * Analyze>IHC Blot Quant>Blot Measure: re-measures the lane and band ROIs in the ROI Manager
 * (after the user moved or resized them) and refills the Results table. Band ROIs are named
 * {@code laneN:protein}, lane ROIs {@code laneN}; a band's lane strip comes from its lane ROI, or
 * is the band's columns over the whole image height when there is none. Runs from options alone:
 * {@code run("Blot Measure", "control=actin reference=1 polarity=auto background=border");}
 */
public class BlotMeasurePlugin implements PlugIn {

    private static final String TITLE = "Blot Measure";

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentImage(TITLE);
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addStringField("Control (loading control or total protein; empty = none)", "", 15);
        gd.addStringField("Reference lanes (1-based, e.g. 1 or 1,2)", "1", 10);
        gd.addChoice("Polarity", new String[] {"auto", "dark", "light"}, "auto");
        gd.addStringField("Background (profile, border, border:W, lane, rolling:R, none)", "profile", 12);
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
            BlotSettings s = BlotFiji.settings(0, polarity, background, minSnr, cvLimit);
            List<BlotMeasureJob.NamedBox> boxes = new ArrayList<>();
            for (Roi r : BlotFiji.roiManager().getRoisAsArray()) {
                boxes.add(new BlotMeasureJob.NamedBox(r.getName(), r.getBounds()));
            }
            BlotMeasureJob.Outcome o = new BlotMeasureJob().run(new BlotMeasureJob.Request(imp.getTitle(),
                    imp.getProcessor(), ImageSources.isLossyJpeg(imp), s.polarity, s.background, boxes, control,
                    Fields.wholes("reference-lane", refs), s.minSnr, s.maxControlCv), new IjProgress());
            BlotFiji.showOverlay(imp, o.analysis(), s.minSnr);
            BlotFiji.toResults(o.table());
            BlotFiji.report(TITLE, imp, o);
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.BLOT);
        }
    }
}
