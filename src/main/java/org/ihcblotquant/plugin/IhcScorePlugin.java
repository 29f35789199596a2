package org.ihcblotquant.plugin;

import java.awt.Color;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.IhcScoreJob;

/**
 * Analyze &gt; IHC Blot Quant &gt; IHC Score: scores the current RGB image (inside its area ROI if
 * it has one), adds a row to the Results table (columns as in images.csv) and can draw the tissue
 * outline and positive pixels as an overlay. Macro: {@code run("IHC Score",
 * "stain=[H DAB] third=[cross product] background=auto thresholds=0.2,0.4,0.6 tissue=auto marker=p-STAT3 show");}
 */
public class IhcScorePlugin implements PlugIn {
    private static final String TITLE = "IHC Score";
    /** Overlay colours of weak, moderate and strong pixels (yellow, orange, red). */
    static final int[] CLASS_COLOURS = {0, 0xffff00, 0xff9900, 0xff0000};

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentRgbImage(TITLE);
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        IhcDialogFields.add(gd);
        gd.addCheckbox("Show overlay of tissue and positive pixels", false);
        gd.addCheckbox("Clear Results first", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            IhcSettings settings = IhcDialogFields.read(gd);
            boolean overlay = gd.getNextBoolean();
            boolean clear = gd.getNextBoolean();
            ColorProcessor cp = (ColorProcessor) imp.getProcessor();
            IhcScoreJob.Outcome o = new IhcScoreJob().run(new IhcScoreJob.Request(imp.getTitle(), cp, roiMask(imp),
                    settings, overlay, ImageSources.isLossyJpeg(imp)), new IjProgress());
            ij.measure.ResultsTable rt = ij.measure.ResultsTable.getResultsTable();
            if (clear) {
                rt.reset();
            }
            ResultsTables.append(rt, o.row());
            rt.show("Results");
            imp.setProperty("IHC Blot Quant settings", String.join("\n", o.provenance().lines()));
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
            if (overlay) {
                imp.setOverlay(overlay(o.classes(), cp.getWidth(), cp.getHeight()));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.IHC);
        }
    }

    /** Full-size mask of the image's area ROI, or null when it has none. */
    public static byte[] roiMask(ImagePlus imp) {
        Roi roi = imp.getRoi();
        if (roi == null || !roi.isArea()) {
            return null;
        }
        int w = imp.getWidth();
        int h = imp.getHeight();
        byte[] mask = new byte[w * h];
        java.awt.Rectangle b = roi.getBounds();
        ImageProcessor m = roi.getMask();
        for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++) {
            for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++) {
                if (m == null || m.get(x - b.x, y - b.y) != 0) {
                    mask[y * w + x] = 1;
                }
            }
        }
        return mask;
    }

    /** Positive pixels coloured by class (semi-transparent) and the tissue outline in cyan. */
    public static Overlay overlay(byte[] classes, int w, int h) {
        int[] argb = new int[w * h];
        byte[] tissue = new byte[w * h];
        for (int i = 0; i < classes.length; i++) {
            int c = classes[i];
            if (c >= 0) {
                tissue[i] = (byte) 255;
            }
            if (c > 0) {
                argb[i] = CLASS_COLOURS[c];
            }
        }
        ColorProcessor colours = new ColorProcessor(w, h, argb);
        ImageRoi positives = new ImageRoi(0, 0, colours);
        positives.setZeroTransparent(true);
        positives.setOpacity(0.5);
        positives.setName("positive pixels (yellow weak, orange moderate, red strong)");
        Overlay o = new Overlay();
        o.add(positives);
        ByteProcessor t = new ByteProcessor(w, h, tissue);
        t.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
        Roi outline = new ThresholdToSelection().convert(t);
        if (outline != null) {
            outline.setStrokeColor(Color.CYAN);
            outline.setName("tissue");
            o.add(outline);
        }
        return o;
    }
}
