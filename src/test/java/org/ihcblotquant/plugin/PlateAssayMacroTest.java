package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plate Assay in a real ImageJ (-batch, Xvfb), from macro options alone: the Results table holds
 * the same per-condition numbers as {@code ihcq plate} on the example plate, the chart is shown,
 * the tables are written, and a control missing from the layout stops the macro with one message
 * naming the macro key (no dialog).
 */
class PlateAssayMacroTest {

    @Test
    void plateAssayFromAMacroMatchesTheCli(@TempDir Path dir) throws Exception {
        Path reads = Paths.get("test-images/plates/saos2-reads.csv").toAbsolutePath();
        Path layout = Paths.get("test-images/plates/saos2-layout.csv").toAbsolutePath();
        Path results = dir.resolve("fiji-conditions.csv");
        Path cliCsv = dir.resolve("cli-conditions.csv");
        Path folder = dir.resolve("tables");
        Path png = dir.resolve("plot.png");
        CliRunner cli = CliRunner.run("plate", reads.toString(), "--layout", layout.toString(), "--plate", "2",
                "--blank", "Blank", "--control", "Control", "--normalise", "fold", "--out", cliCsv.toString());
        assertEquals(0, cli.code, cli.toString());
        String args = "reads=[" + FijiMacroRunner.macroPath(reads) + "] layout=[" + FijiMacroRunner.macroPath(layout)
                + "] blank=Blank control=Control normalise=fold exclude=[] max_od=3.5 plate=2";
        String macro = ""
                + "run(\"Plate Assay\", \"" + args + " save=[" + FijiMacroRunner.macroPath(png) + "] write=["
                + FijiMacroRunner.macroPath(folder) + "]\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(results) + "\");\n"
                + "print(\"chart: \" + getTitle() + \" \" + getWidth() + \"x\" + getHeight());\n"
                + "run(\"Plate Assay\", \"" + args.replace("control=Control", "control=DMSO") + "\");\n"
                + "print(\"after the failing call\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 150);
        assertTrue(Files.exists(results), r.toString());
        String all = r.stdout + r.stderr;
        assertTrue(all.contains("chart: Plate Assay plate 2"), r.toString());
        assertTrue(all.contains("control=: 'DMSO' is not a condition"), r.toString());
        assertFalse(all.contains("after the failing call"), r.toString());
        assertTrue(all.contains("C6") && all.contains("OVRFLW"), "overflow warning: " + r);
        assertTrue(Files.size(png) > 10_000);
        assertTrue(Files.exists(folder.resolve("plate_conditions.csv")) && Files.exists(folder.resolve("plate_wells.csv"))
                && Files.exists(folder.resolve("plate_results.json")));

        CsvTable fiji = CsvTable.read(results);
        CsvTable ref = CsvTable.read(cliCsv);
        assertEquals(ref.rowCount(), fiji.rowCount());
        for (int i = 0; i < ref.rowCount(); i++) {
            assertEquals(ref.get(i, ref.column("condition")), fiji.get(i, fiji.column("condition")));
            for (String col : new String[] {"n", "mean", "sd", "sem", "mean_raw", "sd_raw"}) {
                double want = Double.parseDouble(ref.get(i, ref.column(col)));
                double got = Double.parseDouble(fiji.get(i, fiji.column(col)));
                // the Results table keeps ImageJ's displayed digits
                assertEquals(want, got, 1e-3 * Math.max(1, Math.abs(want)), ref.get(i, 1) + " " + col);
            }
        }
    }
}
