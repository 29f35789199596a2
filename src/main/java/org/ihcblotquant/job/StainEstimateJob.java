package org.ihcblotquant.job;

import java.util.Collections;

import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellAnalysis;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;

/**
 * Estimates the counterstain and chromogen vectors of one RGB image in memory (Macenko-type, see
 * {@link StainVectorEstimator}), optionally inside a region, and gives them in the vectors syntax
 * so they can be pasted into any IHC command. Too little stain is a {@link FieldException} on
 * {@code stain-estimate}.
 */
public final class StainEstimateJob implements Job<StainEstimateJob.Request, StainEstimateJob.Outcome> {

    public static final class Request {
        final String name;
        final ColorProcessor image;
        final byte[] region;
        final BackgroundRule background;
        final StainVectors names;

        /** @param names the set whose counterstain and chromogen names the estimate takes (e.g. H DAB) */
        public Request(String name, ColorProcessor image, byte[] region, BackgroundRule background,
                StainVectors names) {
            this.name = name;
            this.image = image;
            this.region = region == null ? null : region.clone();
            this.background = background;
            this.names = names;
        }
    }

    public static final class Outcome extends JobOutcome {
        private final StainVectors vectors;
        private final String spec;
        private final Table table;

        Outcome(Provenance p, StainVectors vectors, String spec, Table table) {
            super(p, Collections.<String>emptyList());
            this.vectors = vectors;
            this.spec = spec;
            this.table = table;
        }

        public StainVectors vectors() {
            return vectors;
        }

        /** In the vectors syntax, e.g. {@code Hematoxylin:0.6500,0.7040,0.2860;DAB:0.2680,0.5700,0.7760}. */
        public String spec() {
            return spec;
        }

        /** One row per stain: image, stain, r, g, b, pixels_used, separation_deg. */
        public Table table() {
            return table;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        int[] px = (int[]) q.image.getPixels();
        int w = q.image.getWidth();
        int h = q.image.getHeight();
        Background bg = q.background.resolve(BackgroundEstimator.survey(px, w, h));
        StainVectorEstimator est = new StainVectorEstimator();
        est.add(px, w, h, q.region, bg);
        StainVectorEstimator.Estimate e;
        try {
            e = est.estimate();
        } catch (org.ihcblotquant.core.InputException ex) {
            throw new FieldException("stain-estimate", q.name + ": " + ex.getMessage());
        }
        StainVectors v = CellAnalysis.named(e, q.names);
        String spec = CellAnalysis.spec(v);
        Table t = new Table("image", "stain", "r", "g", "b", "pixels_used", "separation_deg");
        t.addRow(q.name, v.stains().get(0).name(), e.counterstain[0], e.counterstain[1], e.counterstain[2],
                e.pixelsUsed, e.separationDeg);
        t.addRow(q.name, v.stains().get(1).name(), e.chromogen[0], e.chromogen[1], e.chromogen[2], e.pixelsUsed,
                e.separationDeg);
        Provenance p = Provenance.start("Estimate stain vectors");
        p.put("input", q.name);
        p.put("background", bg);
        p.put("method", StainEstimateScope.IMAGE.describe());
        p.put("vectors", spec);
        return new Outcome(p, v, spec, t.addComments(p.lines()));
    }
}
