package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command on the bundled data: every image scored within issue 2's accuracy of its truth. */
class DemoCommandTest {

    @Test
    void demoScoresTheBundledImagesWithinTheirTruthAndRunsTheStatistics(@TempDir Path tmp) {
        System.setProperty("ihcq.home", Paths.get("").toAbsolutePath().toString());
        // a folder that does not exist yet, as demo-output on a fresh clone: the demo makes it
        Path dir = tmp.resolve("demo-output");
        CliRunner r = CliRunner.run("demo", "--out", dir.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable images = CsvTable.read(dir.resolve("images.csv"));
        CsvTable truth = CsvTable.read(Paths.get("test-images", "ihc", "truth.csv"));
        assertEquals(truth.rowCount(), images.rowCount());
        for (int i = 0; i < images.rowCount(); i++) {
            String name = images.get(i, images.column("image"));
            int j = 0;
            while (!truth.get(j, 0).equals(name)) {
                j++;
            }
            double dab = Double.parseDouble(images.get(i, images.column("dab_mean_od")));
            double trueDab = Double.parseDouble(truth.get(j, truth.column("dab_mean_od")));
            assertTrue(Math.abs(dab - trueDab) <= Math.max(0.01, 0.03 * trueDab), name);
            assertEquals(Double.parseDouble(truth.get(j, truth.column("tissue_fraction"))),
                    Double.parseDouble(images.get(i, images.column("tissue_fraction"))), 0.02, name);
            assertEquals(Double.parseDouble(truth.get(j, truth.column("h_score"))),
                    Double.parseDouble(images.get(i, images.column("h_score"))), 5, name);
        }
        assertEquals(8, CsvTable.read(dir.resolve("slides.csv")).rowCount());
        for (String f : new String[] {"ttest.json", "bars.png", "survival.json", "km.png"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
    }
}
