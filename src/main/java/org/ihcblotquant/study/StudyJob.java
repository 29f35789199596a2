package org.ihcblotquant.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Job;

/**
 * Runs a study: reads and checks the study file and everything it names (stopping early with a
 * message saying what to fix), then its sections in order (pixel markers, the study table,
 * blots, group tests, survival), then writes {@code report.html}. Each section is a small
 * {@link StudySection}; per-image and per-blot failures are listed in the report and the run
 * finishes.
 */
public final class StudyJob implements Job<StudyRequest, StudyOutcome> {

    /** The sections in the order they run (later ones use what earlier ones left). */
    static List<StudySection> sections() {
        return Arrays.<StudySection>asList(new PixelMarkersSection(), new CellMarkersSection(),
                new StudyTableSection(), new BlotSection(),
                new PlateSection(), new GroupTestsSection(), new SurvivalSection());
    }

    @Override
    public StudyOutcome run(StudyRequest request, ProgressListener progress) {
        StudyConfig config = StudyConfigReader.read(request.studyFile());
        if (request.threads() >= 0) {
            config = config.withThreads(request.threads());
        }
        StudyInputs inputs = StudyPreflight.check(config);
        Path out = request.outDir().toAbsolutePath().normalize();
        checkOutput(config, out);
        OutputFolder folder = new OutputFolder(out);
        if (request.shard() != null) {
            return scoreShard(request, config, inputs, folder, progress);
        }
        ImageScoreCache cache = new ImageScoreCache(request.resume() ? folder.cacheDir() : null);
        StudyRun run = new StudyRun(config, inputs, folder, cache);
        List<StudySection> sections = sections();
        double total = 0;
        for (StudySection s : sections) {
            total += s.weight(run);
        }
        double done = 0;
        try {
            for (StudySection s : sections) {
                double w = s.weight(run);
                s.run(run, scaled(progress, done / total, w / total, s.name()));
                done += w;
                progress.checkCancelled();
            }
            String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String text = new String(Files.readAllBytes(config.file()), StandardCharsets.UTF_8);
            Path report = out.resolve("report.html");
            AtomicFiles.writeText(report, ReportWriter.html(run, text, date));
            progress.progress(1, "report written");
            Provenance p = StudyProvenance.of(config);
            p.put("date", date);
            return new StudyOutcome(p, run.warnings, report, run.files, run.imagesScored, run.imagesReused,
                    run.imagesFailed, run.studyRows);
        } catch (IOException e) {
            throw new InputException(out + ": cannot write the study's output: " + e.getMessage(), e);
        }
    }

    /**
     * One task of a job array: scores the shard's images into the cache of the output folder and
     * writes nothing else; the final run without a shard finds every image there and writes the
     * tables and the report, the same as a single run.
     */
    private static StudyOutcome scoreShard(StudyRequest request, StudyConfig config, StudyInputs inputs,
            OutputFolder folder, ProgressListener progress) {
        if (!request.resume()) {
            throw new FieldException("fresh", "a shard leaves its results in the output folder's cache for the "
                    + "final run; scoring it without the cache would leave nothing behind");
        }
        int[] reused = new int[1];
        List<ScoredImage> images = new MarkerScoring(config, new ImageScoreCache(folder.cacheDir()))
                .run(inputs, progress, reused, request.shard());
        int failed = 0;
        for (ScoredImage s : images) {
            failed += s.isOk() ? 0 : 1;
        }
        Provenance p = StudyProvenance.of(config);
        p.put("shard", request.shard().toString());
        return new StudyOutcome(p, inputs.warnings(), null, java.util.Collections.<String>emptyList(), images.size(),
                reused[0], failed, null);
    }

    /** The output folder must not be (inside) an input folder: its plots would be read as images next time. */
    private static void checkOutput(StudyConfig config, Path out) {
        for (MarkerSpec m : config.markers()) {
            for (Path input : m.inputs()) {
                Path in = input.toAbsolutePath().normalize();
                if (Files.isDirectory(in) && out.startsWith(in)) {
                    throw new FieldException("out", out + " is inside the image folder of marker " + m.name()
                            + "; choose an output folder outside the inputs");
                }
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new FieldException("out", out + " exists and is not a folder");
        }
    }

    /** Progress of one section mapped onto its share of the whole run. */
    private static ProgressListener scaled(ProgressListener p, double start, double share, String name) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                p.progress(start + share * Math.max(0, Math.min(1, fraction)), message == null ? name : message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }
}
