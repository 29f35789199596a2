package org.ihcblotquant.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ij.process.ColorProcessor;

import org.ihcblotquant.cohort.Shard;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.cohort.ShardWeight;
import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Threads;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.QcPicture;
import org.ihcblotquant.slide.SlideAnalysis;
import org.ihcblotquant.slide.SlideFiles;

/**
 * Pixel scoring of every image of every marker, images in parallel (one worker per thread asked
 * for), each image looked up first in the {@link ImageScoreCache}. A file that cannot be scored
 * becomes a row with an {@code error:} status and the run goes on. Results come back in a fixed
 * order (markers as in the study, files by path) whatever order the workers finished in.
 */
final class MarkerScoring {
    /** Note added to an image whose name the id pattern did not match. */
    static final String ID_NOT_MATCHED = "id pattern did not match; patient = file name";

    private final StudyConfig config;
    private final ImageScoreCache cache;

    MarkerScoring(StudyConfig config, ImageScoreCache cache) {
        this.config = config;
        this.cache = cache;
    }

    /** Scores all images; {@code reused[0]} receives how many came from the cache. */
    List<ScoredImage> run(StudyInputs inputs, ProgressListener progress, int[] reused) {
        return run(inputs, progress, reused, null);
    }

    /** As {@link #run(StudyInputs, ProgressListener, int[])} for the images of one shard (null: all). */
    List<ScoredImage> run(StudyInputs inputs, ProgressListener progress, int[] reused, ShardSpec shard) {
        List<Task> all = new ArrayList<>();
        for (MarkerSpec m : config.pixelMarkers()) {
            IhcAnalysis analysis = new IhcAnalysis(m.settings());
            SlideAnalysis slides = new SlideAnalysis(m.settings(), LevelChoice.byDefault(), 1);
            for (Path f : inputs.images(m.name())) {
                all.add(new Task(m, analysis, slides, f));
            }
        }
        List<Task> tasks = shard == null ? all
                : Shard.pick(all, t -> ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE.of(t.file), shard);
        int threads = config.threads() > 0 ? config.threads() : Threads.count();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger fromCache = new AtomicInteger();
        List<Future<ScoredImage>> futures = new ArrayList<>();
        try {
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    progress.checkCancelled();
                    ScoredImage s = score(t);
                    if (s.fromCache()) {
                        fromCache.incrementAndGet();
                    }
                    int n = done.incrementAndGet();
                    progress.progress(n / (double) tasks.size(), "images " + n + "/" + tasks.size() + ": "
                            + t.marker.name() + " " + t.file.getFileName());
                    return s;
                }));
            }
            List<ScoredImage> out = new ArrayList<>();
            for (Future<ScoredImage> f : futures) {
                out.add(f.get());
            }
            reused[0] = fromCache.get();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new InputException("scoring failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class Task {
        final MarkerSpec marker;
        final IhcAnalysis analysis;
        final SlideAnalysis slides;
        final Path file;

        Task(MarkerSpec marker, IhcAnalysis analysis, SlideAnalysis slides, Path file) {
            this.marker = marker;
            this.analysis = analysis;
            this.slides = slides;
            this.file = file;
        }
    }

    private ScoredImage score(Task t) throws IOException {
        String name = t.file.getFileName().toString();
        boolean[] matched = new boolean[1];
        String patient = config.patientOf(name, matched);
        String key = cache.enabled() ? ImageScoreCache.key(t.file, t.marker.settings()) : null;
        ImageScoreCache.Entry hit = key == null ? null : cache.get(key);
        if (hit != null) {
            return new ScoredImage(t.marker.name(), t.file, patient, matched[0],
                    identify(hit.row, name, patient, t.marker.name(), matched[0]), hit.counts, hit.thumbnail, true);
        }
        if (SlideFiles.isSlide(t.file)) {
            // a whole slide: read tile by tile at the slide package's default level, never whole
            SlideAnalysis.Outcome so = t.slides.scoreFile(t.file, ProgressListener.NONE);
            String[] row = cells(so.result);
            PixelCounts counts = so.result.isOk() ? so.result.counts() : null;
            byte[] thumb = so.score == null ? null : QcThumbnail.jpeg(QcPicture.of(so.score, name));
            if (key != null && so.score != null) {
                cache.put(key, anonymous(row), counts, thumb);
            }
            return new ScoredImage(t.marker.name(), t.file, patient, matched[0],
                    identify(row, name, patient, t.marker.name(), matched[0]), counts, thumb, false);
        }
        LoadedImage img = null;
        try {
            img = ImageFiles.read(t.file);
        } catch (InputException | OutOfMemoryError e) {
            img = null;
        }
        if (img == null || !img.isRgb()) {
            // the analysis makes the documented error row (unreadable, not RGB, too large)
            IhcImageResult r = t.analysis.scoreFile(t.file, ProgressListener.NONE);
            return new ScoredImage(t.marker.name(), t.file, patient, matched[0],
                    identify(cells(r), name, patient, t.marker.name(), matched[0]), null, null, false);
        }
        List<String> notes = new ArrayList<>(img.notes());
        if (img.isLossy()) {
            notes.add("lossy JPEG input");
        }
        ColorProcessor cp = (ColorProcessor) img.processor();
        int[] px = (int[]) cp.getPixels();
        IhcScorer scorer = t.analysis.scorer();
        IhcScorer.Calibration cal = scorer.calibrate(px, cp.getWidth(), cp.getHeight());
        IhcImageResult r = t.analysis.score(name, cp, null, notes, cal, ProgressListener.NONE);
        byte[] thumb = QcThumbnail.jpeg(QcPicture.ofImage(px, scorer.classify(px, cp.getWidth(), cp.getHeight(), null,
                cal), cp.getWidth(), cp.getHeight(), name));
        String[] row = cells(r);
        PixelCounts counts = r.isOk() ? r.counts() : null;
        if (key != null) {
            cache.put(key, anonymous(row), counts, thumb);
        }
        return new ScoredImage(t.marker.name(), t.file, patient, matched[0],
                identify(row, name, patient, t.marker.name(), matched[0]), counts, thumb, false);
    }

    private static String[] cells(IhcImageResult r) {
        Object[] cells = IhcTables.images(Collections.singletonList(r)).row(0);
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = CsvFormat.format(cells[i]);
        }
        return out;
    }

    /** The row without the cells that depend on the file's name (the cache keeps content only). */
    private static String[] anonymous(String[] row) {
        String[] out = row.clone();
        out[0] = "";
        out[1] = "";
        out[2] = "";
        return out;
    }

    private static String[] identify(String[] row, String name, String patient, String marker, boolean matched) {
        String[] out = row.clone();
        out[0] = name;
        out[1] = patient;
        out[2] = marker;
        if (!matched) {
            int n = java.util.Arrays.asList(IhcTables.IMAGE_COLUMNS).indexOf("notes");
            out[n] = out[n].isEmpty() ? ID_NOT_MATCHED : out[n] + "; " + ID_NOT_MATCHED;
        }
        return out;
    }

    /** Image table columns of a study: the IHC per-image columns with the patient id in place of the slide. */
    static List<String> imageColumns() {
        List<String> c = new ArrayList<>();
        for (String s : IhcTables.IMAGE_COLUMNS) {
            c.add(s.equals("slide") ? "patient" : s);
        }
        return c;
    }

    /** Pooled tallies per marker and patient (ok images only), patients in the order first seen. */
    static Map<String, Map<String, PooledScore>> pool(List<ScoredImage> images) {
        Map<String, Map<String, PooledScore>> out = new LinkedHashMap<>();
        for (ScoredImage s : images) {
            if (!s.isOk()) {
                continue;
            }
            Map<String, PooledScore> byPatient = out.computeIfAbsent(s.marker(), k -> new LinkedHashMap<>());
            byPatient.computeIfAbsent(s.patient(), k -> new PooledScore()).add(s.counts());
        }
        return out;
    }

    /** A patient's tissue pixels over all of their ok fields (tissue-weighted, as IhcTables.slides). */
    static final class PooledScore {
        final PixelCounts counts = new PixelCounts();
        int images;

        void add(PixelCounts c) {
            counts.add(c);
            images++;
        }

        double score(String column) {
            switch (column) {
                case "positive_fraction":
                    return counts.positiveFraction();
                case "dab_mean_od":
                    return counts.meanChromogen();
                case "h_score":
                    return counts.hScore();
                case "strong_pct":
                    return counts.percent(3);
                default:
                    throw new IllegalArgumentException("unknown score " + column);
            }
        }
    }
}
