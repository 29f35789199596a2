package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq cells} on a whole slide: two synthetic nuclear-marker fields (0.5 um/px, known truth)
 * on glass, one of them across the border between two analysis blocks, the right part of the
 * slide glass only. Saved as a libvips pyramid, the slide gives the counts of the same pixels
 * scored as one flat image (nuclei on block borders counted once), and both are within the
 * accuracy bars of the truth; the glass-only blocks are not read.
 */
class SlideCellsCliTest {
    static final int W = 4400;
    static final int H = 1400;

    @Test
    void slideCountsEqualTheFlatImageAndTheTruth(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Field a = new SyntheticNuclei().size(1200, 1000).seed(1).generate();
        SyntheticNuclei.Field b = new SyntheticNuclei().size(1200, 1000).seed(2).generate();
        int[] canvas = glass(W * H, new Random(5));
        paste(a, canvas, 100, 200);
        // across x = 2048, a border between the slide's blocks (and between the image's tiles)
        paste(b, canvas, 1700, 200);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path png = Vips.png(canvas, W, H, in.resolve("F_flat.png"));
        Path v = dir.resolve("res.v");
        Vips.run("vips", "copy", png.toString(), v.toString(), "--xres", "2000", "--yres", "2000");
        Vips.run("vips", "tiffsave", v.toString(), in.resolve("F_slide.tif").toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--tile-width", "256", "--tile-height", "256");
        Path out = dir.resolve("cells.csv");
        CliRunner r = CliRunner.run("cells", "--quiet", "--out", out.toString(), in.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable t = CsvTable.read(out);
        assertEquals(2, t.rowCount(), r.toString());
        int flat = row(t, "F_flat.png");
        int slide = row(t, "F_slide.tif");
        assertEquals("ok", t.get(slide, t.column("status")), t.get(slide, t.column("status")));
        assertEquals("0", t.get(slide, t.column("level")), "default: the level nearest 0.5 um/px");
        assertEquals(0.5, num(t, slide, "pixel_size_um"), 1e-9);
        assertTrue(t.get(flat, t.column("level")).isEmpty(), "images have no level");
        String notes = t.get(slide, t.column("notes"));
        // blocks of 1024 px: 5 across, 2 down; the four right of x = 3072 are glass
        assertTrue(notes.contains("6 of 10 blocks"), "the glass-only blocks are skipped: " + notes);

        // the slide against the same pixels as one image: only tissue-mask edge effects may differ
        double nFlat = num(t, flat, "nuclei");
        double nSlide = num(t, slide, "nuclei");
        assertEquals(nFlat, nSlide, Math.max(2, 0.005 * nFlat), "nuclei");
        assertEquals(num(t, flat, "positive_pct"), num(t, slide, "positive_pct"), 0.3);
        assertEquals(num(t, flat, "cell_h_score"), num(t, slide, "cell_h_score"), 1.0);

        // both against the truth of the two fields pooled (bars of CellAccuracyTest: 6 %, 1.4 points, 4)
        int truth = a.nuclei.size() + b.nuclei.size();
        double truePos = pooled(a.positivePct(0.2, 0.4, 0.6), a, b.positivePct(0.2, 0.4, 0.6), b);
        double trueH = pooled(a.hScore(0.2, 0.4, 0.6), a, b.hScore(0.2, 0.4, 0.6), b);
        for (int i : new int[] {flat, slide}) {
            String what = String.format(Locale.ROOT, "%s: %.0f nuclei vs %d, positive %.2f vs %.2f, H %.1f vs %.1f",
                    t.get(i, t.column("image")), num(t, i, "nuclei"), truth, num(t, i, "positive_pct"), truePos,
                    num(t, i, "cell_h_score"), trueH);
            System.out.println(what);
            assertTrue(Math.abs(num(t, i, "nuclei") - truth) < 0.06 * truth, what);
            assertTrue(Math.abs(num(t, i, "positive_pct") - truePos) < 1.4, what);
            assertTrue(Math.abs(num(t, i, "cell_h_score") - trueH) < 4, what);
        }

        // a level number: the next level (1 um/px) with its own pixel size
        Path out1 = dir.resolve("cells1.csv");
        r = CliRunner.run("cells", "--quiet", "--level", "1", "--out", out1.toString(),
                in.resolve("F_slide.tif").toString());
        assertEquals(0, r.code, r.toString());
        CsvTable t1 = CsvTable.read(out1);
        assertEquals("1", t1.get(0, t1.column("level")));
        assertEquals(1.0, num(t1, 0, "pixel_size_um"), 1e-9);
        assertTrue(Files.readAllLines(out1).contains("# slide_level: level 1"), "level in the settings lines");
    }

    /**
     * Bounded memory: a 5000 x 5000 slide (its pixels alone are 100 MB as an int[]) analysed at full
     * resolution in a child JVM with 128 MB of heap and one thread (the calibration mosaic path, as
     * the level is above 16 MP). The field repeated 25 times: about 25 times its nuclei.
     */
    @Test
    void analysesAFullResolutionLevelLargerThanTheHeap(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Field f = new SyntheticNuclei().size(1000, 1000).seed(3).generate();
        Path field = Vips.png((int[]) f.image.getPixels(), 1000, 1000, dir.resolve("field.png"));
        Path big = dir.resolve("big.v");
        Vips.run("vips", "replicate", field.toString(), big.toString(), "5", "5");
        Vips.run("vips", "copy", big.toString(), dir.resolve("res.v").toString(), "--xres", "2000", "--yres", "2000");
        Path tif = dir.resolve("big.tif");
        Vips.run("vips", "tiffsave", dir.resolve("res.v").toString(), tif.toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--bigtiff", "--tile-width", "512", "--tile-height", "512");
        Path csv = dir.resolve("big.csv");
        java.util.List<String> cmd = java.util.Arrays.asList(
                java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.ihcblotquant.cli.Main", "cells", "--quiet", tif.toString(), "--out", csv.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().put("SLURM_CPUS_PER_TASK", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "finished");
        String log = new String(Files.readAllBytes(dir.resolve("log.txt")), "UTF-8");
        assertEquals(0, p.exitValue(), log);
        CsvTable t = CsvTable.read(csv);
        assertEquals("ok", t.get(0, t.column("status")), log);
        assertEquals("5000", t.get(0, t.column("width")));
        assertEquals("0", t.get(0, t.column("level")));
        double n = num(t, 0, "nuclei");
        int truth = 25 * f.nuclei.size();
        System.out.printf(Locale.ROOT, "5000x5000 slide: %.0f nuclei vs %d; positive %.2f vs %.2f; H %.1f vs %.1f%n", n,
                truth, num(t, 0, "positive_pct"), f.positivePct(0.2, 0.4, 0.6), num(t, 0, "cell_h_score"),
                f.hScore(0.2, 0.4, 0.6));
        assertTrue(Math.abs(n - truth) < 0.06 * truth, n + " nuclei vs " + truth);
        assertEquals(f.positivePct(0.2, 0.4, 0.6), num(t, 0, "positive_pct"), 1.4);
        assertEquals(f.hScore(0.2, 0.4, 0.6), num(t, 0, "cell_h_score"), 4);
    }

    private static double pooled(double va, SyntheticNuclei.Field a, double vb, SyntheticNuclei.Field b) {
        return (va * a.nuclei.size() + vb * b.nuclei.size()) / (a.nuclei.size() + b.nuclei.size());
    }

    /** Glass as the generator makes it: its default glass colour (236, 232, 238) with Gaussian noise of SD 2. */
    private static int[] glass(int n, Random rnd) {
        int[] glass = {236, 232, 238};
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int p = 0;
            for (int c = 0; c < 3; c++) {
                int v = (int) Math.round(glass[c] + 2.0 * rnd.nextGaussian());
                p = (p << 8) | Math.max(0, Math.min(255, v));
            }
            out[i] = p;
        }
        return out;
    }

    private static void paste(SyntheticNuclei.Field f, int[] canvas, int x0, int y0) {
        int w = f.image.getWidth();
        int h = f.image.getHeight();
        int[] px = (int[]) f.image.getPixels();
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, y * w, canvas, (y0 + y) * W + x0, w);
        }
    }

    private static int row(CsvTable t, String image) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.get(i, t.column("image")).equals(image)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + image);
    }

    private static double num(CsvTable t, int row, String col) {
        return Double.parseDouble(t.get(row, t.column(col)));
    }
}
