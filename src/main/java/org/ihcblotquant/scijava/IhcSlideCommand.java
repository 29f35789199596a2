package org.ihcblotquant.scijava;

import java.io.File;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Threads;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.SlideScoreJob;
import org.ihcblotquant.plugin.IhcScorePlugin;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.Overview;
import org.ihcblotquant.slide.SlideScore;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * IHC score of one whole-slide file read tile by tile (never opened whole): the row of the
 * per-image table with level and pixel size, and an overview with the weak/moderate/strong map as
 * an overlay.
 */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "IHC Score Slide (script)")
public class IhcSlideCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling(StainParameters.NAMES).with(names());

    private static java.util.Map<String, String> names() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        m.put("pixel-size", "pixel");
        m.put("input", "open");
        return m;
    }

    @Parameter(persist = false, description = "the slide file (SVS, OME-TIFF, tiled TIFF; more with Bio-Formats)")
    private File open;

    @Parameter(persist = false, required = false, description = "auto, or a pyramid level (0 = full resolution)")
    private String level = "auto";

    @Parameter(persist = false, required = false, description = "µm per pixel the auto level aims at")
    private String pixel = "1";

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
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus overview;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            String lv = level == null ? "" : level.trim();
            String px = pixel == null ? "" : pixel.trim();
            LevelChoice choice = lv.isEmpty() || lv.equalsIgnoreCase("auto")
                    ? LevelChoice.pixelSize(px.isEmpty() ? LevelChoice.DEFAULT_PIXEL_SIZE_UM
                            : Fields.number("pixel-size", px))
                    : LevelChoice.level(Fields.whole("level", lv));
            SlideScoreJob.Outcome o = new SlideScoreJob().run(new SlideScoreJob.Request(Commands.path(open),
                    StainParameters.settings(stain, vectors, third, background, thresholds, tissue, marker), choice,
                    Threads.count(), "IHC Score Slide (script) open=" + open), ProgressListener.NONE);
            results = Commands.table(o.row());
            warnings = Commands.lines(o.warnings());
            SlideScore s = o.score();
            Overview ov = s.overview();
            overview = new ImagePlus(open.getName() + " (overview)",
                    new ColorProcessor(ov.width, ov.height, ov.rgb.clone()));
            overview.setOverlay(IhcScorePlugin.overlay(s.classMap(), ov.width, ov.height));
            overview.setProperty("Info", String.join("\n", o.provenance().lines()));
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("IHC Score Slide", e, SPELLING);
        }
    }
}
