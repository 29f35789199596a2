package org.ihcblotquant.scijava;

import java.io.File;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.IhcBatchJob;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** IHC batch: every image of a folder scored; images.csv and slides.csv written to the output folder. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "IHC Batch (script)")
public class IhcBatchCommand implements Command {

    @Parameter(persist = false, style = "directory")
    private File input;

    @Parameter(persist = false, style = "directory", description = "folder for images.csv and slides.csv (created if needed)")
    private File output;

    @Parameter(persist = false, style = "directory", required = false, description = "masks <image name>.png, non-zero = analysed")
    private File mask;

    @Parameter(persist = false, required = false, description = "regular expression whose first group is the slide id")
    private String slide = "";

    @Parameter(persist = false, required = false)
    private String stain = "H DAB";

    @Parameter(persist = false, required = false)
    private String vectors = "";

    @Parameter(persist = false, choices = {"cross product", "complement"}, required = false)
    private String third = "cross product";

    @Parameter(persist = false, required = false)
    private String background = "auto";

    @Parameter(persist = false, required = false)
    private String thresholds = "0.2,0.4,0.6";

    @Parameter(persist = false, required = false)
    private String tissue = "auto";

    @Parameter(persist = false, required = false)
    private String marker = "";

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable images;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable slides;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            IhcSettings s = StainParameters.settings(stain, vectors, third, background, thresholds, tissue, marker)
                    .withSlidePattern(slide == null || slide.trim().isEmpty() ? null : slide.trim());
            Path in = Commands.path(input);
            Path out = Commands.path(output);
            if (in == null) {
                throw new FieldException("input", "give the folder of images to score");
            }
            if (out == null) {
                throw new FieldException("out", "give the folder for images.csv and slides.csv");
            }
            IhcBatchJob.Outcome o = new IhcBatchJob().run(IhcBatchJob.Request.builder(s).input(in)
                    .masks(Commands.path(mask)).outputs(out.resolve("images.csv"), out.resolve("slides.csv"))
                    .createFolders(true).command("IHC Batch (script) input=" + in + " output=" + out).build(),
                    ProgressListener.NONE);
            images = Commands.table(o.images());
            slides = Commands.table(o.slides());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("IHC Batch", e, IhcScoreCommand.SPELLING);
        }
    }
}
