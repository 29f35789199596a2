package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort mixing images and a whole slide, sharded so that one shard holds no slide: both shard
 * tables carry the {@code level} and {@code pixel_size_um} columns (empty for images), so the merge
 * accepts them and equals one run over the folder.
 */
class MixedSlideMergeTest {

    @Test
    void shardWithoutASlideMergesWithTheShardHoldingIt(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int k = 1; k <= 3; k++) {
            SyntheticIhc.Sample s = new SyntheticIhc().size(160, 120).seed(70 + k).generate();
            Vips.png((int[]) s.image.getPixels(), 160, 120, in.resolve("S" + k + "_f1.png"));
        }
        SyntheticIhc.Sample big = new SyntheticIhc().size(700, 500).seed(77).generate();
        Path png = Vips.png((int[]) big.image.getPixels(), 700, 500, dir.resolve("S4.png"));
        Path v = dir.resolve("res.v");
        Vips.run("vips", "copy", png.toString(), v.toString(), "--xres", "2000", "--yres", "2000");
        Vips.run("vips", "tiffsave", v.toString(), in.resolve("S4_slide.tif").toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--tile-width", "256", "--tile-height", "256");

        Path single = dir.resolve("single.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("ihc", "--slide-pattern", "^(S\\d+)_", "--quiet", "--level", "0",
                "--out", single.toString(), in.toString());
        assertEquals(0, r.code, r.text);
        int withoutSlide = 0;
        for (int k = 1; k <= 2; k++) {
            Path f = dir.resolve("images-" + k + ".csv");
            r = CliRunnerAccess.run("ihc", "--slide-pattern", "^(S\\d+)_", "--quiet", "--level", "0", "--shard",
                    k + "/2", "--out", f.toString(), "--slides", dir.resolve("slides-" + k + ".csv").toString(),
                    in.toString());
            assertEquals(0, r.code, r.text);
            CsvTable t = CsvTable.read(f);
            assertTrue(t.hasColumn("level") && t.hasColumn("pixel_size_um"), t.header().toString());
            boolean slide = false;
            for (int i = 0; i < t.rowCount(); i++) {
                slide |= t.get(i, t.column("image")).equals("S4_slide.tif");
            }
            withoutSlide += slide ? 0 : 1;
        }
        assertEquals(1, withoutSlide, "the slide outweighs the three images: one shard has no slide");
        Path merged = dir.resolve("merged.csv");
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides", dir.resolve("merged-slides.csv")
                .toString(), dir.resolve("images-1.csv").toString(), dir.resolve("images-2.csv").toString());
        assertEquals(0, r.code, r.text);
        // the slide's sums pool tiles in thread order, so its last digits may differ between runs: 1e-9
        CohortFixture.assertSameTable(single, merged, 1e-9);
        CohortFixture.assertSameTable(dir.resolve("slides.csv"), dir.resolve("merged-slides.csv"), 1e-9);
        CsvTable m = CsvTable.read(merged);
        for (int i = 0; i < m.rowCount(); i++) {
            String level = m.get(i, m.column("level"));
            if (m.get(i, m.column("image")).equals("S4_slide.tif")) {
                assertEquals("0", level);
                assertEquals(0.5, Double.parseDouble(m.get(i, m.column("pixel_size_um"))), 1e-9);
            } else {
                assertTrue(level == null || level.isEmpty(), "images have no level: " + level);
            }
        }
    }
}
