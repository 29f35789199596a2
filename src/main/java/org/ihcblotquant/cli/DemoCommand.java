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
        return "run IHC scoring on the bundled example images and compare with their ground truth";
    }

    @Override
    public String help() {
        return "Usage: ihcq demo [--out DIR]\n\n"
                + "Scores the bundled example fields (test-images/ihc, four patients x two fields) as\n"
                + "  ihcq ihc --slide-pattern '^(P\\d+)_' --marker p-STAT3 --out DIR/images.csv --slides DIR/slides.csv test-images/ihc\n"
                + "would, then prints measured vs true mean DAB OD, tissue fraction and H-score per image.\n\n"
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
        Path images = dir.resolve("images.csv");
        Path slides = dir.resolve("slides.csv");
        List<String> ihcArgs = new ArrayList<>(Arrays.asList("--slide-pattern", "^(P\\d+)_", "--marker", "p-STAT3",
                "--out", images.toString(), "--slides", slides.toString(), "--quiet", data.toString()));
        out.println("$ ihcq ihc " + String.join(" ", ihcArgs));
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
        out.println("\nResults: " + images.toAbsolutePath() + " and " + slides.toAbsolutePath());
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
