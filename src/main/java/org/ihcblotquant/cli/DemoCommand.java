package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.study.DemoStudy;
import org.ihcblotquant.study.StudyJob;
import org.ihcblotquant.study.StudyOutcome;
import org.ihcblotquant.study.StudyRequest;

/**
 * {@code ihcq demo}: makes the synthetic demo study inside the project folder on first use and
 * runs {@code ihcq study} on it, printing where report.html is.
 */
public final class DemoCommand implements CliCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the demo study (23 patients, 4 markers, a blot, plates, survival) from images to report.html";
    }

    @Override
    public String help() {
        return "Usage: ihcq demo [--out DIR] [--fresh] [--quiet]\n\n"
                + "On first use, makes a synthetic example study in demo-study/ inside the project folder\n"
                + "(always the same: 23 patients, 9 chemotherapy-sensitive and 14 resistant; two DAB fields per\n"
                + "patient for p-STAT3, MRP, MDR-1 and IL-6, staining higher in resistant patients; a p-STAT3 /\n"
                + "STAT3 / beta-actin blot; CCK-8 and caspase-3/7 plates; a clinical sheet with overall and\n"
                + "recurrence-free survival; the study file demo-study/study.yaml), then runs\n"
                + "'ihcq study demo-study/study.yaml --out DIR' and prints the path of report.html.\n"
                + "No patient data.\n\n"
                + "Options:\n"
                + "  --out DIR    output folder (default demo-output)\n"
                + "  --fresh      score every image again instead of reusing the earlier run's results\n"
                + "  --quiet      no progress lines\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out"), Args.names("fresh", "quiet"));
        Path home = Paths.get(System.getProperty("ihcq.home", "."));
        long t0 = System.nanoTime();
        Path study = DemoStudy.ensure(home.resolve("demo-study"));
        Path dir = Paths.get(a.get("out", "demo-output"));
        out.println("$ " + CommandLines.quoted("ihcq study", java.util.Arrays.asList(study.toString(), "--out",
                dir.toString())));
        StudyOutcome o = new StudyJob().run(new StudyRequest(study, dir, !a.flag("fresh"), -1),
                a.flag("quiet") ? ProgressListener.NONE : new StudyCommand.LineProgress(err));
        for (String w : o.warnings()) {
            out.println("warning: " + w);
        }
        out.printf(Locale.ROOT, "%d images (%d reused, %d not scored) in %.1f s%n", o.images(), o.reused(), o.failed(),
                (System.nanoTime() - t0) / 1e9);
        out.println("report: " + o.report());
        return OK;
    }
}
