package org.ihcblotquant.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;

import org.ihcblotquant.job.StainEstimateJob;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;

/**
 * Analyze &gt; IHC Blot Quant &gt; Estimate Stain Vectors: estimates hematoxylin and DAB vectors
 * from the current RGB image (inside its area ROI if it has one), puts them in the Results table
 * (one row per stain) and prints them in the Log in the syntax of the "Vectors" field, ready to paste
 * with "User vectors". Macro: {@code run("Estimate Stain Vectors", "background=auto");}
 */
public class EstimateStainVectorsPlugin implements PlugIn {
    private static final String TITLE = "Estimate Stain Vectors";

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentRgbImage(TITLE);
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addStringField("Background (auto, white or R,G,B):", "auto", 16);
        gd.addCheckbox("Clear Results first", true);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            String bg = gd.getNextString().trim();
            boolean clear = gd.getNextBoolean();
            StainEstimateJob.Outcome o = new StainEstimateJob().run(new StainEstimateJob.Request(imp.getTitle(),
                    (ColorProcessor) imp.getProcessor(), IhcScorePlugin.roiMask(imp),
                    BackgroundRule.parse(bg.isEmpty() ? "auto" : bg), StainVectors.builtIn("h-dab")), new IjProgress());
            ResultsTable rt = ResultsTable.getResultsTable();
            if (clear) {
                rt.reset();
            }
            ResultsTables.append(rt, o.table());
            rt.show("Results");
            if (IJ.getInstance() == null) {
                System.out.println(TITLE + ": " + imp.getTitle() + ": vectors=[" + o.spec() + "]");
            } else {
                IJ.log(TITLE + ": " + imp.getTitle() + ": vectors=[" + o.spec() + "]");
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.CELLS);
        }
    }
}
