package org.ihcblotquant.scijava;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.StainEstimateJob;
import org.ihcblotquant.plugin.IhcScorePlugin;
import org.ihcblotquant.stain.StainVectors;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Hematoxylin and DAB vectors estimated from one RGB image (inside its area ROI, if any),
 * Macenko-type: a table with one row per stain and the vectors in the syntax of the
 * {@code vectors} parameter of the IHC commands, ready to pass on with {@code stain=User vectors}.
 */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Estimate Stain Vectors (script)")
public class EstimateStainVectorsCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("stain-estimate", "image");

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, required = false, description = "auto, white or R,G,B")
    private String background = "auto";

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private String vectors;

    @Override
    public void run() {
        try {
            if (image == null) {
                throw StainParameters.noImage();
            }
            if (image.getType() != ImagePlus.COLOR_RGB) {
                throw new InputException(image.getTitle() + ": not an RGB colour image (" + image.getBitDepth()
                        + "-bit); stain vectors need a brightfield RGB image");
            }
            StainEstimateJob.Outcome o = new StainEstimateJob().run(new StainEstimateJob.Request(image.getTitle(),
                    (ColorProcessor) image.getProcessor(), IhcScorePlugin.roiMask(image),
                    StainParameters.background(background == null ? "" : background), StainVectors.builtIn("h-dab")),
                    ProgressListener.NONE);
            results = Commands.table(o.table());
            vectors = o.spec();
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Estimate Stain Vectors", e, SPELLING);
        }
    }
}
