package org.ihcblotquant.plugin;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.Threads;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.SlideScoreJob;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.Overview;
import org.ihcblotquant.slide.SlideScore;

/**
 * Analyze &gt; IHC Blot Quant &gt; IHC Score Slide: scores a whole-slide file tile by tile without
 * opening it in ImageJ (ImageJ would load the full-resolution level whole). Reads SVS, OME-TIFF
 * and other tiled/pyramidal TIFFs itself; other formats (JPEG 2000 SVS, NDPI, MRXS...) through
 * Bio-Formats when Fiji has it, region by region. Shows a thumbnail with the tissue outline and
 * the weak/moderate/strong map as an overlay and adds one row to the Results table. Esc cancels.
 * Macro: {@code run("IHC Score Slide", "open=[/data/S1.svs] level=auto pixel=1 stain=[H DAB]
 * background=auto thresholds=0.2,0.4,0.6 tissue=auto marker=Ki67");}
 */
public class IhcSlidePlugin implements PlugIn {
    private static final String TITLE = "IHC Score Slide";
    static final FieldSpelling KEYS = MacroKeys.IHC.with(keys());

    private static Map<String, String> keys() {
        Map<String, String> m = new HashMap<>();
        m.put("pixel-size", "pixel");
        m.put("input", "open");
        return m;
    }

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Open slide:", "");
        gd.addStringField("Level (auto, or 0 = full resolution):", "auto", 8);
        gd.addStringField("Pixel size for auto level (um/px):", "1", 8);
        IhcDialogFields.add(gd);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String open = gd.getNextString().trim();
        String level = gd.getNextString().trim();
        String pixel = gd.getNextString().trim();
        try {
            IhcSettings settings = IhcDialogFields.read(gd);
            if (open.isEmpty()) {
                throw new FieldException("input", "choose the slide file to score");
            }
            LevelChoice choice = level.isEmpty() || level.equalsIgnoreCase("auto")
                    ? LevelChoice.pixelSize(pixel.isEmpty() ? LevelChoice.DEFAULT_PIXEL_SIZE_UM
                            : Fields.number("pixel-size", pixel))
                    : LevelChoice.level(Fields.whole("level", level));
            Path file = Paths.get(open);
            SlideScoreJob.Outcome o = new SlideScoreJob().run(new SlideScoreJob.Request(file, settings, choice,
                    Threads.count(), TITLE + " open=[" + file + "]"), new IjProgress());
            show(file, o);
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, KEYS);
        } finally {
            IJ.showProgress(1.0);
        }
    }

    private static void show(Path file, SlideScoreJob.Outcome o) {
        SlideScore s = o.score();
        IhcImageResult r = s.result();
        Table t = o.row();
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) {
            rt = new ResultsTable();
        }
        ResultsTables.append(rt, t);
        rt.show("Results");
        Overview ov = s.overview();
        ImagePlus imp = new ImagePlus(file.getFileName() + " (overview)", new ColorProcessor(ov.width, ov.height,
                ov.rgb.clone()));
        imp.setOverlay(IhcScorePlugin.overlay(s.classMap(), ov.width, ov.height));
        // pixel size of level 0 from the scored level's: sizes scale with the level widths
        double ps0 = s.pixelSizeUm() * s.result().width() / (double) ov.level0Width;
        if (!Double.isNaN(ps0)) {
            Calibration cal = imp.getCalibration();
            cal.pixelWidth = ps0 * ov.scaleX;
            cal.pixelHeight = ps0 * ov.scaleY;
            cal.setUnit("um");
        }
        imp.setProperty("Info", String.join("\n", o.provenance().lines()));
        imp.show();
        if (r.isOk()) {
            IJ.showStatus(String.format(Locale.ROOT, "%s: level %d, H-score %.1f, positive %.1f%%", TITLE, s.level(),
                    r.counts().hScore(), 100 * r.counts().positiveFraction()));
        }
        for (String w : o.warnings()) {
            UserMessages.warn(TITLE, w);
        }
    }
}
