package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markers scored cell by cell are kept in the study cache by file content and settings, as pixel-scored
 * images are, and each of their fields has a QC picture in the report.
 */
class StudyCellsCacheTest {
    private static final String[] TABLES = {"cells-B-images", "cells-B-patients", "cells-B-cells", "study"};
    /** Fields in the small study: 6 patients x 2 markers (A pixel-scored, B cell-scored). */
    private static final int IMAGES = 2 * SmallStudy.IDS.length;

    private static Path cellStudy(Path dir) throws Exception {
        Path study = SmallStudy.write(dir, "0.15");
        String yaml = new String(Files.readAllBytes(study), StandardCharsets.UTF_8).replace(
                "  - {name: B, images: img/B, score: h_score}\n",
                "  - {name: B, images: img/B, mode: cells, pixel-size: 2, score: positive_pct}\n");
        Files.write(study, yaml.getBytes(StandardCharsets.UTF_8));
        return study;
    }

    private static StudyOutcome run(Path study, Path out, boolean resume) {
        return new StudyJob().run(new StudyRequest(study, out, resume, 2), ProgressListener.NONE);
    }

    private static byte[] table(Path out, String name) throws Exception {
        return Files.readAllBytes(out.resolve("tables/" + name + ".csv"));
    }

    @Test
    void secondRunReusesEveryCellScoredFieldWithIdenticalTablesAndPictures(@TempDir Path dir) throws Exception {
        Path study = cellStudy(dir);
        Path out = dir.resolve("out");
        StudyOutcome first = run(study, out, true);
        assertEquals(IMAGES, first.images());
        assertEquals(0, first.reused());
        List<byte[]> before = new ArrayList<>();
        for (String t : TABLES) {
            before.add(table(out, t));
        }
        assertTrue(CsvTable.read(out.resolve("tables/cells-B-cells.csv")).rowCount() > 0, "cells were found");
        String report1 = new String(Files.readAllBytes(first.report()), StandardCharsets.UTF_8);

        StudyOutcome second = run(study, out, true);
        assertEquals(IMAGES, second.reused(), "every field, pixel- and cell-scored, comes from the cache");
        for (int i = 0; i < TABLES.length; i++) {
            assertArrayEquals(before.get(i), table(out, TABLES[i]), TABLES[i] + " identical when read from the cache");
        }
        // independent of the cache: a run that analyses everything anew writes the same rows
        Path fresh = dir.resolve("fresh");
        run(study, fresh, false);
        for (String t : TABLES) {
            assertEquals(rows(out, t), rows(fresh, t), t + " as a fresh analysis");
        }

        // one QC picture per field of each marker: pixel-scored A and cell-scored B, in both runs
        String report2 = new String(Files.readAllBytes(second.report()), StandardCharsets.UTF_8);
        for (String report : new String[] {report1, report2}) {
            assertFalse(report.contains("No QC pictures here"));
            List<String> cellPictures = pictures(section(report, "IHC markers (cell scoring)"));
            assertEquals(SmallStudy.IDS.length, cellPictures.size(), "one QC picture per cell-scored field");
            for (String id : SmallStudy.IDS) {
                assertTrue(section(report, "IHC markers (cell scoring)").contains("alt=\"QC " + id + "_f1.png (" + id
                        + ")\""), id);
            }
            for (String jpeg : cellPictures) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(jpeg)));
                // the 120 x 90 field shown at its own size (a QC picture is never enlarged)
                assertEquals(120, img.getWidth(), "picture width");
                assertEquals(90, img.getHeight(), "picture height");
            }
        }
        assertEquals(pictures(section(report1, "IHC markers (cell scoring)")),
                pictures(section(report2, "IHC markers (cell scoring)")), "the cached pictures are the same");
    }

    @Test
    void renamedFieldIsReusedAndChangedFieldIsAnalysedAgain(@TempDir Path dir) throws Exception {
        Path study = cellStudy(dir);
        Path out = dir.resolve("out");
        run(study, out, true);
        CsvTable old = CsvTable.read(out.resolve("tables/cells-B-images.csv"));
        List<String> oldS1 = rowOf(old, "S1_f1.png");
        List<String> oldR2 = rowOf(old, "R2_f1.png");

        Path b = dir.resolve("img/B");
        Files.move(b.resolve("S1_f1.png"), b.resolve("S1_f1_renamed.png"));
        // the changed field: its right half overwritten with the left half of another patient's field
        BufferedImage r2 = ImageIO.read(b.resolve("R2_f1.png").toFile());
        BufferedImage s3 = ImageIO.read(b.resolve("S3_f1.png").toFile());
        for (int y = 0; y < r2.getHeight(); y++) {
            for (int x = r2.getWidth() / 2; x < r2.getWidth(); x++) {
                r2.setRGB(x, y, s3.getRGB(x - r2.getWidth() / 2, y));
            }
        }
        ImageIO.write(r2, "png", b.resolve("R2_f1.png").toFile());

        StudyOutcome again = run(study, out, true);
        assertEquals(IMAGES - 1, again.reused(), "all but the changed field come from the cache");
        CsvTable now = CsvTable.read(out.resolve("tables/cells-B-images.csv"));
        List<String> renamed = rowOf(now, "S1_f1_renamed.png");
        assertEquals("S1", renamed.get(now.column("slide")), "patient id taken from the new name");
        assertEquals(oldS1.subList(1, oldS1.size()), renamed.subList(1, renamed.size()), "renamed: same result");
        assertNotEquals(oldR2, rowOf(now, "R2_f1.png"), "the changed field was analysed again");

        // the rows are those of a run that analyses everything anew
        Path fresh = dir.resolve("fresh");
        run(study, fresh, false);
        for (String t : TABLES) {
            assertEquals(rows(fresh, t), rows(out, t), t);
        }
    }

    @Test
    void wholeSlideScoredByCellsHasAPictureAndIsReused(@TempDir Path dir) throws Exception {
        Path slide = SharedData.testImage("ihc/openslide_OS-2-ndpi_Ki67.ome.tif");
        Path folder = Files.createDirectories(dir.resolve("slides"));
        Files.createSymbolicLink(folder.resolve("OS2_slide.ome.tif"), slide.toAbsolutePath());
        Path study = dir.resolve("study.yaml");
        Files.write(study, ("id-pattern: '^(OS\\d)_'\nmarkers:\n  - {name: Ki67, images: [slides/OS2_slide.ome.tif],"
                + " mode: cells, score: positive_pct}\n").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        StudyOutcome first = run(study, out, true);
        assertEquals(0, first.failed(), "the slide was analysed");
        byte[] cells = table(out, "cells-Ki67-cells");
        String html = new String(Files.readAllBytes(first.report()), StandardCharsets.UTF_8);
        List<String> pics = pictures(section(html, "IHC markers (cell scoring)"));
        assertEquals(1, pics.size(), "one QC picture for the slide");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pics.get(0))));
        assertTrue(img.getWidth() <= QcThumbnail.WIDTH && img.getWidth() > 0, "a thumbnail of the slide");
        StudyOutcome second = run(study, out, true);
        assertEquals(1, second.reused());
        assertArrayEquals(cells, table(out, "cells-Ki67-cells"));
    }

    private static List<String> rowOf(CsvTable t, String image) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.get(r, 0).equals(image)) {
                return t.row(r);
            }
        }
        throw new AssertionError(image + " not in the table");
    }

    private static List<List<String>> rows(Path out, String name) {
        CsvTable t = CsvTable.read(out.resolve("tables/" + name + ".csv"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(t.header());
        for (int r = 0; r < t.rowCount(); r++) {
            rows.add(t.row(r));
        }
        return rows;
    }

    /** The report from a section's heading to the next heading of the same level. */
    private static String section(String html, String heading) {
        int start = html.indexOf("<h2>" + heading + "</h2>");
        assertTrue(start >= 0, heading);
        Matcher next = Pattern.compile("<h2").matcher(html);
        int end = next.find(start + 4) ? next.start() : html.length();
        return html.substring(start, end);
    }

    private static List<String> pictures(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<img alt=\"QC [^\"]*\" src=\"data:image/jpeg;base64,([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
