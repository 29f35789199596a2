package org.ihcblotquant.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellAnalysis;
import org.ihcblotquant.cells.CellImageResult;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;

/**
 * Cell-level score of one RGB image held in memory (the current image in Fiji), optionally inside a
 * region: the summary row with the columns of the batch's per-image table, one row per cell, and
 * the nuclei with their outlines for an overlay.
 */
public final class CellScoreJob implements Job<CellScoreJob.Request, CellScoreJob.Outcome> {

    public static final class Request {
        final String name;
        final ColorProcessor image;
        final byte[] region;
        final CellSettings settings;
        final boolean estimateVectors;
        final boolean lossy;
        final Path cellsCsv;

        /**
         * @param region          null, or non-zero where cells are analysed (a ROI)
         * @param estimateVectors estimate the stain vectors from this image (Macenko) instead of the settings'
         * @param lossy           the image came from a lossy (JPEG) file: the row notes it
         * @param cellsCsv        where to write one row per cell, or null
         */
        public Request(String name, ColorProcessor image, byte[] region, CellSettings settings,
                boolean estimateVectors, boolean lossy, Path cellsCsv) {
            this.name = name;
            this.image = image;
            this.region = region == null ? null : region.clone();
            this.settings = settings;
            this.estimateVectors = estimateVectors;
            this.lossy = lossy;
            this.cellsCsv = cellsCsv;
        }
    }

    public static final class Outcome extends JobOutcome {
        private final CellImageResult result;
        private final Table summary;
        private final Table cells;

        Outcome(Provenance p, List<String> warnings, CellImageResult result, Table summary, Table cells) {
            super(p, warnings);
            this.result = result;
            this.summary = summary;
            this.cells = cells;
        }

        /** The image's result with its nuclei (outlines included). */
        public CellImageResult result() {
            return result;
        }

        /** One row with the columns of the per-image table. */
        public Table summary() {
            return summary;
        }

        /** One row per cell. */
        public Table cells() {
            return cells;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        if (q.cellsCsv != null) {
            OutputFiles.checkFile(q.cellsCsv, "cells-out", Collections.<Path>emptyList(), false);
        }
        List<String> notes = q.lossy ? Collections.singletonList("lossy JPEG input") : Collections.<String>emptyList();
        CellAnalysis analysis = new CellAnalysis(q.settings);
        CellImageResult r = analysis.analyse(q.name, q.image, q.region, notes,
                new CellAnalysis.Overrides(null, null, q.estimateVectors), true, progress);
        Provenance p = Provenance.start("IHC cells");
        p.put("input", q.name);
        q.settings.describe(p);
        if (q.estimateVectors) {
            p.put("stain_estimate", StainEstimateScope.IMAGE.describe());
        }
        if (r.vectors() != null) {
            p.put("stain_vectors_used", r.vectors());
        }
        List<String> warnings = new ArrayList<>();
        if (!r.isOk()) {
            warnings.add(q.name + ": " + r.status());
        }
        List<CellImageResult> one = Collections.singletonList(r);
        Table cells = CellTables.cells(one, q.settings).addComments(p.lines());
        if (q.cellsCsv != null) {
            try {
                CsvFormat.write(cells, q.cellsCsv);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + q.cellsCsv + ": " + e.getMessage(), e);
            }
        }
        return new Outcome(p, warnings, r, CellTables.images(one, q.settings), cells);
    }
}
