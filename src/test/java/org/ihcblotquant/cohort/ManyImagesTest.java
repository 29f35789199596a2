package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 small "fields" (one-byte files named like images) in 1,000 slide folders: a task lists
 * and cuts its shard in a JVM with an 8 MB heap. Listing the same tree into one list
 * ({@code ImageFiles.expand}) runs out of memory below a 16 MB heap on this tree (measured, see
 * docs/BENCHMARKS.md), so passing here means the listing is streamed and memory stays flat.
 * Timings are printed, never asserted.
 */
class ManyImagesTest {

    @Test
    void hundredThousandFieldsListAndShardInASmallHeap(@TempDir Path dir) throws Exception {
        byte[] one = {1};
        long t0 = System.nanoTime();
        for (int s = 0; s < 1000; s++) {
            Path slide = Files.createDirectory(dir.resolve(String.format("slide%04d", s)));
            for (int f = 0; f < 100; f++) {
                Files.write(slide.resolve(String.format("S%04d_f%03d.png", s, f)), one);
            }
        }
        long made = (System.nanoTime() - t0) / 1_000_000;
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // one task of a 100-task array: shard 7 of 100
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "-Xmx8m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ShardListingProbe.class.getName(), dir.toString(), "7/100"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(readAll(p), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, p.exitValue(), out);
        System.out.println("ManyImagesTest: 100,000 files (made in " + made + " ms), shard 7/100: " + out);
        assertTrue(out.contains("list=100000"), out);
        // equal sizes: the shard holds its exact share, files 6001..7000 of the sorted list
        assertTrue(out.startsWith("files=1000 "), out);
    }

    private static byte[] readAll(Process p) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = p.getInputStream().read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }
}
