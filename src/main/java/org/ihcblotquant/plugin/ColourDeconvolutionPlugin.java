package org.ihcblotquant.plugin;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;

import org.ihcblotquant.job.DeconvolveJob;

/**
 * Analyze &gt; IHC Blot Quant &gt; Colour Deconvolution (OD): opens one 32-bit optical-density image
 * per stain for the current RGB image ({@link DeconvolveJob}). Macro: {@code run("Colour Deconvolution (OD)",
 * "stain=[H DAB] third=[cross product] background=auto");}
 */
public class ColourDeconvolutionPlugin implements PlugIn {
    private static final String TITLE = "Colour Deconvolution (OD)";

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentRgbImage(TITLE);
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        StainDialogFields.add(gd);
        gd.addMessage("Output: 32-bit optical density per stain, OD = log10(I0 / max(v,1)), not clipped.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            StainDialogFields.Values v = StainDialogFields.read(gd);
            DeconvolveJob.Outcome o = new DeconvolveJob().run(DeconvolveJob.Request.ofImage(imp.getTitle(),
                    (ColorProcessor) imp.getProcessor(), v.vectors, v.third, v.background, TITLE), new IjProgress());
            for (int k = 0; k < 3; k++) {
                ImagePlus out = new ImagePlus(imp.getTitle() + "-" + o.stains().get(k), o.images().get(k));
                out.setCalibration(imp.getCalibration());
                out.setProperty("Info", o.infos().get(k));
                out.show();
            }
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.IHC);
        }
    }
}
