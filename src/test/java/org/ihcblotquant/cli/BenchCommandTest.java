package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarks run and report throughput and heap; times are printed, never asserted. */
class BenchCommandTest {

    @Test
    void eachBenchmarkReportsMegapixelsPerSecondAndPeakHeap() {
        String[][] runs = {{"bench", "ihc", "--size", "600x400", "--repeat", "1"},
            {"bench", "deconvolve", "--size", "600x400", "--repeat", "1"},
            {"bench", "blot", "--size", "1200x900", "--repeat", "1"}};
        for (String[] args : runs) {
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.code, r.toString());
            assertTrue(r.out.contains("MP/s") && r.out.contains("peak heap"), r.out);
        }
        assertTrue(CliRunner.run("bench", "blot", "--size", "1200x900", "--repeat", "1").out.contains("12 lanes found"));
        assertEquals(2, CliRunner.run("bench", "ihc", "--size", "12by4").code);
        assertEquals(2, CliRunner.run("bench", "nothing").code);
    }
}
