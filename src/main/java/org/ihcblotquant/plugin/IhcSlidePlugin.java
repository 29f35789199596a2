package org.ihcblotquant.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.slide.BioFormatsSlide;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.Overview;
import org.ihcblotquant.slide.SlideScore;
import org.ihcblotquant.slide.SlideScorer;
import org.ihcblotquant.slide.SlideSource;
import org.ihcblotquant.slide.SlideTables;
import org.ihcblotquant.slide.TiffSlide;

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
            Path file = Paths.get(open);
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + ": file not found");
            }
            LevelChoice choice = level.isEmpty() || level.equalsIgnoreCase("auto")
                    ? LevelChoice.pixelSize(pixel.isEmpty() ? LevelChoice.DEFAULT_PIXEL_SIZE_UM
                            : Fields.number("pixel-size", pixel))
                    : LevelChoice.level(Fields.whole("level", level));
            SlideScore s = score(file, settings, choice);
            show(file, s, settings, choice);
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, KEYS);
        } finally {
            IJ.showProgress(1.0);
        }
    }

    /** Our reader first; Bio-Formats for what it cannot read, when Fiji has Bio-Formats. */
    static SlideScore score(Path file, IhcSettings settings, LevelChoice choice) {
        SlideScorer scorer = new SlideScorer(settings);
        InputException ours;
        try (SlideSource src = TiffSlide.open(file)) {
            return scorer.score(src, choice, new IjProgress());
        } catch (InputException e) {
            ours = e;
        }
        if (!BioFormatsSlide.available()) {
            throw new InputException(ours.getMessage() + " (Bio-Formats, which reads more formats, is not installed)",
                    ours);
        }
        IJ.log(TITLE + ": " + ours.getMessage() + "; reading it through Bio-Formats");
        try (SlideSource src = BioFormatsSlide.open(file)) {
            return scorer.score(src, choice, new IjProgress());
        }
    }

    private static void show(Path file, SlideScore s, IhcSettings settings, LevelChoice choice) {
        IhcImageResult r = s.result();
        Provenance prov = Provenance.start(TITLE + " open=[" + file + "]");
        settings.describe(prov);
        prov.put("slide_level", choice + ": level " + s.level());
        Map<IhcImageResult, SlideScore> m = new IdentityHashMap<>();
        m.put(r, s);
        Table t = SlideTables.withSlideColumns(IhcTables.images(Collections.singletonList(r)),
                Collections.singletonList(r), m);
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
        imp.setProperty("Info", String.join("\n", prov.lines()));
        imp.show();
        if (r.isOk()) {
            IJ.showStatus(String.format(Locale.ROOT, "%s: level %d, H-score %.1f, positive %.1f%%", TITLE, s.level(),
                    r.counts().hScore(), 100 * r.counts().positiveFraction()));
        } else {
            UserMessages.warn(TITLE, r.image() + ": " + r.status());
        }
    }
}
