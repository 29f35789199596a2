package org.ihcblotquant.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.ColourDeconvolver;
import org.ihcblotquant.stain.StainMatrix;

/**
 * Analyze &gt; IHC Blot Quant &gt; Colour Deconvolution (OD): opens one 32-bit optical-density image
 * per stain for the current RGB image. Macro: {@code run("Colour Deconvolution (OD)",
 * "stain=[H DAB] third=[cross product] background=auto");}
 */
public class ColourDeconvolutionPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentRgbImage("Colour Deconvolution (OD)");
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog("Colour Deconvolution (OD)");
        StainDialogFields.add(gd);
        gd.addMessage("Output: 32-bit optical density per stain, OD = log10(I0 / max(v,1)), not clipped.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            StainDialogFields.Values v = StainDialogFields.read(gd);
            StainMatrix matrix = StainMatrix.of(v.vectors, v.third);
            ColorProcessor cp = (ColorProcessor) imp.getProcessor();
            int[] px = (int[]) cp.getPixels();
            Background bg = v.background.resolve(BackgroundEstimator.survey(px, cp.getWidth(), cp.getHeight()));
            FloatProcessor[] od = ColourDeconvolver.deconvolve(px, cp.getWidth(), cp.getHeight(), matrix, bg,
                    new IjProgress());
            Provenance p = Provenance.start("Colour Deconvolution (OD)");
            p.put("input", imp.getTitle());
            p.put("stain_vectors", matrix.describe());
            p.put("background_rule", v.background.toString());
            p.put("background_used", bg.toString());
            for (int k = 0; k < 3; k++) {
                String stain = matrix.stains().get(k).name();
                ImagePlus out = new ImagePlus(imp.getTitle() + "-" + stain, od[k]);
                out.setCalibration(imp.getCalibration());
                out.setProperty("Info", ColourDeconvolver.imageInfo(p, stain));
                out.show();
            }
            if (bg.source() == Background.Source.NO_GLASS_FALLBACK) {
                IJ.log(imp.getTitle() + ": no glass in the image: background 255 used");
            }
        } catch (InputException e) {
            UserMessages.error("Colour Deconvolution (OD)", e.getMessage());
        }
    }
}
