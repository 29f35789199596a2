package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * Fiji and the command line give the same table for the same image and settings (default profile
 * background, each band in its own box); Blot Measure on the unedited band ROIs re-measures them
 * the same way.
 */
class BlotFijiCliSameTableTest {

    @Test
    void analyzeMeasureAndCliAgree(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = new SyntheticBlot().size(440, 300).equalLanes(7, 45).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).tilt(1.5)
                .row("target", 100, new double[] {3, 5, 4, 7, 3, 6, 4},
                        new double[] {9000, 40000, 15000, 60000, 6000, 45000, 20000})
                .row("actin", 200, 4, 37500, 33750, 41250, 35000, 38750, 31250, 40000).render();
        Path tif = dir.resolve("blot.tif");
        new FileSaver(new ImagePlus("blot", b.image)).saveAsTiff(tif.toString());
        Path fijiCsv = dir.resolve("fiji.csv");
        Path measureCsv = dir.resolve("measure.csv");
        Path cliCsv = dir.resolve("cli.csv");
        String macro = "open(\"" + FijiMacroRunner.macroPath(tif) + "\");\n"
                + "run(\"Blot Analyze\", \"rows=target,actin control=actin reference=1 lanes=0 polarity=auto "
                + "background=profile minimum=3 cv_limit=20 plot\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(fijiCsv) + "\");\n"
                + "selectImage(\"blot.tif\");\n"
                + "run(\"Blot Measure\", \"control=actin reference=1 polarity=auto background=profile minimum=3 "
                + "cv_limit=20\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(measureCsv) + "\");\n";
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro, dir, 150);
        CliRunner cli = CliRunner.run("blot", tif.toString(), "--rows", "target,actin", "--control", "actin",
                "--out", cliCsv.toString());
        assertEquals(0, cli.code, cli.toString());
        assertTrue(fijiCsv.toFile().exists() && measureCsv.toFile().exists(), res.toString());
        CsvTable c = CsvTable.read(cliCsv);
        CsvTable f = CsvTable.read(fijiCsv);
        CsvTable m = CsvTable.read(measureCsv);
        assertEquals(c.rowCount(), f.rowCount());
        assertEquals(c.rowCount(), m.rowCount());
        for (int i = 0; i < c.rowCount(); i++) {
            for (String col : new String[] {"protein", "lane", "x", "y", "width", "height", "status"}) {
                assertEquals(c.get(i, c.column(col)), f.get(i, f.column(col)), "Fiji row " + i + " " + col);
            }
            for (String col : new String[] {"signal", "relative"}) {
                double cv = Double.parseDouble(c.get(i, c.column(col)));
                assertEquals(cv, Double.parseDouble(f.get(i, f.column(col))), 1e-6 * Math.abs(cv) + 1e-6,
                        "Fiji row " + i + " " + col);
                assertEquals(cv, Double.parseDouble(m.get(i, m.column(col))), 1e-6 * Math.abs(cv) + 1e-6,
                        "Blot Measure row " + i + " " + col);
            }
        }
    }
}
