package org.ihcblotquant.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.cohort.Shard;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.cohort.ShardWeight;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.QcFiles;
import org.ihcblotquant.slide.SlideAnalysis;
import org.ihcblotquant.slide.SlideFiles;
import org.ihcblotquant.slide.SlideScore;
import org.ihcblotquant.slide.SlideTables;

/**
 * IHC batch: scores image files and folders (recursively), builds the per-image and per-slide
 * tables with provenance, and writes them when output paths are given. Output paths are checked
 * before any image is read; inputs are never overwritten; mask files inside an input folder are
 * not scored, and when only masks are left the job stops.
 */
public final class IhcBatchJob implements Job<IhcBatchJob.Request, IhcBatchJob.Outcome> {

    /** Receives each image's result as soon as it is scored (a CLI prints a line per image). */
    public interface ImageListener {
        void scored(IhcImageResult result);
    }

    /** What to score and where to write. Immutable; build with {@link #builder}. */
    public static final class Request extends BatchRequest<IhcSettings> {
        final Path qcDir;

        private Request(IhcBatchJob.Builder b) {
            super(b);
            this.qcDir = b.qcDir;
        }

        public static IhcBatchJob.Builder builder(IhcSettings settings) {
            return new IhcBatchJob.Builder(settings);
        }
    }

    /** The shared batch options (level default: the one nearest 1 um/px) and the QC pictures. */
    public static final class Builder extends BatchRequest.Builder<IhcSettings, Builder> {
        private Path qcDir;

        private Builder(IhcSettings settings) {
            super(settings, "IHC batch", LevelChoice.byDefault());
        }

        @Override
        Builder self() {
            return this;
        }

        /** Folder for one QC picture per input ({@code <name>_qc.png}); null for none. */
        public Builder qc(Path dir) {
            this.qcDir = dir;
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }

    /** Per-image results and both tables. */
    public static final class Outcome extends JobOutcome {
        private final List<IhcImageResult> results;
        private final Table images;
        private final Table slides;
        private final Shard shard;

        Outcome(Provenance p, List<String> warnings, List<IhcImageResult> results, Table images, Table slides,
                Shard shard) {
            super(p, warnings);
            this.results = Collections.unmodifiableList(results);
            this.images = images;
            this.slides = slides;
            this.shard = shard;
        }

        /** The shard scored, or null when the request had none. */
        public Shard shard() {
            return shard;
        }

        public List<IhcImageResult> results() {
            return results;
        }

        public Table images() {
            return images;
        }

        public Table slides() {
            return slides;
        }

        public long scored() {
            return results.stream().filter(IhcImageResult::isOk).count();
        }

        /** True when an image failed for lack of memory (front ends say how to give Java more). */
        public boolean ranOutOfMemory() {
            for (IhcImageResult r : results) {
                if (r.status().contains(IhcAnalysis.TOO_LARGE)) {
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
        MaskFolder masks = q.masks == null ? null : new MaskFolder(q.masks);
        BatchInputs listed = BatchInputs.list(q.inputs, masks, q.shard, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE,
                p -> q.settings.slideOf(p.getFileName().toString(), null), "score");
        List<Path> files = listed.files;
        Shard shard = listed.shard;
        if (shard != null) {
            checkShardable(q, shard);
        }
        if (q.imagesCsv != null) {
            OutputFiles.checkFile(q.imagesCsv, "out", files, q.createFolders);
            OutputFiles.checkFile(q.slidesCsv, "slides", files, q.createFolders);
        }
        if (q.qcDir != null) {
            OutputFiles.checkFolder(q.qcDir, "qc", true);
        }
        IhcAnalysis analysis = new IhcAnalysis(q.settings, masks);
        // background rule "slide": one I0 per slide from the glass of all its fields, decided first
        SlidePrepass pre = new SlidePrepass(q.settings, masks, files, q.estimate);
        pre.run(progress);
        List<String> slideWarnings = new ArrayList<>(pre.warnings());
        SlideAnalysis slideAnalysis = new SlideAnalysis(q.settings, q.slideLevel, 
                org.ihcblotquant.core.Threads.count());
        List<IhcImageResult> results = new ArrayList<>();
        Map<IhcImageResult, SlideScore> slideScores = new IdentityHashMap<>();
        List<String> warnings = new ArrayList<>(slideWarnings);
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            Path f = files.get(i);
            IhcImageResult r;
            if (SlideFiles.isSlide(f)) {
                SlideAnalysis.Outcome so = masks != null ? SlideAnalysis.failed(f, q.settings,
                        "masks are not applied to whole slides; score slides without a mask folder")
                        : slideAnalysis.scoreFile(f, slice(progress, i, files));
                r = so.result;
                if (so.score != null) {
                    slideScores.put(r, so.score);
                }
            } else {
                org.ihcblotquant.stain.StainVectors estimated = pre.vectorsFor(f);
                IhcAnalysis a = estimated == null ? analysis
                        : new IhcAnalysis(q.settings.withVectors(estimated), masks);
                r = a.scoreFile(f, pre.backgroundFor(f), slice(progress, i, files));
            }
            if (q.qcDir != null && (r.isOk() || slideScores.containsKey(r))) {
                String w = QcFiles.write(f, r, slideScores.get(r), masks, q.settings, q.qcDir);
                if (w != null) {
                    warnings.add(w);
                }
            }
            results.add(r);
            if (each != null) {
                each.scored(r);
            }
        }
        progress.progress(1, "done");
        Provenance prov = Provenance.start(q.command);
        q.settings.describe(prov);
        prov.put("masks", masks == null ? "none (whole image)" : masks.dir() + "/<image name>.png, non-zero = analysed");
        for (java.util.Map.Entry<String, String> e : pre.slideBackgrounds().entrySet()) {
            prov.put("slide_background " + e.getKey(), e.getValue());
        }
        if (q.estimate != StainEstimateScope.NONE) {
            prov.put("stain_estimate", q.estimate.describe());
        }
        for (java.util.Map.Entry<String, String> e : pre.estimated().entrySet()) {
            prov.put("estimated_vectors " + e.getKey(), e.getValue());
        }
        // always recorded, and the slide columns always present: shards with and without slides
        // then have the same columns and settings lines and merge into what one run writes
        prov.put("slide_level", q.slideLevel.toString());
        if (shard != null) {
            shard.describe(prov);
        }
        Table images = SlideTables.withSlideColumns(IhcTables.images(results).addComments(prov.lines()), results,
                slideScores);
        Table slides = IhcTables.slides(results).addComments(prov.lines());
        for (IhcImageResult r : results) {
            for (String n : r.notes()) {
                if (n.startsWith(IhcAnalysis.TOO_FEW_PIXELS) || n.startsWith("palette colour image")) {
                    warnings.add(r.image() + ": " + n);
                }
            }
        }
        if (q.imagesCsv != null) {
            try {
                CsvFormat.write(images, q.imagesCsv);
                CsvFormat.write(slides, q.slidesCsv);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the tables: " + e.getMessage(), e);
            }
        }
        return new Outcome(prov, warnings, results, images, slides, shard);
    }

    /**
     * Settings that pool over several images give a shard's images the same values as one run only
     * when the pooled images are all in the shard: a slide's fields for a per-slide background or
     * per-slide stain vectors (the cut keeps slides whole when their fields lie together), never
     * the whole batch.
     */
    private static void checkShardable(Request q, Shard shard) {
        if (q.estimate == StainEstimateScope.BATCH) {
            throw new FieldException("shard", "stain vectors estimated once for the batch would come from each "
                    + "shard's images alone, unlike one run; estimate per slide or per image, or estimate once on "
                    + "the whole set and give the vectors to every task");
        }
        boolean perSlide = q.settings.background().isSlide() || q.estimate == StainEstimateScope.SLIDE;
        if (perSlide && !Boolean.TRUE.equals(shard.bySlide())) {
            throw new FieldException("shard", "a per-slide background or per-slide stain vectors need each slide's "
                    + "fields in one shard, but the fields of some slides are not next to each other in the sorted "
                    + "list; name fields after their slide or keep a folder per slide");
        }
    }

    /** Progress of one file as a slice of the whole batch. */
    private static ProgressListener slice(ProgressListener all, int index, List<Path> files) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                String name = files.get(index).getFileName().toString();
                all.progress((index + fraction) / files.size(), message == null ? name : name + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return all.isCancelled();
            }
        };
    }
}
