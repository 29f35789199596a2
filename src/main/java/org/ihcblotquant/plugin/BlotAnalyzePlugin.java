package org.ihcblotquant.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;

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

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        if (imp.getBitDepth() == 32) {
            BlotFiji.error("Blot Analyze", imp.getTitle() + ": 32-bit images are not supported; open the 8- or 16-bit scan");
            return;
        }
        GenericDialog gd = new GenericDialog("Blot Analyze");
        gd.addStringField("Rows (protein names top to bottom, empty = row1,row2,...)", "", 30);
        gd.addStringField("Control (loading control or total protein; empty = none)", "", 15);
        gd.addStringField("Reference lanes (1-based, e.g. 1 or 1,2)", "1", 10);
        gd.addNumericField("Lanes (0 = detect)", 0, 0);
        gd.addChoice("Polarity", new String[] {"auto", "dark", "light"}, "auto");
        gd.addStringField("Background (border, border:W, lane, rolling:R, none)", "border", 12);
        gd.addNumericField("Minimum SNR", BlotSettings.DEFAULT_MIN_SNR, 1);
        gd.addNumericField("CV_limit of the control across lanes (%)", 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV, 0);
        gd.addCheckbox("Plot lane profiles", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String rows = gd.getNextString().trim();
        String control = gd.getNextString().trim();
        String refs = gd.getNextString().trim();
        int lanes = (int) gd.getNextNumber();
        String polarity = gd.getNextChoice();
        String background = gd.getNextString().trim();
        double minSnr = gd.getNextNumber();
        double cvLimit = gd.getNextNumber();
        boolean plot = gd.getNextBoolean();
        try {
            BlotSettings s = new BlotSettings();
            s.polarity = Polarity.parse("polarity", polarity);
            s.background = BackgroundMethod.parse("background", background);
            s.lanes = Math.max(0, lanes);
            s.minSnr = minSnr;
            s.maxControlCv = cvLimit / 100;
            Roi sel = imp.getRoi();
            if (sel != null && sel.getType() == Roi.RECTANGLE) {
                s.roi = sel.getBounds();
            }
            List<String> names = rows.isEmpty() ? null : names(rows);
            int[] ref;
            try {
                ref = BlotFiji.referenceLanes(refs);
            } catch (NumberFormatException e) {
                throw new InputException("Reference lanes: '" + refs + "' is not a list of lane numbers");
            }
            BlotAnalysis a = BlotAnalyzer.analyze(imp.getTitle(), imp.getProcessor(), null, s, names,
                    new ProgressListener() {
                        @Override
                        public void progress(double fraction, String message) {
                            IJ.showProgress(fraction);
                        }

                        @Override
                        public boolean isCancelled() {
                            return IJ.escapePressed();
                        }
                    });
            BlotQuantifier.Quantification q = BlotQuantifier.quantify(java.util.Collections.singletonList(a),
                    control.isEmpty() ? null : control, ref, s.minSnr, s.maxControlCv);
            BlotFiji.showOverlay(imp, a, s.minSnr);
            BlotFiji.toRoiManager(a);
            BlotFiji.toResults(q.table);
            IJ.log("Blot Analyze " + imp.getTitle() + ": " + a.lanes().size() + " lanes, " + a.rows().size()
                    + " band rows; signal " + a.image().describeConversion() + "; background " + s.background
                    + " = " + s.background.describe());
            BlotFiji.log(q.warnings);
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
        } catch (InputException e) {
            BlotFiji.error("Blot Analyze", e.getMessage());
        }
    }

    private static List<String> names(String rows) {
        List<String> out = new ArrayList<>();
        for (String n : Arrays.asList(rows.split(","))) {
            if (!n.trim().isEmpty()) {
                out.add(n.trim());
            }
        }
        return out;
    }
}
