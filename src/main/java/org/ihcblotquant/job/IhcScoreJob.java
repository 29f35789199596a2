package org.ihcblotquant.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.io.Table;

/**
 * IHC score of one RGB image held in memory (the current image in Fiji), optionally inside a
 * region, with the same table row as the batch and, on request, the per-pixel classes for an
 * overlay (calibrated once for both, so the overlay shows exactly what was counted).
 */
public final class IhcScoreJob implements Job<IhcScoreJob.Request, IhcScoreJob.Outcome> {

    /** Immutable request. */
    public static final class Request {
        final String name;
        final ColorProcessor image;
        final byte[] region;
        final IhcSettings settings;
        final boolean classes;
        final boolean lossy;

        /**
         * @param name     image name for the table
         * @param image    the RGB pixels (not modified)
         * @param region   null, or non-zero where pixels are analysed (a ROI)
         * @param settings scoring settings
         * @param classes  also classify every pixel for an overlay
         * @param lossy    the image came from a lossy (JPEG) file: the row notes it, as the batch does
         */
        public Request(String name, ColorProcessor image, byte[] region, IhcSettings settings, boolean classes,
                boolean lossy) {
            this.name = name;
            this.image = image;
            this.region = region == null ? null : region.clone();
            this.settings = settings;
            this.classes = classes;
            this.lossy = lossy;
        }
    }

    /** The scored row and, when asked for, the classes (-1 not tissue, 0 negative, 1..3 weak..strong). */
    public static final class Outcome extends JobOutcome {
        private final IhcImageResult result;
        private final Table row;
        private final byte[] classes;

        Outcome(Provenance p, List<String> warnings, IhcImageResult result, Table row, byte[] classes) {
            super(p, warnings);
            this.result = result;
            this.row = row;
            this.classes = classes;
        }

        public IhcImageResult result() {
            return result;
        }

        /** One row with the columns of images.csv. */
        public Table row() {
            return row;
        }

        /** Per-pixel classes, or null when not requested. */
        public byte[] classes() {
            return classes == null ? null : classes.clone();
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        ColorProcessor cp = q.image;
        int[] px = (int[]) cp.getPixels();
        IhcAnalysis analysis = new IhcAnalysis(q.settings);
        IhcScorer.Calibration cal = analysis.scorer().calibrate(px, cp.getWidth(), cp.getHeight());
        List<String> notes = q.lossy ? Collections.singletonList("lossy JPEG input") : Collections.<String>emptyList();
        IhcImageResult r = analysis.score(q.name, cp, q.region, notes, cal, progress);
        byte[] classes = q.classes ? analysis.scorer().classify(px, cp.getWidth(), cp.getHeight(), q.region, cal)
                : null;
        Provenance p = Provenance.start("IHC score");
        p.put("input", q.name);
        q.settings.describe(p);
        List<String> warnings = new ArrayList<>();
        if (!r.isOk()) {
            warnings.add(q.name + ": " + r.status());
        }
        for (String n : r.notes()) {
            if (n.startsWith(IhcAnalysis.TOO_FEW_PIXELS) || n.startsWith("lossy JPEG")) {
                warnings.add(q.name + ": " + n);
            }
        }
        Table row = IhcTables.images(Collections.singletonList(r));
        return new Outcome(p, warnings, r, row, classes);
    }
}
