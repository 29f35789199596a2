package org.ihcblotquant.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.testutil.SharedData;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our TIFF reader against libvips: pyramids written by {@code vips tiffsave} from a synthetic field,
 * every level decoded by both; lossless files must match exactly (and level 0 must equal the
 * source pixels), JPEG within a level or two of libjpeg-turbo's rounding.
 */
class TiffSlideTest {
    static final int W = 1300;
    static final int H = 1000;

    @TempDir
    static Path dir;
    static int[] source;
    static Path png;

    @BeforeAll
    static void field() throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(W, H).seed(3).generate();
        source = ((int[]) s.image.getPixels()).clone();
        png = Vips.png(source, W, H, dir.resolve("field.png"));
    }

    @ParameterizedTest(name = "{0} bigtiff={1} subifd={2} tile={3}")
    @CsvSource({
        "deflate, false, false, 256",
        "deflate, true, true, 128",
        "lzw, false, true, 256",
        "none, true, false, 256",
        "jpeg, false, false, 256",
        "jpeg, true, true, 240",
    })
    void levelsDecodeAsLibvipsDoes(String compression, boolean big, boolean subifd, int tile) throws Exception {
        Path tif = dir.resolve("p-" + compression + big + subifd + tile + ".tif");
        List<String> cmd = new ArrayList<>();
        for (String a : new String[] {"vips", "tiffsave", png.toString(), tif.toString(), "--tile", "--pyramid",
            "--tile-width", "" + tile, "--tile-height", "" + tile, "--compression", compression}) {
            cmd.add(a);
        }
        if (big) {
            cmd.add("--bigtiff");
        }
        if (subifd) {
            cmd.add("--subifd");
        }
        Vips.run(cmd.toArray(new String[0]));
        boolean lossless = !compression.equals("jpeg");
        try (TiffSlide slide = TiffSlide.open(tif)) {
            List<SlideLevel> levels = slide.levels();
            assertTrue(levels.size() >= 3, "pyramid levels: " + levels);
            assertEquals(W, levels.get(0).width());
            assertEquals(H, levels.get(0).height());
            for (SlideLevel lv : levels) {
                int w = (int) lv.width();
                int h = (int) lv.height();
                int[] ours = slide.readRegion(lv.index(), 0, 0, w, h);
                String src = tif + (lv.index() == 0 ? "" : subifd ? "[subifd=" + (lv.index() - 1) + "]"
                        : "[page=" + lv.index() + "]");
                int[] theirs = Vips.decode(src, dir);
                assertEquals(theirs.length, ours.length, "size of " + lv);
                if (lossless) {
                    assertArrayEquals(theirs, ours, compression + " " + lv);
                } else {
                    assertClose(theirs, ours, lv.toString());
                }
            }
            if (lossless) {
                assertArrayEquals(source, slide.readRegion(0, 0, 0, W, H), "level 0 equals the source pixels");
            }
            // a region across tile borders equals the same part of the whole level
            int[] whole = slide.readRegion(0, 0, 0, W, H);
            int[] part = slide.readRegion(0, 250, 130, 300, 270);
            for (int y = 0; y < 270; y++) {
                for (int x = 0; x < 300; x++) {
                    assertEquals(whole[(130 + y) * W + 250 + x], part[y * 300 + x]);
                }
            }
            // the last tile is cut at the image edge
            SlideLevel l0 = levels.get(0);
            int[] last = slide.readTile(0, l0.columns() - 1, l0.rows() - 1);
            assertEquals(l0.tileWidthAt(l0.columns() - 1) * l0.tileHeightAt(l0.rows() - 1), last.length);
        }
    }

    /** JPEG: libvips uses libjpeg-turbo, we the JDK's libjpeg; both use JFIF colour and fancy upsampling. */
    static void assertClose(int[] theirs, int[] ours, String what) {
        long sum = 0;
        int max = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = Math.abs(((theirs[i] >> s) & 0xff) - ((ours[i] >> s) & 0xff));
                sum += d;
                max = Math.max(max, d);
            }
        }
        double mean = sum / (3.0 * ours.length);
        assertTrue(mean < 0.5 && max <= 8, what + ": mean |diff| " + mean + ", max " + max);
    }

    @Test
    void stripedUncompressedTiffIsOneLevel() throws Exception {
        Path tif = dir.resolve("strips.tif");
        Vips.run("vips", "tiffsave", png.toString(), tif.toString(), "--compression", "deflate");
        try (TiffSlide slide = TiffSlide.open(tif)) {
            assertEquals(1, slide.levels().size());
            assertArrayEquals(source, slide.readRegion(0, 0, 0, W, H));
        }
    }

    @Test
    void pixelSizeFromResolutionTagsScalesWithLevel() throws Exception {
        Path v = dir.resolve("res.v");
        // 4000 px/mm = 0.25 um per pixel
        Vips.run("vips", "copy", png.toString(), v.toString(), "--xres", "4000", "--yres", "4000");
        Path tif = dir.resolve("res.tif");
        Vips.run("vips", "tiffsave", v.toString(), tif.toString(), "--tile", "--pyramid", "--compression", "deflate");
        try (TiffSlide slide = TiffSlide.open(tif)) {
            assertEquals(0.25, slide.levels().get(0).pixelSizeUm(), 1e-6);
            SlideLevel l1 = slide.levels().get(1);
            assertEquals(0.25 * W / (double) l1.width(), l1.pixelSizeUm(), 1e-9);
        }
    }

    @Test
    void twelveMonkeysDecodesJpegTilesAsTheJdkDecoderDoes() throws Exception {
        Path f = SharedData.testImage("ihc/openslide_OS-2-vsi_Ki67.ome.tif");
        Path tif = dir.resolve("tm-jpeg.tif");
        Vips.run("vips", "tiffsave", png.toString(), tif.toString(), "--tile", "--compression", "jpeg");
        for (Path p : new Path[] {f, tif}) {
            int[] jdk;
            int[] tm;
            try (TiffSlide s = TiffSlide.open(p)) {
                jdk = s.readRegion(0, 0, 0, 600, 500);
            }
            TileDecoder.useJdkDecoder = false;
            try (TiffSlide s = TiffSlide.open(p)) {
                tm = s.readRegion(0, 0, 0, 600, 500);
            } finally {
                TileDecoder.useJdkDecoder = true;
            }
            assertArrayEquals(jdk, tm, p.toString());
        }
    }

    /**
     * The OS-2 files were written by Bio-Formats with Photometric RGB over JFIF (YCbCr) JPEG tiles.
     * libtiff, hence libvips, follows the photometric tag and returns the raw YCbCr components (the
     * slide then shows salmon glass and teal nuclei); the JFIF marker says YCbCr, which we follow.
     * Oracle: libvips' raw components through the JFIF conversion (ITU-R BT.601, full range).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"openslide_OS-2-ndpi_Ki67.ome.tif, 0.2270972430394695", "openslide_OS-2-vsi_Ki67.ome.tif, -1"})
    void realOmeTiffsDecodeAsLibvipsComponentsInJfifColour(String name, double pixelSize) throws Exception {
        Path f = SharedData.testImage("ihc/" + name);
        try (TiffSlide slide = TiffSlide.open(f)) {
            SlideLevel l0 = slide.levels().get(0);
            int[] ours = slide.readRegion(0, 0, 0, (int) l0.width(), (int) l0.height());
            int[] ycc = Vips.decode(f.toString(), dir);
            assertEquals(ycc.length, ours.length);
            int max = 0;
            for (int i = 0; i < ours.length; i++) {
                double y = (ycc[i] >> 16) & 0xff;
                double cb = ((ycc[i] >> 8) & 0xff) - 128;
                double cr = (ycc[i] & 0xff) - 128;
                double[] rgb = {y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb};
                for (int c = 0; c < 3; c++) {
                    int expect = (int) Math.max(0, Math.min(255, Math.round(rgb[c])));
                    max = Math.max(max, Math.abs(expect - ((ours[i] >> (16 - 8 * c)) & 0xff)));
                }
            }
            assertTrue(max <= 1, name + ": max difference " + max + " from the JFIF conversion");
            if (pixelSize > 0) {
                assertEquals(pixelSize, l0.pixelSizeUm(), 1e-12);
            } else {
                assertTrue(l0.pixelSizeUm() > 0 && l0.pixelSizeUm() < 2, "OME PhysicalSizeX read: " + l0.pixelSizeUm());
            }
        }
    }
}
