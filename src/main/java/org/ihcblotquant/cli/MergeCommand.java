package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.cohort.MergeJob;
import org.ihcblotquant.cohort.MergeOutcome;
import org.ihcblotquant.cohort.MergeRequest;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CommandLines;

/** {@code ihcq merge}: joins the per-image tables of shards and pools the slides again. */
public final class MergeCommand implements CliCommand {

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String summary() {
        return "join the tables of --shard runs (e.g. a SLURM job array) into one images and slides table";
    }

    @Override
    public String help() {
        return "Usage: ihcq merge [--out FILE] [--slides FILE] [--partial] PART...\n\n"
                + "Joins per-image tables written by 'ihcq ihc --shard K/N' or 'ihcq cells --shard K/N'\n"
                + "(files, or globs such as 'shards/images-*.csv', quoted or not) into one per-image table,\n"
                + "in the order a single run would write, and recomputes the per-slide table from the\n"
                + "per-image counts (pixels per class for ihc; nuclei per class and DAB sums for cells): the\n"
                + "result equals one run over all the inputs, also for slides whose fields were scored in\n"
                + "different shards. Per-slide tables among the parts are left out (recomputed).\n\n"
                + "Refused with a message: parts scored with different settings or versions (their '#' lines\n"
                + "differ), shards cut from different input lists or shard counts, a shard given twice with\n"
                + "different rows, and missing shards: the message lists the missing shard numbers to run\n"
                + "again (e.g. sbatch --array=3,7 ...).\n\n"
                + "Options:\n"
                + "  --out FILE     merged per-image CSV (default images.csv)\n"
                + "  --slides FILE  merged per-slide CSV (default slides.csv beside --out)\n"
                + "  --partial      merge the shards that are there when some are missing; both tables\n"
                + "                 then carry a '# incomplete:' line naming the missing shards\n\n"
                + "Exit code 0 when merged, 1 when refused (nothing is written), 2 for invalid options.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out", "slides"), Args.names("partial"));
        if (a.positional().isEmpty()) {
            throw new UsageException("no PART given (per-image tables of the shards, e.g. shards/images-*.csv)");
        }
        Path outFile = Paths.get(a.get("out", "images.csv"));
        Path slidesFile = a.has("slides") ? Paths.get(a.get("slides", null))
                : outFile.toAbsolutePath().resolveSibling("slides.csv");
        MergeRequest req = new MergeRequest(a.positional(), outFile, slidesFile, a.flag("partial"),
                CommandLines.quoted("ihcq merge", argv));
        MergeOutcome o = new MergeJob().run(req, ProgressListener.NONE);
        for (String w : o.warnings()) {
            err.println("ihcq merge: warning: " + w);
        }
        String shards = o.shardCount() == 0 ? o.parts() + " tables"
                : String.format(Locale.ROOT, "%d of %d shards", o.parts(), o.shardCount());
        out.printf(Locale.ROOT, "merged %s: %d images, %d scored, %d failed; wrote %s and %s (%d slides)%n", shards,
                o.images(), o.scored(), o.images() - o.scored(), outFile, slidesFile, o.slides());
        return OK;
    }
}
