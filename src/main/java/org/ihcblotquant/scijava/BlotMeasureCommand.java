package org.ihcblotquant.scijava;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.BlotMeasureJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.plugin.ImageSources;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Re-measures bands at given boxes: {@code boxes} lists {@code laneN:protein=x,y,w,h} (band boxes)
 * and {@code laneN=x,y,w,h} (lane strips) separated by ';'; empty takes the ROI Manager's
 * rectangles named that way (as Blot Analyze leaves them in Fiji).
 */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Blot Measure (script)")
public class BlotMeasureCommand implements Command {

    @Parameter(persist = false)
    private ImagePlus image;

    @Parameter(persist = false, required = false, description = "lane1:actin=x,y,w,h;lane2:actin=...; empty = the ROI Manager")
    private String boxes = "";

    @Parameter(persist = false, required = false)
    private String control = "";

    @Parameter(persist = false, required = false)
    private String reference = "1";

    @Parameter(persist = false, choices = {"auto", "dark", "light"}, required = false)
    private String polarity = "auto";

    @Parameter(persist = false, required = false)
    private String background = "profile";

    @Parameter(persist = false, required = false)
    private double minimum = BlotSettings.DEFAULT_MIN_SNR;

    @Parameter(persist = false, required = false)
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
            BlotSettings s = BlotAnalyzeCommand.settings(0, polarity, background, minimum, cv_limit);
            BlotMeasureJob.Outcome o = new BlotMeasureJob().run(new BlotMeasureJob.Request(image.getTitle(),
                    image.getProcessor(), ImageSources.isLossyJpeg(image), s.polarity, s.background, boxes(), control,
                    Fields.wholes("reference-lane", reference), s.minSnr, s.maxControlCv), ProgressListener.NONE);
            results = Commands.table(o.table());
            provenance = String.join("\n", o.provenance().lines());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Blot Measure", e, BlotAnalyzeCommand.SPELLING);
        }
    }

    private List<BlotMeasureJob.NamedBox> boxes() {
        List<BlotMeasureJob.NamedBox> out = new ArrayList<>();
        if (boxes == null || boxes.trim().isEmpty()) {
            RoiManager rm = RoiManager.getInstance();
            if (rm != null) {
                for (Roi r : rm.getRoisAsArray()) {
                    out.add(new BlotMeasureJob.NamedBox(r.getName(), r.getBounds()));
                }
            }
            return out;
        }
        for (String spec : boxes.split(";")) {
            if (spec.trim().isEmpty()) {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new FieldException("boxes", "'" + spec.trim() + "': expected NAME=x,y,w,h");
            }
            int[] v = Fields.wholes("boxes", spec.substring(eq + 1));
            if (v.length != 4 || v[2] < 1 || v[3] < 1) {
                throw new FieldException("boxes", "'" + spec.trim() + "': expected NAME=x,y,width,height");
            }
            out.add(new BlotMeasureJob.NamedBox(spec.substring(0, eq), new Rectangle(v[0], v[1], v[2], v[3])));
        }
        return out;
    }
}
