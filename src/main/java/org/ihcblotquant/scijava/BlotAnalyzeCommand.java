package org.ihcblotquant.scijava;

import java.awt.Rectangle;
import java.util.Collections;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.BlotAnalyzeJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.plugin.ImageSources;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Blot densitometry of the image (inside its rectangular selection, if any): lanes, band rows,
 * background, band volumes, normalisation to the loading control. The band table and the
 * provenance (settings, signal conversion, lanes) come back as outputs.
 */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Blot Analyze (script)")
public class BlotAnalyzeCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("reference-lane", "reference", "min-snr", "minimum",
            "max-control-cv", "cv_limit", "roi", "image");

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, required = false, description = "protein names top to bottom; empty = row1,row2,...")
    private String rows = "";

    @Parameter(persist = false, required = false, description = "loading control or total protein; empty = none")
    private String control = "";

    @Parameter(persist = false, required = false, description = "1-based lane(s) whose mean normalized value is 1")
    private String reference = "1";

    @Parameter(persist = false, required = false, description = "0 = detect")
    private int lanes;

    @Parameter(persist = false, choices = {"auto", "dark", "light"}, required = false)
    private String polarity = "auto";

    @Parameter(persist = false, required = false, description = "profile, border, border:W, lane, rolling:R or none")
    private String background = "profile";

    @Parameter(persist = false, choices = {"auto", "first", "last", "none"}, required = false,
            description = "molecular-weight marker lane, measured but left out of the normalisation")
    private String ladder = "auto";

    @Parameter(persist = false, required = false,
            description = "two bands not resolved down to the baseline measured as one band")
    private boolean merge;

    @Parameter(persist = false, required = false, description = "bands below this SNR are flagged low-snr")
    private double minimum = BlotSettings.DEFAULT_MIN_SNR;

    @Parameter(persist = false, required = false, description = "warn above this CV (%) of the control across lanes")
    private double cv_limit = 100 * BlotSettings.DEFAULT_MAX_CONTROL_CV;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private String provenance;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            if (image == null) {
                throw StainParameters.noImage();
            }
            BlotAnalyzeJob.Outcome o = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(
                    Collections.singletonList(BlotAnalyzeJob.BlotImage.pixels(image.getTitle(), image.getProcessor(),
                            ImageSources.isLossyJpeg(image), rowNames(), region())),
                    withMerge(withLadder(settings(lanes, polarity, background, minimum, cv_limit), ladder), merge), control,
                    Fields.wholes("reference-lane", reference), null, null, 0, "Blot Analyze (script) " + image.getTitle()),
                    ProgressListener.NONE);
            results = Commands.table(o.table());
            provenance = String.join("\n", o.provenance().lines());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Blot Analyze", e, SPELLING);
        }
    }

    private List<String> rowNames() {
        return rows == null || rows.trim().isEmpty() ? null : Fields.names("rows", rows);
    }

    private Rectangle region() {
        Roi sel = image.getRoi();
        return sel != null && sel.getType() == Roi.RECTANGLE ? sel.getBounds() : null;
    }

    private static BlotSettings withMerge(BlotSettings s, boolean merge) {
        s.mergeDoublets = merge;
        return s;
    }

    private static BlotSettings withLadder(BlotSettings s, String ladder) {
        s.ladder = org.ihcblotquant.blot.Ladder.parse("ladder", ladder == null ? "auto" : ladder);
        return s;
    }

    /** Settings from the parameters, checked as the ImageJ 1 commands check them. */
    static BlotSettings settings(int lanes, String polarity, String background, double minSnr, double cvLimit) {
        BlotSettings s = new BlotSettings();
        if (lanes < 0) {
            throw new FieldException("lanes", "must be 0 (detect) or more");
        }
        s.lanes = lanes;
        s.polarity = Polarity.parse("polarity", polarity);
        s.background = BackgroundMethod.parse("background", background);
        if (!(minSnr >= 0)) {
            throw new FieldException("min-snr", "must be a number >= 0");
        }
        s.minSnr = minSnr;
        if (!(cvLimit > 0)) {
            throw new FieldException("max-control-cv", "must be a percentage above 0");
        }
        s.maxControlCv = cvLimit / 100;
        return s;
    }
}
