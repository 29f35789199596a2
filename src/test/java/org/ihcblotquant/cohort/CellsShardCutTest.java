package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq cells --shard} cuts the input list as {@code ihcq ihc --shard} does: a whole slide is
 * weighed by its pixels, not by its file size. The slide here is plain glass (9 MP that deflate to a
 * few kilobytes) beside three noisy 0.1 MP images of about 100 kB each: by pixels the slide alone
 * fills one of two shards; by file size it would be the lightest file and share a shard.
 */
class CellsShardCutTest {

    @Test
    void cellsShardsHoldTheSameFilesAsIhcShards(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Random rnd = new Random(5);
        for (int k = 1; k <= 3; k++) {
            int[] rgb = new int[300 * 300];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = 0xff000000 | rnd.nextInt(0x1000000);
            }
            Vips.png(rgb, 300, 300, in.resolve("S" + k + "_f1.png"));
        }
        int[] glass = new int[3000 * 3000];
        java.util.Arrays.fill(glass, 0xfff0ecee);
        Path png = Vips.png(glass, 3000, 3000, dir.resolve("S4.png"));
        Vips.run("vips", "tiffsave", png.toString(), in.resolve("S4_slide.tif").toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--tile-width", "256", "--tile-height", "256");

        List<List<String>> ihc = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            ihc.add(imagesOf(dir, "ihc", k, in));
            cells.add(imagesOf(dir, "cells", k, in));
        }
        assertEquals(ihc, cells, "the same files in each shard");
        boolean slideAlone = ihc.contains(Collections.singletonList("S4_slide.tif"));
        assertEquals(true, slideAlone, "the 9 MP slide outweighs the three 0.1 MP images: " + ihc);
    }

    private static List<String> imagesOf(Path dir, String command, int k, Path in) throws Exception {
        Path out = dir.resolve(command + "-" + k + ".csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run(command, "--slide-pattern", "^(S\\d+)_", "--quiet", "--level",
                "2", "--shard", k + "/2", "--out", out.toString(), in.toString());
        assertEquals(0, r.code, r.text);
        CsvTable t = CsvTable.read(out);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            names.add(t.get(i, t.column("image")));
        }
        Collections.sort(names);
        return names;
    }
}
