package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.io.Opener;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq ihc} on a folder mixing an image, a pyramidal slide of the same pixels and a broken
 * slide; {@code ihcq deconvolve} on a slide level.
 */
class SlideCliTest {

    @Test
    void folderMixingImagesAndSlidesGivesOneRowEach(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        SyntheticIhc.Sample s = new SyntheticIhc().size(1400, 1100).seed(12).generate();
        int[] px = (int[]) s.image.getPixels();
        Path png = Vips.png(px, 1400, 1100, in.resolve("A1_field.png"));
        Path v = dir.resolve("res.v");
        Vips.run("vips", "copy", png.toString(), v.toString(), "--xres", "2000", "--yres", "2000");
        Vips.run("vips", "tiffsave", v.toString(), in.resolve("B2_slide.ome.tif").toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--tile-width", "256", "--tile-height", "256", "--subifd");
        Files.write(in.resolve("C3_broken.svs"), SlideCliTestData.jpeg2000Svs());
        Path csv = dir.resolve("images.csv");
        Path qc = dir.resolve("qc");
        CliRunner r = CliRunner.run("ihc", in.toString(), "--out", csv.toString(), "--qc", qc.toString(), "--level",
                "0");
        assertEquals(0, r.code, r.toString());
        CsvTable t = CsvTable.read(csv);
        assertEquals(3, t.rowCount(), r.toString());
        assertTrue(t.hasColumn("level") && t.hasColumn("pixel_size_um"), t.header().toString());
        int img = find(t, "A1_field.png");
        int sl = find(t, "B2_slide.ome.tif");
        int bad = find(t, "C3_broken.svs");
        assertEquals("ok", t.get(img, t.column("status")));
        assertEquals("ok", t.get(sl, t.column("status")));
        assertTrue(String.valueOf(t.get(bad, t.column("status"))).startsWith("error: ")
                && String.valueOf(t.get(bad, t.column("status"))).contains("JPEG 2000"), String.valueOf(t.get(bad, t.column("status"))));
        assertNull(blank(t.get(img, t.column("level"))), "images have no level");
        assertEquals(0, num(t, sl, "level"), 0);
        assertEquals(0.5, num(t, sl, "pixel_size_um"), 1e-9, "2000 px/mm");
        // the slide holds the image's pixels: the same score (tiles of pure glass are not decoded)
        assertEquals(num(t, img, "h_score"), num(t, sl, "h_score"), 0.3);
        assertEquals(num(t, img, "dab_mean_od"), num(t, sl, "dab_mean_od"), 0.002);
        assertEquals(num(t, img, "tissue_fraction"), num(t, sl, "tissue_fraction"), 0.003);
        BufferedImage q1 = ImageIO.read(qc.resolve("A1_field_qc.png").toFile());
        BufferedImage q2 = ImageIO.read(qc.resolve("B2_slide_qc.png").toFile());
        assertTrue(q1.getWidth() >= 700 && q2.getWidth() >= 700, q1.getWidth() + " " + q2.getWidth());
        assertTrue(hasClassColour(q2) && hasClassColour(q1), "QC pictures show the DAB classes");
        // default level: nearest 1 um/px = level 1 (0.5 um/px x 2)
        CliRunner r2 = CliRunner.run("ihc", in.resolve("B2_slide.ome.tif").toString(), "--out",
                dir.resolve("d.csv").toString());
        assertEquals(0, r2.code, r2.toString());
        CsvTable t2 = CsvTable.read(dir.resolve("d.csv"));
        assertEquals(1, num(t2, 0, "level"), 0);
        assertEquals(1.0, num(t2, 0, "pixel_size_um"), 0.01);
        CliRunner r3 = CliRunner.run("ihc", in.toString(), "--level", "1", "--pixel-size", "2");
        assertEquals(2, r3.code, r3.toString());
        assertTrue(r3.err.contains("--level or --pixel-size"), r3.err);
    }

    @Test
    void deconvolveWritesTheChosenLevel(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(900, 700).seed(4).generate();
        Path png = Vips.png((int[]) s.image.getPixels(), 900, 700, dir.resolve("f.png"));
        Path tif = dir.resolve("S_slide.tif");
        Vips.run("vips", "tiffsave", png.toString(), tif.toString(), "--tile", "--pyramid", "--compression", "jpeg",
                "--tile-width", "128", "--tile-height", "128");
        Path out = dir.resolve("od");
        CliRunner r = CliRunner.run("deconvolve", tif.toString(), "--out", out.toString(), "--level", "1");
        assertEquals(0, r.code, r.toString());
        ImagePlus dab = new Opener().openImage(out.resolve("S_slide_DAB.tif").toString());
        assertEquals(450, dab.getWidth());
        assertEquals(350, dab.getHeight());
        assertEquals(32, dab.getBitDepth());
        assertTrue(String.valueOf(dab.getProperty("Info")).contains("slide_level: 1 of"),
                String.valueOf(dab.getProperty("Info")));
        CliRunner bad = CliRunner.run("deconvolve", tif.toString(), "--out", out.toString(), "--level", "7");
        assertEquals(2, bad.code, bad.toString());
        assertTrue(bad.err.contains("--level") && bad.err.contains("does not exist"), bad.err);
    }

    private static boolean hasClassColour(BufferedImage img) {
        for (int y = 0; y < img.getHeight() - 30; y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int p = img.getRGB(x, y);
                int red = (p >> 16) & 0xff;
                int blue = p & 0xff;
                if (red > 200 && blue < 60) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int find(CsvTable t, String image) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (image.equals(t.get(i, t.column("image")))) {
                return i;
            }
        }
        throw new AssertionError("no row for " + image);
    }

    private static Object blank(Object o) {
        return o == null || String.valueOf(o).isEmpty() ? null : o;
    }

    private static double num(CsvTable t, int row, String col) {
        return Double.parseDouble(t.get(row, t.column(col)));
    }
}
