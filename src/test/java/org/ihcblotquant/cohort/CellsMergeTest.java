package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq cells --shard K/N} and {@code ihcq merge} against one {@code ihcq cells} run over the
 * same folder: synthetic nuclear-marker fields of 8 slides whose fields interleave in the sorted
 * list (F1_S1, F1_S2, ..., F2_S1, ...), so the shards cut between files and most slides have
 * fields in two shards; the merge must pool those slides from the per-image nucleus counts.
 */
class CellsMergeTest {
    static final String SLIDE_PATTERN = "_(S\\d+)\\.";
    static final int FIELDS = 2;
    static final int SLIDES = 8;

    @TempDir
    static Path dir;
    static Path cohort;
    static Path single;
    static Path singleSlides;

    @BeforeAll
    static void analyseOnce() throws IOException {
        cohort = dir.resolve("cohort");
        Files.createDirectories(cohort);
        long seed = 700;
        for (int f = 1; f <= FIELDS; f++) {
            for (int s = 1; s <= SLIDES; s++) {
                double pos = 0.05 + 0.08 * s;
                SyntheticNuclei.Field fld = new SyntheticNuclei().size(260 + 40 * ((s + f) % 3), 220)
                        .classWeights(1 - pos, pos * 0.4, pos * 0.35, pos * 0.25).seed(seed++).generate();
                ImageIO.write(fld.image.getBufferedImage(), "png", cohort.resolve("F" + f + "_S" + s + ".png").toFile());
            }
        }
        Files.write(cohort.resolve("F3_S5.png"), "not a png".getBytes("UTF-8"));
        Files.createDirectories(dir.resolve("single"));
        Files.createDirectories(dir.resolve("four/merged"));
        Files.createDirectories(dir.resolve("mixed"));
        single = dir.resolve("single/cell-images.csv");
        singleSlides = dir.resolve("single/cell-slides.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("cells", "--slide-pattern", SLIDE_PATTERN, "--quiet",
                "--out", single.toString(), "--slides", singleSlides.toString(), cohort.toString());
        assertEquals(0, r.code, r.text);
    }

    private static Path shard(String out, int k, int n, String... extra) {
        Path f = dir.resolve(out + "/cell-images-" + k + "-of-" + n + ".csv");
        List<String> args = new ArrayList<>();
        String[] head = {"cells", "--slide-pattern", SLIDE_PATTERN, "--quiet", "--shard", k + "/" + n, "--out",
            f.toString(), "--slides", dir.resolve(out + "/cell-slides-" + k + "-of-" + n + ".csv").toString()};
        for (String h : head) {
            args.add(h);
        }
        for (String e : extra) {
            args.add(e);
        }
        args.add(cohort.toString());
        CliRunnerAccess.Result r = CliRunnerAccess.run(args.toArray(new String[0]));
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("shard " + k + "/" + n + ": "), r.text);
        return f;
    }

    @Test
    void fourShardsMergeToTheSingleRunExactly() throws IOException {
        Map<String, Set<Integer>> shardsOfSlide = new HashMap<>();
        int rows = 0;
        for (int k = 1; k <= 4; k++) {
            CsvTable t = CsvTable.read(shard("four", k, 4));
            rows += t.rowCount();
            for (int i = 0; i < t.rowCount(); i++) {
                shardsOfSlide.computeIfAbsent(t.get(i, t.column("slide")), x -> new HashSet<>()).add(k);
            }
        }
        assertEquals(SLIDES * FIELDS + 1, rows, "every image in exactly one shard");
        int split = 0;
        for (Set<Integer> ks : shardsOfSlide.values()) {
            split += ks.size() > 1 ? 1 : 0;
        }
        assertTrue(split >= 3, "fields of several slides land in different shards: " + shardsOfSlide);

        Path merged = dir.resolve("four/merged/cell-images.csv");
        Path mergedSlides = dir.resolve("four/merged/cell-slides.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides",
                mergedSlides.toString(), dir.resolve("four").toString() + "/cell-images-*-of-4.csv");
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("merged 4 of 4 shards: " + (SLIDES * FIELDS + 1) + " images, " + SLIDES * FIELDS
                + " scored, 1 failed"), r.text);
        CohortFixture.assertSameTable(single, merged, 1e-9);
        CohortFixture.assertSameTable(singleSlides, mergedSlides, 1e-9);

        // independent of both runs' pooling code: each slide's numbers from its fields' class counts
        CsvTable img = CsvTable.read(single);
        CsvTable sl = CsvTable.read(mergedSlides);
        assertEquals(SLIDES, sl.rowCount());
        for (int i = 0; i < sl.rowCount(); i++) {
            String slide = sl.get(i, sl.column("slide"));
            long[] n = new long[4];
            double dabSum = 0;
            for (int j = 0; j < img.rowCount(); j++) {
                if (slide.equals(img.get(j, img.column("slide"))) && "ok".equals(img.get(j, img.column("status")))) {
                    String[] cols = {"negative_nuclei", "weak_nuclei", "moderate_nuclei", "strong_nuclei"};
                    for (int c = 0; c < 4; c++) {
                        n[c] += Long.parseLong(img.get(j, img.column(cols[c])));
                    }
                    dabSum += Double.parseDouble(img.get(j, img.column("nuclear_dab_sum")));
                }
            }
            long total = n[0] + n[1] + n[2] + n[3];
            assertEquals(total, Long.parseLong(sl.get(i, sl.column("nuclei"))), slide);
            assertEquals(100.0 * (n[1] + n[2] + n[3]) / total, num(sl, i, "positive_pct"), 1e-9, slide);
            assertEquals(100.0 * (n[1] + 2 * n[2] + 3 * n[3]) / total, num(sl, i, "cell_h_score"), 1e-9, slide);
            assertEquals(dabSum / total, num(sl, i, "nuclear_dab_mean_od"), 1e-9, slide);
            // and the per-image counts agree with the per-image percentages they came with
        }
        for (int j = 0; j < img.rowCount(); j++) {
            if ("ok".equals(img.get(j, img.column("status")))) {
                double nuclei = num(img, j, "nuclei");
                assertEquals(100 * num(img, j, "strong_nuclei") / nuclei, num(img, j, "strong_pct"), 1e-9);
                assertEquals(num(img, j, "weak_nuclei") + num(img, j, "moderate_nuclei") + num(img, j, "strong_nuclei"),
                        num(img, j, "positive_nuclei"), 0);
            }
        }
    }

    @Test
    void slidesKeptWholeMergeExactlyWithOneBackgroundPerSlide() throws IOException {
        // fields named after their slide lie together: shards cut between slides, so one glass
        // background per slide (decided from all its fields) is the single run's
        Path together = dir.resolve("together");
        Files.createDirectories(together);
        long seed = 900;
        for (int s = 1; s <= 6; s++) {
            for (int f = 1; f <= 1 + s % 3; f++) {
                SyntheticNuclei.Field fld = new SyntheticNuclei().size(240, 200 + 20 * f).glass(236 - s, 233, 238)
                        .seed(seed++).generate();
                ImageIO.write(fld.image.getBufferedImage(), "png", together.resolve("S" + s + "_F" + f + ".png")
                        .toFile());
            }
        }
        Path out = Files.createDirectories(dir.resolve("together-out"));
        String pattern = "^(S\\d+)_";
        CliRunnerAccess.Result r = CliRunnerAccess.run("cells", "--slide-pattern", pattern, "--background", "slide",
                "--quiet", "--out", out.resolve("single.csv").toString(), "--slides",
                out.resolve("single-slides.csv").toString(), together.toString());
        assertEquals(0, r.code, r.text);
        List<String> parts = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Path part = out.resolve("part-" + k + ".csv");
            r = CliRunnerAccess.run("cells", "--slide-pattern", pattern, "--background", "slide", "--quiet",
                    "--shard", k + "/4", "--out", part.toString(), "--slides",
                    out.resolve("part-slides-" + k + ".csv").toString(), together.toString());
            assertEquals(0, r.code, r.text);
            assertTrue(r.text.contains("(whole slides)"), r.text);
            assertFalse(r.text.contains("warning"), r.text);
            parts.add(part.toString());
        }
        List<String> args = new ArrayList<>();
        args.add("merge");
        args.add("--out");
        args.add(out.resolve("merged.csv").toString());
        args.add("--slides");
        args.add(out.resolve("merged-slides.csv").toString());
        args.addAll(parts);
        r = CliRunnerAccess.run(args.toArray(new String[0]));
        assertEquals(0, r.code, r.text);
        CohortFixture.assertSameTable(out.resolve("single.csv"), out.resolve("merged.csv"), 1e-9);
        CohortFixture.assertSameTable(out.resolve("single-slides.csv"), out.resolve("merged-slides.csv"), 1e-9);
        String merged = new String(Files.readAllBytes(out.resolve("merged.csv")), "UTF-8");
        for (int s = 1; s <= 6; s++) {
            assertTrue(merged.contains("# slide_background S" + s + ": "), "each shard's slide background kept");
        }
    }

    @Test
    void shardsWithDifferentThresholdsAreRefused() throws IOException {
        Path a = shard("mixed", 1, 2);
        Path b = shard("mixed", 2, 2, "--thresholds", "0.3,0.4,0.6");
        Path out = dir.resolve("mixed/merged.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", out.toString(), a.toString(), b.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("different settings: thresholds"), r.text);
        assertFalse(Files.exists(out), "a refused merge writes nothing");
    }

    private static double num(CsvTable t, int row, String col) {
        return Double.parseDouble(t.get(row, t.column(col)));
    }
}
