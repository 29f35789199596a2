package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.job.CommandLines;

/**
 * {@code ihcq demo}: the main job on the bundled example data: scores test-images/ihc with
 * {@code ihcq ihc}, then compares each image with its ground truth.
 */
public final class DemoCommand implements CliCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "from the bundled example images to p-values: IHC scoring, truth check, t-test, Kaplan-Meier";
    }

    @Override
    public String help() {
        return "Usage: ihcq demo [--out DIR]\n\n"
                + "The main job on the bundled example data (synthetic p-STAT3 fields of eight patients, two\n"
                + "fields each, and a made-up clinical sheet test-images/clinical.csv):\n"
                + "  1. ihcq ihc --slide-pattern '^(P\\d+)_' --marker p-STAT3 --out DIR/images.csv\n"
                + "       --slides DIR/slides.csv test-images/ihc\n"
                + "  2. measured vs true mean DAB OD, tissue fraction and H-score per image (test-images/ihc/truth.csv)\n"
                + "  3. ihcq stats ttest: slide DAB OD, resistant vs sensitive (DIR/ttest.json, DIR/bars.png)\n"
                + "  4. ihcq stats survival: weak (< 0.15 OD) vs strong p-STAT3 (DIR/survival.json, DIR/km.png)\n\n"
                + "Options:\n"
                + "  --out DIR    where the tables go (default demo-output)\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out"), Args.names());
        Path home = Paths.get(System.getProperty("ihcq.home", "."));
        Path data = home.resolve("test-images").resolve("ihc");
        if (!Files.isDirectory(data)) {
            err.println("ihcq demo: example data not found at " + data.toAbsolutePath()
                    + " (run from the project folder, or 'ihcq examples --out DIR' to make it)");
            return FAILED;
        }
        Path dir = Paths.get(a.get("out", "demo-output"));
        // the demo's own folder (ihcq ihc and stats refuse a missing one, to catch typos)
        org.ihcblotquant.job.OutputFiles.checkFolder(dir, "out", true);
        Files.createDirectories(dir);
        Path images = dir.resolve("images.csv");
        Path slides = dir.resolve("slides.csv");
        List<String> ihcArgs = new ArrayList<>(Arrays.asList("--slide-pattern", "^(P\\d+)_", "--marker", "p-STAT3",
                "--out", images.toString(), "--slides", slides.toString(), "--quiet", data.toString()));
        out.println("$ " + CommandLines.quoted("ihcq ihc", ihcArgs));
        int code = new IhcCommand().run(ihcArgs, out, err);
        if (code != OK) {
            return code;
        }
        Path truthFile = data.resolve("truth.csv");
        if (Files.exists(truthFile)) {
            compare(CsvTable.read(images), CsvTable.read(truthFile), out);
        }
        CsvTable s = CsvTable.read(slides);
        out.println("\nPer slide (pixels pooled over fields):");
        out.printf(Locale.ROOT, "  %-6s %8s %10s %9s%n", "slide", "DAB OD", "positive", "H-score");
        for (int i = 0; i < s.rowCount(); i++) {
            out.printf(Locale.ROOT, "  %-6s %8.4f %10.3f %9.1f%n", s.get(i, s.column("slide")),
                    Double.parseDouble(s.get(i, s.column("dab_mean_od"))),
                    Double.parseDouble(s.get(i, s.column("positive_fraction"))),
                    Double.parseDouble(s.get(i, s.column("h_score"))));
        }
        Path clinical = home.resolve("test-images").resolve("clinical.csv");
        if (Files.exists(clinical)) {
            List<String> ttest = Arrays.asList("ttest", "--table", slides.toString(), "--join", clinical.toString(),
                    "--on", "slide", "--value", "dab_mean_od", "--group", "response", "--levels", "resistant,sensitive",
                    "--json", dir.resolve("ttest.json").toString(), "--plot", dir.resolve("bars.png").toString(),
                    "--title", "p-STAT3 by response (synthetic demo)");
            out.println("\n$ " + CommandLines.quoted("ihcq stats", ttest));
            code = new StatsCommand().run(ttest, out, err);
            if (code != OK) {
                return code;
            }
            List<String> survival = Arrays.asList("survival", "--table", slides.toString(), "--join",
                    clinical.toString(), "--on", "slide", "--time", "os_months", "--event", "death", "--score",
                    "dab_mean_od", "--cut", "0.15", "--at", "0,12,24,36,48,60", "--time-label", "Months",
                    "--json", dir.resolve("survival.json").toString(), "--plot", dir.resolve("km.png").toString(),
                    "--title", "Overall survival by p-STAT3 (synthetic demo)");
            out.println("\n$ " + CommandLines.quoted("ihcq stats", survival));
            code = new StatsCommand().run(survival, out, err);
            if (code != OK) {
                return code;
            }
        }
        out.println("\nResults in " + dir.toAbsolutePath() + ": images.csv, slides.csv"
                + (Files.exists(clinical) ? ", ttest.json, bars.png, survival.json, km.png" : ""));
        return OK;
    }

    private static void compare(CsvTable measured, CsvTable truth, PrintStream out) {
        out.println("\nMeasured vs true (synthetic ground truth):");
        out.printf(Locale.ROOT, "  %-16s %17s %17s %15s%n", "image", "DAB OD (true)", "tissue (true)", "H (true)");
        for (int i = 0; i < measured.rowCount(); i++) {
            String name = measured.get(i, measured.column("image"));
            for (int j = 0; j < truth.rowCount(); j++) {
                if (truth.get(j, truth.column("image")).equals(name)) {
                    out.printf(Locale.ROOT, "  %-16s %8.4f (%6.4f) %8.3f (%6.3f) %6.1f (%5.1f)%n", name,
                            num(measured, i, "dab_mean_od"), num(truth, j, "dab_mean_od"),
                            num(measured, i, "tissue_fraction"), num(truth, j, "tissue_fraction"),
                            num(measured, i, "h_score"), num(truth, j, "h_score"));
                }
            }
        }
    }

    private static double num(CsvTable t, int row, String col) {
        String v = t.get(row, t.column(col));
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
