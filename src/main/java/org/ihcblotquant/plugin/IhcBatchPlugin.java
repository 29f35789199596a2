package org.ihcblotquant.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.Table;

/**
 * Analyze &gt; IHC Blot Quant &gt; IHC Batch: scores every image in a folder (recursively) and writes
 * images.csv and slides.csv to an output folder, with a progress bar; the per-image table also
 * goes to the Results window; an optional mask folder restricts each image to its mask. Macro:
 * {@code run("IHC Batch", "input=[/data/slides] output=[/data/out] mask=[/data/masks]
 * slide=[^(\\w+)_] stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto marker=MDR-1");}
 */
public class IhcBatchPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("IHC Batch");
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
            if (input.isEmpty() || output.isEmpty()) {
                throw new InputException("IHC Batch needs an input folder and an output folder");
            }
            Path in = Paths.get(input);
            Path out = Paths.get(output);
            MaskFolder masks = maskDir.isEmpty() ? null : new MaskFolder(Paths.get(maskDir));
            List<Path> files = ImageFiles.expand(Collections.singletonList(in));
            if (masks != null) {
                files.removeIf(masks::contains);
            }
            List<IhcImageResult> results = new IhcAnalysis(settings, masks).scoreFiles(files, new IjProgress());
            Provenance p = Provenance.start("IHC Batch input=" + input + " output=" + output);
            settings.describe(p);
            p.put("masks", masks == null ? "none (whole image)" : masks.dir() + "/<image name>.png, non-zero = analysed");
            Table images = IhcTables.images(results).addComments(p.lines());
            Table slides = IhcTables.slides(results).addComments(p.lines());
            CsvFormat.write(images, out.resolve("images.csv"));
            CsvFormat.write(slides, out.resolve("slides.csv"));
            ResultsTables.showAsResults(images);
            long ok = results.stream().filter(IhcImageResult::isOk).count();
            IJ.showStatus("IHC Batch: " + ok + " of " + results.size() + " images scored");
            IJ.log("IHC Batch: " + results.size() + " images, " + ok + " scored; wrote " + out.resolve("images.csv")
                    + " and " + out.resolve("slides.csv"));
        } catch (InputException e) {
            UserMessages.error("IHC Batch", e.getMessage());
        } catch (CancelledException e) {
            IJ.showStatus("IHC Batch cancelled; nothing written");
        } catch (IOException e) {
            UserMessages.error("IHC Batch", "cannot write results: " + e.getMessage());
        } finally {
            IJ.showProgress(1.0);
        }
    }
}
