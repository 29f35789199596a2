package org.ihcblotquant.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.slide.BioFormatsSlide;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.SlideScore;
import org.ihcblotquant.slide.SlideScorer;
import org.ihcblotquant.slide.SlideSource;
import org.ihcblotquant.slide.SlideTables;
import org.ihcblotquant.slide.TiffSlide;

/**
 * IHC score of one whole-slide file, tile by tile at the chosen pyramid level: our own TIFF
 * reader first (SVS, OME-TIFF, tiled/pyramidal TIFF), Bio-Formats for what it cannot read when
 * Bio-Formats is on the class path (Fiji). The row has the per-image columns plus level and pixel
 * size; the score keeps the overview, tissue mask and class map for an overlay.
 */
public final class SlideScoreJob implements Job<SlideScoreJob.Request, SlideScoreJob.Outcome> {

    public static final class Request {
        final Path file;
        final IhcSettings settings;
        final LevelChoice level;
        final int threads;
        final String command;

        /** @param threads scoring threads (at least 1) */
        public Request(Path file, IhcSettings settings, LevelChoice level, int threads, String command) {
            this.file = file;
            this.settings = settings;
            this.level = level;
            this.threads = Math.max(1, threads);
            this.command = command;
        }
    }

    public static final class Outcome extends JobOutcome {
        private final SlideScore score;
        private final Table row;

        Outcome(Provenance p, List<String> warnings, SlideScore score, Table row) {
            super(p, warnings);
            this.score = score;
            this.row = row;
        }

        public SlideScore score() {
            return score;
        }

        /** One row: the per-image columns of {@code ihcq ihc} plus level and pixel size. */
        public Table row() {
            return row;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        if (q.file == null) {
            throw new FieldException("input", "choose the slide file to score");
        }
        if (!Files.isRegularFile(q.file)) {
            throw new InputException(q.file + ": file not found");
        }
        List<String> warnings = new ArrayList<>();
        SlideScorer scorer = new SlideScorer(q.settings, q.threads);
        SlideScore s;
        InputException ours;
        try (SlideSource src = TiffSlide.open(q.file)) {
            s = scorer.score(src, q.level, progress);
            ours = null;
        } catch (InputException e) {
            ours = e;
            s = null;
        }
        if (s == null) {
            if (!BioFormatsSlide.available()) {
                throw new InputException(ours.getMessage()
                        + " (Bio-Formats, which reads more formats, is not installed)", ours);
            }
            warnings.add(ours.getMessage() + "; read through Bio-Formats");
            try (SlideSource src = BioFormatsSlide.open(q.file)) {
                s = scorer.score(src, q.level, progress);
            }
        }
        IhcImageResult r = s.result();
        if (!r.isOk()) {
            warnings.add(r.image() + ": " + r.status());
        }
        Provenance prov = Provenance.start(q.command);
        q.settings.describe(prov);
        prov.put("input", q.file.getFileName());
        prov.put("slide_level", q.level + ": level " + s.level());
        Map<IhcImageResult, SlideScore> m = new IdentityHashMap<>();
        m.put(r, s);
        Table row = SlideTables.withSlideColumns(IhcTables.images(Collections.singletonList(r)),
                Collections.singletonList(r), m);
        return new Outcome(prov, warnings, s, row.addComments(prov.lines()));
    }
}
