package org.ihcblotquant.plugin;

import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.IhcBatchJob;

/**
 * Analyze &gt; IHC Blot Quant &gt; IHC Batch: scores every image in a folder (recursively) and writes
 * images.csv and slides.csv to an output folder, with a progress bar; the per-image table also
 * goes to the Results window; an optional mask folder restricts each image to its mask. The
 * work and its guarantees (output checked first, inputs never overwritten, atomic tables) are
 * {@link IhcBatchJob}'s. Macro:
 * {@code run("IHC Batch", "input=[/data/slides] output=[/data/out] mask=[/data/masks]
 * slide=[^(\\w+)_] stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto marker=MDR-1");}
 */
public class IhcBatchPlugin implements PlugIn {
    private static final String TITLE = "IHC Batch";

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addDirectoryField("Input folder:", "");
        gd.addDirectoryField("Output folder:", "");
        gd.addDirectoryField("Mask folder (optional; <image name>.png, non-zero = analysed):", "");
        gd.addStringField("Slide pattern (regex, group 1 = slide id):", "", 24);
        IhcDialogFields.add(gd);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String input = gd.getNextString().trim();
        String output = gd.getNextString().trim();
        String maskDir = gd.getNextString().trim();
        String pattern = gd.getNextString().trim();
        try {
            IhcSettings settings = IhcDialogFields.read(gd).withSlidePattern(pattern.isEmpty() ? null : pattern);
            if (input.isEmpty()) {
                throw new FieldException("input", "give the folder of images to score");
            }
            if (output.isEmpty()) {
                throw new FieldException("out", "give the folder for images.csv and slides.csv");
            }
            Path out = Paths.get(output);
            IhcBatchJob.Request q = IhcBatchJob.Request.builder(settings).input(Paths.get(input))
                    .masks(maskDir.isEmpty() ? null : Paths.get(maskDir))
                    .outputs(out.resolve("images.csv"), out.resolve("slides.csv")).createFolders(true)
                    .command("IHC Batch input=[" + input + "] output=[" + output + "]").build();
            IhcBatchJob.Outcome o = new IhcBatchJob().run(q, new IjProgress());
            ResultsTables.showAsResults(o.images());
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
            if (o.ranOutOfMemory()) {
                UserMessages.warn(TITLE, "images too large for memory: " + UserMessages.MEMORY_ADVICE);
            }
            IJ.showStatus(TITLE + ": " + o.scored() + " of " + o.results().size() + " images scored");
            IJ.log(TITLE + ": " + o.results().size() + " images, " + o.scored() + " scored; wrote "
                    + out.resolve("images.csv") + " and " + out.resolve("slides.csv"));
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.IHC_BATCH);
        } finally {
            IJ.showProgress(1.0);
        }
    }
}
