package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.study.StudyJob;
import org.ihcblotquant.study.StudyOutcome;
import org.ihcblotquant.study.StudyRequest;

/** {@code ihcq study}: a whole study from its study file to report.html. */
public final class StudyCommand implements CliCommand {

    @Override
    public String name() {
        return "study";
    }

    @Override
    public String summary() {
        return "a whole study (markers, blots, clinical sheet, tests) from a study file to report.html";
    }

    @Override
    public String help() {
        return "Usage: ihcq study STUDY_FILE [--out DIR] [--threads N] [--fresh] [--shard K/N] [--quiet]\n\n"
                + "Runs the study a YAML (or JSON) study file describes (format: docs/study.md): scores every\n"
                + "marker's images (in parallel), joins the patients' scores with the clinical sheet, analyses\n"
                + "the blots and plate assays, compares each marker between the response groups (with the\n"
                + "multiple-testing correction) and runs survival by the marker cut-offs. Paths, folders,\n"
                + "columns and ids are checked before any work.\n\n"
                + "Writes into DIR: tables/ (images.csv, patients.csv, study.csv: one row per patient, blot,\n"
                + "plate and test tables), stats/ (JSON), plots/ (PNG and SVG of every figure), report.html (one\n"
                + "self-contained page) and cache/ (results by file content, so a re-run or an interrupted run\n"
                + "only scores new or changed images).\n\n"
                + "Options:\n"
                + "  --out DIR      output folder (default: study-output beside the study file)\n"
                + "  --threads N    images scored at once (default: the study file's threads, else one per core)\n"
                + "  --fresh        ignore results of earlier runs (score every image again)\n"
                + "  --shard K/N    score only the K-th of N shards of the pixel-scored markers' images (cut\n"
                + "                 by file size, slides by pixels) into DIR/cache and stop: one task of a job\n"
                + "                 array; when every shard is done, run the study without --shard to write\n"
                + "                 the tables and report (it also scores cell markers and anything missing)\n"
                + "  --quiet        no progress lines\n\n"
                + "Exit codes: 0 report written (per-image failures are listed in it); 1 bad input (message\n"
                + "says what to fix); 2 invalid options.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out", "threads", "shard"), Args.names("fresh", "quiet"));
        if (a.positional().size() != 1) {
            throw new UsageException("give one study file (got " + a.positional().size() + ")");
        }
        Path study = Paths.get(a.positional().get(0));
        Path dir = a.has("out") ? Paths.get(a.get("out", null))
                : study.toAbsolutePath().getParent().resolve("study-output");
        int threads = a.getInt("threads", -1);
        if (a.has("threads") && threads < 1) {
            throw new UsageException("--threads must be 1 or more");
        }
        ShardSpec shard = a.has("shard") ? ShardSpec.parse(a.get("shard", null)) : null;
        StudyOutcome o = new StudyJob().run(new StudyRequest(study, dir, !a.flag("fresh"), threads, shard),
                a.flag("quiet") ? ProgressListener.NONE : new LineProgress(err));
        if (shard != null) {
            out.printf(Locale.ROOT, "shard %s: %d images (%d reused, %d not scored) in %s; when every shard is done,"
                    + " run the study without --shard for the tables and report.html%n", shard, o.images(), o.reused(),
                    o.failed(), dir.resolve("cache"));
            return OK;
        }
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        out.printf(Locale.ROOT, "%d images (%d reused, %d not scored), %d files written%n", o.images(), o.reused(),
                o.failed(), o.files().size() + 1);
        out.println("report: " + o.report());
        return OK;
    }

    /** Progress as a line on standard error every 10 % (and at each new part of the run). */
    static final class LineProgress implements ProgressListener {
        private final PrintStream err;
        private int lastTenth = -1;

        LineProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void progress(double fraction, String message) {
            int tenth = (int) Math.floor(fraction * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "study: %3d%% %s%n", Math.round(fraction * 100), message == null ? "" : message);
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
