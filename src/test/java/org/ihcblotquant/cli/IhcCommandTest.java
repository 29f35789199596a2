package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import ij.process.ByteProcessor;

import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IhcCommandTest {

    static SyntheticIhc.Sample writePng(Path file, long seed, double cover) throws IOException {
        SyntheticIhc.Sample s = new SyntheticIhc().size(320, 240).tissueCover(cover).seed(seed).generate();
        Files.createDirectories(file.getParent());
        ImageIO.write(s.image.getBufferedImage(), "png", file.toFile());
        return s;
    }

    @Test
    void folderBatchWritesBothTablesAndKeepsGoingPastBadFiles(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("slides");
        SyntheticIhc.Sample a1 = writePng(in.resolve("A_1.png"), 1, 0.5);
        SyntheticIhc.Sample a2 = writePng(in.resolve("sub/A_2.png"), 2, 0.7);
        writePng(in.resolve("B_1.png"), 3, 0.6);
        writePng(in.resolve("C_glass.png"), 4, 0.0);
        // bad inputs: greyscale, empty, truncated, not an image at all
        ImageIO.write(new ByteProcessor(50, 50).getBufferedImage(), "png", in.resolve("grey.png").toFile());
        Files.write(in.resolve("empty.tif"), new byte[0]);
        byte[] full = Files.readAllBytes(in.resolve("B_1.png"));
        Files.write(in.resolve("truncated.png"), Arrays.copyOf(full, full.length / 3));
        Files.write(in.resolve("notes.jpg"), "this is text".getBytes("UTF-8"));
        Files.write(in.resolve("readme.txt"), "ignored: not an image name".getBytes("UTF-8"));
        byte[] before = Files.readAllBytes(in.resolve("A_1.png"));

        // the output folder must exist: a typo in it is refused before any work (see outputPathsAreCheckedFirst)
        Path out = Files.createDirectories(dir.resolve("out")).resolve("images.csv");
        Path slides = dir.resolve("out/per-slide.csv");
        CliRunner r = CliRunner.run("ihc", "--slide-pattern", "^([A-Z])_", "--marker", "p-STAT3", "--out",
                out.toString(), "--slides", slides.toString(), in.toString());
        assertEquals(0, r.code, r.toString());

        CsvTable t = CsvTable.read(out);
        List<String> columns = new ArrayList<>(Arrays.asList(IhcTables.IMAGE_COLUMNS));
        columns.add("level");
        columns.add("pixel_size_um");
        assertEquals(columns, t.header(), "the slide columns are always there (empty for images)");
        assertEquals(8, t.rowCount(), "one row per image file");
        int status = t.column("status");
        int image = t.column("image");
        for (int i = 0; i < t.rowCount(); i++) {
            String name = t.get(i, image);
            String st = t.get(i, status);
            if (name.startsWith("A_") || name.startsWith("B_")) {
                assertEquals("ok", st, name);
            } else {
                assertTrue(st.startsWith("error:"), name + ": " + st);
            }
            if (name.equals("grey.png")) {
                assertTrue(st.contains("not an RGB"), st);
            }
            if (name.equals("empty.tif")) {
                assertTrue(st.contains("empty file"), st);
            }
            if (name.equals("truncated.png")) {
                assertTrue(st.contains("truncated") || st.contains("corrupt"), st);
            }
            if (name.equals("C_glass.png")) {
                assertTrue(st.contains("no tissue"), st);
                assertEquals("0", t.get(i, t.column("tissue_px")));
                assertEquals("", t.get(i, t.column("dab_mean_od")), "no NaN, no number for an empty slide");
            }
        }
        // per-slide: A pools A_1 and A_2
        CsvTable s = CsvTable.read(slides);
        assertEquals(Arrays.asList(IhcTables.SLIDE_COLUMNS), s.header());
        assertEquals(2, s.rowCount());
        assertEquals("A", s.get(0, 0));
        assertEquals("p-STAT3", s.get(0, s.column("marker")));
        assertEquals("2", s.get(0, s.column("images")));
        double trueMean = (a1.meanDab() * a1.tissuePixels() + a2.meanDab() * a2.tissuePixels())
                / (a1.tissuePixels() + a2.tissuePixels());
        assertEquals(trueMean, Double.parseDouble(s.get(0, s.column("dab_mean_od"))), 0.01);
        // provenance sits above the header
        String text = new String(Files.readAllBytes(out), "UTF-8");
        assertTrue(text.startsWith("# tool: IHC Blot Quant"), text.substring(0, 80));
        assertTrue(text.contains("# stain_vectors: Hematoxylin"));
        assertTrue(text.contains("# thresholds: weak >= 0.2"));
        // inputs untouched
        assertTrue(Arrays.equals(before, Files.readAllBytes(in.resolve("A_1.png"))));
        assertFalse(Files.list(dir.resolve("out")).anyMatch(p -> p.toString().endsWith(".part")));
    }

    @Test
    void nothingProcessableExitsOne(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("bad.png"), new byte[] {1, 2, 3});
        CliRunner r = CliRunner.run("ihc", "--out", dir.resolve("o.csv").toString(), dir.resolve("bad.png").toString());
        assertEquals(1, r.code, r.toString());
        assertTrue(Files.exists(dir.resolve("o.csv")), "the failure is still recorded in the table");
    }

    @Test
    void folderWithoutImagesIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        CliRunner r = CliRunner.run("ihc", "--out", dir.resolve("o.csv").toString(), empty.toString());
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("nothing-here") && r.err.contains("no images"), r.err);
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void invalidOptionsExitTwoAndNameTheOption(@TempDir Path dir) throws IOException {
        Path img = dir.resolve("x.png");
        writePng(img, 1, 0.5);
        String o = dir.resolve("o.csv").toString();
        String[][] cases = {
            {"--slide-pattern", "^P\\d+_", "slide-pattern"},
            {"--vectors", "0,0,0;0.27,0.57,0.78", "--vectors"},
            {"--vectors", "0.2,0.4,0.6;0.1,0.2,0.3", "collinear"},
            {"--vectors", "0.6,-0.7,0.2;0.27,0.57,0.78", "negative"},
            {"--thresholds", "0.6,0.4,0.2", "--thresholds"},
            {"--thresholds", "0.2,abc,0.6", "--thresholds"},
            {"--background", "300,200,200", "--background"},
            {"--stain", "H-DABBY", "--stain"},
            {"--third", "sideways", "--third"},
            {"--bogus", "1", "--bogus"},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run("ihc", c[0], c[1], "--out", o, img.toString());
            assertEquals(2, r.code, Arrays.toString(c) + "\n" + r);
            assertTrue(r.err.contains(c[2]), Arrays.toString(c) + "\n" + r.err);
        }
        CliRunner same = CliRunner.run("ihc", "--out", img.toString(), img.toString());
        assertEquals(2, same.code);
        assertTrue(same.err.contains("refusing to overwrite"), same.err);
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRunner r = CliRunner.run("ihc", "--help");
        assertEquals(0, r.code);
        for (String opt : new String[] {"--stain", "--vectors", "--third", "--background", "--thresholds", "--tissue-od",
            "--marker", "--slide-pattern", "--out", "--slides", "--quiet"}) {
            assertTrue(r.out.contains(opt), opt);
        }
        CliRunner top = CliRunner.run("--help");
        assertEquals(0, top.code);
        for (String cmd : new String[] {"demo", "ihc", "deconvolve", "bench"}) {
            assertTrue(top.out.contains(cmd), cmd);
        }
        assertEquals(2, CliRunner.run("frobnicate").code);
    }

    @Test
    void masksRestrictEachImageAndMissingOnesAreErrorRows(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("slides");
        SyntheticIhc.Sample a = writePng(in.resolve("A_1.png"), 1, 0.6);
        writePng(in.resolve("B_1.png"), 2, 0.6);
        writePng(in.resolve("C_1.png"), 3, 0.6);
        Path masks = Files.createDirectories(in.resolve("masks"));
        // A: left half; B: a mask of the wrong size; C: none
        ByteProcessor left = new ByteProcessor(320, 240);
        left.setColor(255);
        left.setRoi(0, 0, 160, 240);
        left.fill();
        ImageIO.write(left.getBufferedImage(), "png", masks.resolve("A_1.png").toFile());
        ImageIO.write(new ByteProcessor(10, 10).getBufferedImage(), "png", masks.resolve("B_1_mask.png").toFile());
        Path out = dir.resolve("images.csv");
        CliRunner r = CliRunner.run("ihc", "--masks", masks.toString(), "--out", out.toString(), in.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable t = CsvTable.read(out);
        assertEquals(3, t.rowCount(), "mask files are not scored as images");
        assertEquals("A_1.png", t.get(0, 0));
        assertEquals("ok", t.get(0, t.column("status")));
        long tissueLeft = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 160; x++) {
                if (a.tissue[y * 320 + x]) {
                    tissueLeft++;
                }
            }
        }
        assertEquals(tissueLeft / (160.0 * 240), Double.parseDouble(t.get(0, t.column("tissue_fraction"))), 0.02);
        assertTrue(t.get(1, t.column("status")).contains("mask is 10x10"), t.get(1, t.column("status")));
        assertTrue(t.get(2, t.column("status")).contains("no mask"), t.get(2, t.column("status")));
        assertEquals(2, CliRunner.run("ihc", "--masks", dir.resolve("nowhere").toString(), in.toString()).code);
    }
}
