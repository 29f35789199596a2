package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;

/**
 * A synthetic cohort folder for shard and merge tests: 8 slides (S1..S8) of 1 to 4 fields of
 * different sizes and staining, so a size-balanced cut puts fields of one slide into different
 * shards, plus one unreadable file (an error row). Slide ids come from {@link #SLIDE_PATTERN}.
 */
public final class CohortFixture {
    public static final String SLIDE_PATTERN = "^(S\\d+)_";
    /** Images written (the unreadable one included). */
    public static final int IMAGES = 21;

    private CohortFixture() {
    }

    public static Path write(Path dir) throws IOException {
        Path in = dir.resolve("cohort");
        long seed = 1400;
        int images = 0;
        for (int s = 1; s <= 8; s++) {
            int fields = 1 + (s * 5) % 4;
            for (int f = 1; f <= fields; f++) {
                int w = 120 + 40 * ((s + f) % 4);
                int h = 90 + 30 * ((s * f) % 3);
                double strong = 0.05 * s;
                SyntheticIhc.Sample smp = new SyntheticIhc().size(w, h).tissueCover(0.4 + 0.05 * f)
                        .dab(new double[] {0.0, 0.3, 0.5, 0.8}, new double[] {0.6 - strong, 0.2, 0.2, strong})
                        .seed(seed++).generate();
                // slides 3 and 6 keep their fields in a folder of their own
                Path file = (s == 3 || s == 6 ? in.resolve("slide" + s) : in).resolve("S" + s + "_f" + f + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(smp.image.getBufferedImage(), "png", file.toFile());
                images++;
            }
        }
        Files.write(in.resolve("S5_broken.png"), "not a png".getBytes("UTF-8"));
        images++;
        assertEquals(IMAGES, images, "fixture size");
        return in;
    }

    /**
     * Asserts that two tables hold the same header and rows: text cells equal, numbers within
     * {@code tol} (absolute, relative for numbers above 1). '#' lines are not compared.
     */
    public static void assertSameTable(Path expected, Path actual, double tol) {
        CsvTable e = CsvTable.read(expected);
        CsvTable a = CsvTable.read(actual);
        assertEquals(e.header(), a.header(), "columns of " + actual);
        assertEquals(e.rowCount(), a.rowCount(), "rows of " + actual);
        for (int r = 0; r < e.rowCount(); r++) {
            for (int c = 0; c < e.header().size(); c++) {
                String x = e.get(r, c);
                String y = a.get(r, c);
                String where = actual.getFileName() + " row " + (r + 1) + " column " + e.header().get(c);
                Double dx = number(x);
                Double dy = number(y);
                if (dx != null && dy != null) {
                    assertTrue(Math.abs(dx - dy) <= tol * Math.max(1, Math.abs(dx)), where + ": " + x + " vs " + y);
                } else {
                    assertEquals(x, y, where);
                }
            }
        }
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
