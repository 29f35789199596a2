package org.ihcblotquant.scijava;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.Compartment;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CellScoreJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.plugin.CellsPlugin;
import org.ihcblotquant.plugin.ImageSources;
import org.ihcblotquant.plugin.IhcScorePlugin;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Cell-level IHC of one RGB image (inside its area ROI, if any): the summary row with the columns
 * of {@code ihcq cells}' per-image table, one row per cell, and the vectors used.
 */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "IHC Cells (script)")
public class CellsCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling(StainParameters.NAMES).with(names());

    private static java.util.Map<String, String> names() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        String[] pairs = {"pixel-size", "pixel", "nucleus-area", "nucleus", "nucleus-od", "hematoxylin",
            "cell-expansion", "cell", "stain-estimate", "estimate", "cells-out", "save"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, required = false, description = "a built-in stain set or User vectors")
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

    @Parameter(persist = false, required = false,
            description = "µm per pixel; auto: the image calibration when in µm, else 0.5")
    private String pixel = "auto";

    @Parameter(persist = false, choices = {"nucleus", "cytoplasm", "cell"}, required = false)
    private String compartment = "nucleus";

    @Parameter(persist = false, required = false, description = "min,max nucleus area in µm²")
    private String nucleus = "10,400";

    @Parameter(persist = false, required = false, description = "auto or a hematoxylin OD threshold")
    private String hematoxylin = "auto";

    @Parameter(persist = false, required = false, description = "smoothing sigma in µm")
    private double smoothing = 0.5;

    @Parameter(persist = false, required = false, description = "split prominence in µm")
    private double split = 0.25;

    @Parameter(persist = false, required = false, description = "cell expansion around each nucleus in µm")
    private double cell = 5;

    @Parameter(persist = false, required = false, description = "estimate the stain vectors from the image")
    private boolean estimate = false;

    @Parameter(persist = false, required = false, description = "CSV file for one row per cell (optional)")
    private File save;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable cells;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            if (image == null) {
                throw StainParameters.noImage();
            }
            if (image.getType() != ImagePlus.COLOR_RGB) {
                throw new InputException(image.getTitle() + ": not an RGB colour image (" + image.getBitDepth()
                        + "-bit); cell scoring needs a brightfield RGB image");
            }
            CellScoreJob.Outcome o = new CellScoreJob().run(new CellScoreJob.Request(image.getTitle(),
                    (ColorProcessor) image.getProcessor(), IhcScorePlugin.roiMask(image), settings(), estimate,
                    ImageSources.isLossyJpeg(image), Commands.path(save)), ProgressListener.NONE);
            results = Commands.table(o.summary());
            cells = Commands.table(o.cells());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("IHC Cells", e, SPELLING);
        }
    }

    private CellSettings settings() {
        String p = pixel == null ? "" : pixel.trim();
        double px = p.isEmpty() || p.equalsIgnoreCase("auto") ? CellsPlugin.defaultPixelSize(image)
                : Fields.number("pixel-size", p);
        CellSettings s = CellSettings.defaults()
                .withStain(StainParameters.settings(stain, vectors, third, background, thresholds, tissue, marker))
                .withPixelSize(px).withCompartment(Compartment.parse(compartment));
        double[] a = Fields.numbers("nucleus-area", nucleus);
        if (a.length != 2) {
            throw new FieldException("nucleus-area", "need MIN,MAX in µm², got '" + nucleus + "'");
        }
        s = s.withAreaLimits(a[0], a[1]);
        String h = hematoxylin == null ? "" : hematoxylin.trim();
        if (!h.isEmpty() && !h.equalsIgnoreCase("auto")) {
            s = s.withNucleusOd(Fields.number("nucleus-od", h));
        }
        return s.withSmoothing(smoothing).withSplit(split).withExpansion(cell);
    }
}
