package org.ihcblotquant.scijava;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.IhcScoreJob;
import org.ihcblotquant.plugin.IhcScorePlugin;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** IHC score of one RGB image (inside its area ROI, if any): the images.csv row as a table. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "IHC Score (script)")
public class IhcScoreCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling(StainParameters.NAMES);

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, choices = {"H DAB", "H&E DAB", "H AEC", "H&E", "Methyl Green DAB", "FastRed FastBlue DAB",
        "H DAB NewFuchsin", "QuPath H DAB", StainParameters.USER}, required = false)
    private String stain = "H DAB";

    @Parameter(persist = false, required = false, description = "user vectors, e.g. H:0.65,0.70,0.29;DAB:0.27,0.57,0.78")
    private String vectors = "";

    @Parameter(persist = false, choices = {"cross product", "complement"}, required = false)
    private String third = "cross product";

    @Parameter(persist = false, required = false, description = "auto, white or R,G,B")
    private String background = "auto";

    @Parameter(persist = false, required = false, description = "weak,moderate,strong lower bounds in DAB OD")
    private String thresholds = "0.2,0.4,0.6";

    @Parameter(persist = false, required = false, description = "auto or a total-OD threshold")
    private String tissue = "auto";

    @Parameter(persist = false, required = false)
    private String marker = "";

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            if (image == null) {
                throw StainParameters.noImage();
            }
            if (image.getType() != ImagePlus.COLOR_RGB) {
                throw new org.ihcblotquant.core.InputException(image.getTitle() + ": not an RGB colour image ("
                        + image.getBitDepth() + "-bit); IHC scoring needs a brightfield RGB image");
            }
            IhcScoreJob.Outcome o = new IhcScoreJob().run(new IhcScoreJob.Request(image.getTitle(),
                    (ColorProcessor) image.getProcessor(), IhcScorePlugin.roiMask(image),
                    StainParameters.settings(stain, vectors, third, background, thresholds, tissue, marker), false,
                    org.ihcblotquant.plugin.ImageSources.isLossyJpeg(image)), ProgressListener.NONE);
            results = Commands.table(o.row());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("IHC Score", e, SPELLING);
        }
    }
}
