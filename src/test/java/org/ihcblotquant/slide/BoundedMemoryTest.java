package org.ihcblotquant.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap does not grow with the slide: a 5000 x 5000 slide (25 MP; its pixels alone would take
 * 100 MB as an int[]) is scored at full resolution by {@code ihcq ihc} in a child JVM limited to
 * 64 MB of heap. The 40000 x 40000 measurement at -Xmx512m is in docs/BENCHMARKS.md.
 */
class BoundedMemoryTest {

    @Test
    void scoresAFullResolutionLevelLargerThanTheHeap(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(1000, 1000).seed(8).generate();
        Path field = Vips.png((int[]) s.image.getPixels(), 1000, 1000, dir.resolve("field.png"));
        Path big = dir.resolve("big.v");
        Vips.run("vips", "replicate", field.toString(), big.toString(), "5", "5");
        Path tif = dir.resolve("big.tif");
        Vips.run("vips", "tiffsave", big.toString(), tif.toString(), "--tile", "--pyramid", "--compression", "deflate",
                "--bigtiff", "--tile-width", "512", "--tile-height", "512");
        Files.delete(big);
        Path csv = dir.resolve("big.csv");
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx64m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.ihcblotquant.cli.Main");
        cmd.add("ihc");
        cmd.add(tif.toString());
        cmd.add("--level");
        cmd.add("0");
        cmd.add("--out");
        cmd.add(csv.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        String log = new String(Files.readAllBytes(dir.resolve("log.txt")), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        CsvTable t = CsvTable.read(csv);
        assertEquals("ok", t.get(0, t.column("status")), log);
        assertEquals("5000", t.get(0, t.column("width")));
        assertEquals("0", t.get(0, t.column("level")));
        // the same field repeated: the slide scores as the field does
        double h = Double.parseDouble(t.get(0, t.column("h_score")));
        assertEquals(s.hScore(0.2, 0.4, 0.6), h, 5, log);
    }
}
