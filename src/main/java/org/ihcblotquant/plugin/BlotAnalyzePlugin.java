package org.ihcblotquant.plugin;

import java.awt.Rectangle;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.job.BlotAnalyzeJob;
import org.ihcblotquant.job.Fields;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.plugin.PlugIn;

/**
 * Analyze>IHC Blot Quant>Blot Analyze: finds lanes and bands on the current image, draws them as
 * an overlay, puts them in the ROI Manager (named lane3, lane3:actin, ...), plots the lane profiles
 * with their baselines and fills the Results table. A rectangular selection limits the analysis
 * to that region. Macro-recordable; runs from the options string alone, e.g.
 * {@code run("Blot Analyze", "rows=target,actin control=actin reference=1 lanes=0 polarity=auto background=border plot");}
 */
public class BlotAnalyzePlugin implements PlugIn {

    private static final String TITLE = "Blot Analyze";

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentImage(TITLE);
        if (imp == null) {
            return;
        }
        if (imp.getBitDepth() == 32) {
            UserMessages.error(TITLE, imp.getTitle() + ": 32-bit images are not supported; open the 8- or 16-bit scan");
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addStringField("Rows (protein names top to bottom, empty = row1,row2,...)", "", 30);
        gd.addStringField("Control (loading control or total protein; empty = none)", "", 15);
        gd.addStringField("Reference lanes (1-based, e.g. 1 or 1,2)", "1", 10);
        gd.addNumericField("Lanes (0 = detect)", 0, 0);
        gd.addChoice("Polarity", new String[] {"auto", "dark", "light"}, "auto");
        gd.addStringField("Background (profile, border, border:W, lane, rolling:R, none)", "profile", 12);
        gd.addNumericField("Minimum SNR", BlotSettings.DEFAULT_MIN_SNR, 1);
        gd.addNumericField("CV_limit of the control across lanes (%)", 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV, 0);
        gd.addChoice("Ladder (marker lane, left out of normalisation)", new String[] {"auto", "first", "last",
            "none"}, "auto");
        gd.addCheckbox("Merge doublets (two unresolved bands measured as one)", false);
        gd.addCheckbox("Plot lane profiles", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String rows = gd.getNextString().trim();
        String control = gd.getNextString().trim();
        String refs = gd.getNextString().trim();
        double lanes = gd.getNextNumber();
        String polarity = gd.getNextChoice();
        String background = gd.getNextString().trim();
        double minSnr = gd.getNextNumber();
        double cvLimit = gd.getNextNumber();
        String ladder = gd.getNextChoice();
        boolean merge = gd.getNextBoolean();
        boolean plot = gd.getNextBoolean();
        try {
            BlotSettings s = BlotFiji.settings(lanes, polarity, background, minSnr, cvLimit);
            s.ladder = org.ihcblotquant.blot.Ladder.parse("ladder", ladder);
            s.mergeDoublets = merge;
            Roi sel = imp.getRoi();
            Rectangle region = sel != null && sel.getType() == Roi.RECTANGLE ? sel.getBounds() : null;
            List<String> names = rows.isEmpty() ? null : Fields.names("rows", rows);
            int[] ref = Fields.wholes("reference-lane", refs);
            BlotAnalyzeJob.Request q = new BlotAnalyzeJob.Request(Collections.singletonList(
                    BlotAnalyzeJob.BlotImage.pixels(imp.getTitle(), imp.getProcessor(), ImageSources.isLossyJpeg(imp),
                            names, region)), s, control, ref, null, null, 0, TITLE + " " + imp.getTitle());
            BlotAnalyzeJob.Outcome o = new BlotAnalyzeJob().run(q, new IjProgress());
            BlotAnalysis a = o.analyses().get(0);
            BlotFiji.showOverlay(imp, a, s.minSnr);
            BlotFiji.toRoiManager(a);
            BlotFiji.toResults(o.table());
            BlotFiji.report(TITLE, imp, o);
            if (plot) {
                BlotFiji.profilePlot(a).show();
                // the blot, not the plot, stays the current image: Blot Measure works on it next
                if (imp.getWindow() != null) {
                    WindowManager.setCurrentWindow(imp.getWindow());
                    imp.getWindow().toFront();
                } else {
                    WindowManager.setTempCurrentImage(imp);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.BLOT);
        } finally {
            IJ.showProgress(1.0);
        }
    }
}
