package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.testutil.FijiMacroRunner;

/**
 * Runs "IHC Cells" and "Estimate Stain Vectors" in a real ImageJ from a macro with options alone
 * (as a recorded macro does) and checks the Results against the CLI on the same file and against
 * the synthetic truth.
 */
class CellsFijiTest {

    @Test
    void cellCommandsRunFromAMacroAndAgreeWithTheCli(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Field f = new SyntheticNuclei().size(600, 500).seed(31).generate();
        Path field = dir.resolve("S1_field.png");
        assertTrue(new FileSaver(new ImagePlus("S1_field.png", f.image)).saveAsPng(field.toString()));
        double[] h = unit(0.55, 0.75, 0.37);
        double[] d = unit(0.35, 0.60, 0.72);
        SyntheticNuclei.Field g = new SyntheticNuclei().size(600, 500).seed(32).blush(0.8)
                .vectors(StainVectors.parse("H:" + h[0] + "," + h[1] + "," + h[2] + ";DAB:" + d[0] + "," + d[1] + ","
                        + d[2])).generate();
        Path other = dir.resolve("other.png");
        assertTrue(new FileSaver(new ImagePlus("other.png", g.image)).saveAsPng(other.toString()));
        String p = FijiMacroRunner.macroPath(dir);
        String options = "stain=[H DAB] third=[cross product] background=auto thresholds=0.2,0.4,0.6 tissue=auto "
                + "marker=Ki67 pixel=0.5 compartment=nucleus nucleus=10,400 hematoxylin=auto smoothing=0.5 "
                + "split=0.25 cell=5";
        String macro = ""
                + "open(\"" + FijiMacroRunner.macroPath(field) + "\");\n"
                + "run(\"IHC Cells\", \"" + options + " show save=[" + p + "/cells.csv] clear\");\n"
                + "saveAs(\"Results\", \"" + p + "/summary.csv\");\n"
                + "File.saveString(\"\" + Overlay.size, \"" + p + "/overlay.txt\");\n"
                + "open(\"" + FijiMacroRunner.macroPath(other) + "\");\n"
                + "run(\"Estimate Stain Vectors\", \"background=auto clear\");\n"
                + "saveAs(\"Results\", \"" + p + "/vectors.csv\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 180);

        Path summary = dir.resolve("summary.csv");
        assertTrue(Files.exists(summary), r.toString());
        CsvTable fiji = CsvTable.read(summary);
        assertEquals(1, fiji.rowCount(), r.toString());
        assertEquals("ok", fiji.get(0, fiji.column("status")));
        assertEquals("Ki67", fiji.get(0, fiji.column("marker")));

        Path cliOut = dir.resolve("cli/images.csv");
        Files.createDirectories(cliOut.getParent());
        CliRunner c = CliRunner.run("cells", "--marker", "Ki67", "--quiet", "--out", cliOut.toString(),
                field.toString());
        assertEquals(0, c.code, c.toString());
        CsvTable cli = CsvTable.read(cliOut);
        for (String col : new String[] {"nuclei", "positive_nuclei", "allred", "irs"}) {
            assertEquals(cli.get(0, cli.column(col)), fiji.get(0, fiji.column(col)), col);
        }
        for (String col : new String[] {"positive_pct", "weak_pct", "moderate_pct", "strong_pct", "cell_h_score",
            "nuclear_dab_mean_od"}) {
            assertEquals(Double.parseDouble(cli.get(0, cli.column(col))), Double.parseDouble(fiji.get(0, fiji.column(col))),
                    1e-3, col);
        }
        int nuclei = Integer.parseInt(fiji.get(0, fiji.column("nuclei")));
        assertEquals(f.nuclei.size(), nuclei, 0.1 * f.nuclei.size());
        assertEquals(f.positivePct(0.2, 0.4, 0.6), Double.parseDouble(fiji.get(0, fiji.column("positive_pct"))), 5);
        assertEquals(String.valueOf(nuclei),
                new String(Files.readAllBytes(dir.resolve("overlay.txt")), StandardCharsets.UTF_8).trim(),
                "one overlay outline per nucleus");
        assertEquals(nuclei, CsvTable.read(dir.resolve("cells.csv")).rowCount(), "one saved row per cell");

        CsvTable v = CsvTable.read(dir.resolve("vectors.csv"));
        assertEquals(2, v.rowCount(), r.toString());
        double[][] truth = {h, d};
        for (int i = 0; i < 2; i++) {
            double[] est = {Double.parseDouble(v.get(i, v.column("r"))), Double.parseDouble(v.get(i, v.column("g"))),
                Double.parseDouble(v.get(i, v.column("b")))};
            double off = StainVectorEstimator.angleDeg(est, truth[i]);
            assertTrue(off < 3, v.get(i, v.column("stain")) + " off by " + off + "°");
        }
        assertTrue(r.stdout.contains("vectors=[Hematoxylin:") || r.stderr.contains("vectors=[Hematoxylin:"),
                "vectors printed for pasting: " + r);
    }

    private static double[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
