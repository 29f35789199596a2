package org.ihcblotquant.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.cells.CellAnalysis;
import org.ihcblotquant.cells.CellImageResult;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.cohort.Shard;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.cohort.ShardWeight;
import org.ihcblotquant.cells.SlideCells;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.Threads;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.SlideFiles;

/**
 * Cell-level IHC scoring of image files and folders: nuclei, classes, per-image, per-slide and
 * (optionally) per-cell tables with provenance. With the background rule {@code slide}, one I0 per
 * slide from the glass of all its fields; with a stain estimate scope, vectors estimated per image,
 * per slide or once for the batch (Macenko-type). Outputs are checked before any image is read.
 */
public final class CellsJob implements Job<CellsJob.Request, CellsJob.Outcome> {

    /** Receives each image's result as soon as it is analysed. */
    public interface ImageListener {
        void analysed(CellImageResult result);
    }

    /** Immutable request; build with {@link #builder}. */
    public static final class Request extends BatchRequest<CellSettings> {
        final Path cellsCsv;

        private Request(CellsJob.Builder b) {
            super(b);
            this.cellsCsv = b.cellsCsv;
        }

        public static CellsJob.Builder builder(CellSettings settings) {
            return new CellsJob.Builder(settings);
        }
    }

    /**
     * The shared batch options (level default null: the level nearest the settings' pixel size)
     * and the per-cell table.
     */
    public static final class Builder extends BatchRequest.Builder<CellSettings, Builder> {
        private Path cellsCsv;

        private Builder(CellSettings settings) {
            super(settings, "IHC cells", null);
        }

        @Override
        Builder self() {
            return this;
        }

        /** One row per cell; null for none. */
        public Builder cells(Path cells) {
            this.cellsCsv = cells;
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }

    /** Results, tables, and the vectors estimated per slide or batch (scope name to spec). */
    public static final class Outcome extends JobOutcome {
        private final List<CellImageResult> results;
        private final Table images;
        private final Table slides;
        private final Table cells;
        private final Map<String, String> estimatedVectors;
        private final Shard shard;

        Outcome(Provenance p, List<String> warnings, List<CellImageResult> results, Table images, Table slides,
                Table cells, Map<String, String> estimated, Shard shard) {
            super(p, warnings);
            this.results = Collections.unmodifiableList(results);
            this.images = images;
            this.slides = slides;
            this.cells = cells;
            this.estimatedVectors = Collections.unmodifiableMap(estimated);
            this.shard = shard;
        }

        /** The shard analysed, or null when the request had none. */
        public Shard shard() {
            return shard;
        }

        public List<CellImageResult> results() {
            return results;
        }

        public Table images() {
            return images;
        }

        public Table slides() {
            return slides;
        }

        /** Per-cell table, or null when not requested. */
        public Table cells() {
            return cells;
        }

        /** Vectors estimated per slide ("slide X") or for the batch ("batch"), in the vectors syntax. */
        public Map<String, String> estimatedVectors() {
            return estimatedVectors;
        }

        public long analysed() {
            return results.stream().filter(CellImageResult::isOk).count();
        }

        public boolean ranOutOfMemory() {
            for (CellImageResult r : results) {
                if (r.status().contains(CellAnalysis.TOO_LARGE)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public Outcome run(Request request, ProgressListener progress) {
        return run(request, progress, null);
    }

    public Outcome run(Request q, ProgressListener progress, ImageListener each) {
        BatchInputs.checkTables(q.inputs, q.imagesCsv, q.slidesCsv);
        if (q.cellsCsv != null && q.imagesCsv != null
                && (OutputFiles.same(q.cellsCsv, q.imagesCsv) || OutputFiles.same(q.cellsCsv, q.slidesCsv))) {
            throw new FieldException("cells-out", q.cellsCsv + " is also the per-image or per-slide table");
        }
        MaskFolder masks = q.masks == null ? null : new MaskFolder(q.masks);
        // the same cut as ihcq ihc --shard: slides weighed by their pixels, images by file size, slides
        // kept whole when their fields lie together
        BatchInputs listed = BatchInputs.list(q.inputs, masks, q.shard, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE,
                p -> q.settings.stain().slideOf(p.getFileName().toString(), null), "analyse");
        List<Path> files = listed.files;
        Shard shard = listed.shard;
        if (q.imagesCsv != null) {
            OutputFiles.checkFile(q.imagesCsv, "out", files, q.createFolders);
            OutputFiles.checkFile(q.slidesCsv, "slides", files, q.createFolders);
        }
        if (q.cellsCsv != null) {
            OutputFiles.checkFile(q.cellsCsv, "cells-out", files, q.createFolders);
        }
        CellSettings s = q.settings;
        List<String> warnings = new ArrayList<>();
        SlidePrepass pre = new SlidePrepass(s, masks, files, q.estimate);
        pre.run(progress);
        warnings.addAll(pre.warnings());
        if (shard != null) {
            warnings.addAll(shardWarnings(shard, s, q.estimate));
        }
        CellAnalysis analysis = new CellAnalysis(s, q.cellsCsv != null);
        SlideCells slideCells = new SlideCells(s, q.slideLevel, Threads.count(), q.cellsCsv != null);
        List<CellImageResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            Path f = files.get(i);
            CellAnalysis.Overrides over = pre.overridesFor(f);
            CellImageResult r = SlideFiles.isSlide(f)
                    ? slideCells.analyseFile(f, masks != null, over, slice(progress, i, files))
                    : analysis.analyseFile(f, masks, over, slice(progress, i, files));
            results.add(r);
            if (each != null) {
                each.analysed(r);
            }
        }
        progress.progress(1, "done");
        Provenance prov = Provenance.start(q.command);
        s.describe(prov);
        prov.put("masks", masks == null ? "none (whole image)" : masks.dir() + "/<image name>.png, non-zero = analysed");
        prov.put("stain_estimate", q.estimate.describe());
        prov.put("slide_level", slideCells.choice().toString());
        for (Map.Entry<String, String> e : pre.estimated().entrySet()) {
            prov.put("estimated_vectors " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : pre.slideBackgrounds().entrySet()) {
            prov.put("slide_background " + e.getKey(), e.getValue());
        }
        if (shard != null) {
            shard.describe(prov);
        }
        Table images = CellTables.images(results, s).addComments(prov.lines());
        Table slides = CellTables.slides(results, s).addComments(prov.lines());
        Table cells = q.cellsCsv == null ? null : CellTables.cells(results, s).addComments(prov.lines());
        try {
            if (q.imagesCsv != null) {
                CsvFormat.write(images, q.imagesCsv);
                CsvFormat.write(slides, q.slidesCsv);
            }
            if (cells != null) {
                CsvFormat.write(cells, q.cellsCsv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tables: " + e.getMessage(), e);
        }
        return new Outcome(prov, warnings, results, images, slides, cells, new LinkedHashMap<>(pre.estimated()),
                shard);
    }

    /** What a shard cannot reproduce of a single run: anything pooled over more than its own images. */
    static List<String> shardWarnings(Shard shard, CellSettings s, StainEstimateScope estimate) {
        List<String> w = new ArrayList<>();
        boolean slidesWhole = Boolean.TRUE.equals(shard.bySlide());
        if (s.stain().background().isSlide() && !slidesWhole) {
            w.add("background slide pools the glass of the fields in this shard only; keep a slide's fields "
                    + "together in the list (named after the slide, or a folder per slide) for one background per slide");
        }
        if (estimate == StainEstimateScope.SLIDE && !slidesWhole) {
            w.add("stain-estimate slide pools the fields of a slide in this shard only; keep a slide's fields "
                    + "together in the list for one estimate per slide");
        }
        if (estimate == StainEstimateScope.BATCH) {
            w.add("stain-estimate batch estimates the vectors from this shard's images only, so shards may use "
                    + "different vectors (the merge refuses them); estimate once and pass --vectors instead");
        }
        return w;
    }

    private static ProgressListener slice(ProgressListener all, int index, List<Path> files) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                all.progress((index + fraction) / files.size(), files.get(index).getFileName().toString());
            }

            @Override
            public boolean isCancelled() {
                return all.isCancelled();
            }
        };
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
