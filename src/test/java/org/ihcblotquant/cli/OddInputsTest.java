package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The odd inputs found by trying: each is read correctly, refused with a clear message, or warned about. */
class OddInputsTest {

    private static Path png(SyntheticIhc.Sample s, Path file) throws Exception {
        ImageIO.write(s.image.getBufferedImage(), "png", file.toFile());
        return file;
    }

    /** A CMYK JPEG (four colour components) is an error row, not a wrongly coloured score. */
    @Test
    void cmykJpegIsRefusedWithAnErrorRow(@TempDir Path dir) throws Exception {
        WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 64,
                48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                cmyk.setPixel(x, y, new int[] {40, 90, 120, 10});
            }
        }
        Path jpg = dir.resolve("print.jpg");
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = it.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpg.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            w.dispose();
        }
        Path csv = dir.resolve("o.csv");
        CliRunner r = CliRunner.run("ihc", "--out", csv.toString(), jpg.toString());
        assertEquals(1, r.code, r.toString());
        CsvTable t = CsvTable.read(csv);
        assertTrue(t.get(0, t.column("status")).startsWith("error: ") && t.get(0, t.column("status")).contains("CMYK"),
                t.row(0).toString());
        // error rows: every column after status empty, width and height included
        assertEquals("", t.get(0, t.column("width")));
        assertEquals("", t.get(0, t.column("height")));
    }

    /** Output paths are checked before any work: one line, exit 2, nothing written. */
    @Test
    void badOutputPathsAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path img = png(new SyntheticIhc().size(64, 48).seed(1).generate(), dir.resolve("x.png"));
        Path blot = dir.resolve("b.tif");
        new FileSaver(new ImagePlus("b", new SyntheticBlot().size(300, 200).equalLanes(4, 30).bandShape(14, 1.5)
                .background(40, 0.03, 0.05, 2).row("a", 100, 4, 20000, 30000, 25000, 28000).render().image))
                .saveAsTiff(blot.toString());
        Path csv = Files.write(dir.resolve("t.csv"), "v,g\n1,a\n2,a\n3,b\n4,b\n".getBytes(StandardCharsets.UTF_8));
        String missing = dir.resolve("no/such/out.csv").toString();
        String[][] cases = {
            {"ihc", "--out", missing, img.toString()},
            {"ihc", "--out", dir.toString(), img.toString()},
            {"deconvolve", img.toString(), "--out", img.toString()},
            {"blot", blot.toString(), "--out", missing},
            {"blot", blot.toString(), "--out", blot.toString()},
            {"stats", "ttest", "--table", csv.toString(), "--value", "v", "--group", "g", "--csv", missing},
            {"stats", "ttest", "--table", csv.toString(), "--value", "v", "--group", "g", "--json", csv.toString()},
            {"stats", "ttest", "--table", csv.toString(), "--value", "v", "--group", "g", "--plot",
                dir.resolve("no/p.png").toString()},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(c);
            String what = String.join(" ", c) + "\n" + r;
            assertEquals(2, r.code, what);
            assertEquals(1, r.err.trim().split("\n").length, what);
            assertTrue(r.err.startsWith("ihcq " + c[0] + ": --"), what);
            assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), what);
        }
        assertFalse(Files.exists(dir.resolve("no")));
        assertEquals("v,g\n1,a\n2,a\n3,b\n4,b\n", new String(Files.readAllBytes(csv), StandardCharsets.UTF_8));
    }

    /** Transparent pixels are outside the picture: the score equals that of the opaque part alone. */
    @Test
    void transparentPixelsAreNotTissue(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(80, 60).tissueCover(0.7).seed(4).generate();
        BufferedImage argb = new BufferedImage(160, 60, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 160; x++) {
                // left half: transparent black, which would read as the darkest tissue
                argb.setRGB(x, y, x < 80 ? 0x00000000 : 0xff000000 | (s.image.get(x - 80, y) & 0xffffff));
            }
        }
        Path alpha = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", alpha.toFile());
        Path plain = png(s, dir.resolve("plain.png"));
        Path csv = dir.resolve("o.csv");
        CliRunner r = CliRunner.run("ihc", "--quiet", "--out", csv.toString(), alpha.toString(), plain.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable t = CsvTable.read(csv);
        for (String col : new String[] {"tissue_px", "tissue_fraction", "dab_mean_od", "h_score"}) {
            assertEquals(t.get(1, t.column(col)), t.get(0, t.column(col)), col);
        }
        assertTrue(t.get(0, t.column("notes")).contains("transparent pixels (alpha 0) left out"));
    }

    /** Thresholds must be positive and increasing. */
    @Test
    void thresholdsMustBePositiveAndIncreasing(@TempDir Path dir) throws Exception {
        Path img = png(new SyntheticIhc().size(64, 48).seed(1).generate(), dir.resolve("x.png"));
        for (String th : new String[] {"-0.1,0.4,0.6", "0,0.4,0.6", "0.2,0.2,0.6"}) {
            CliRunner r = CliRunner.run("ihc", "--thresholds", th, "--out", dir.resolve("o.csv").toString(),
                    img.toString());
            assertEquals(2, r.code, r.toString());
            assertTrue(r.err.startsWith("ihcq ihc: --thresholds: "), r.err);
        }
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    /**
     * A 1x1 image and a dithered 256-colour GIF are scored with a warning; OME-TIFF double
     * extensions leave the slide id; the '# command:' line can be pasted back into a shell.
     */
    @Test
    void tinyAndPaletteImagesAreWarnedDoubleExtensionsStrippedCommandQuoted(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        new FileSaver(new ImagePlus("t", new ColorProcessor(1, 1, new int[] {0x804020}))).saveAsPng(
                in.resolve("tiny.png").toString());
        SyntheticIhc.Sample s = new SyntheticIhc().size(120, 90).tissueCover(0.6).seed(8).generate();
        ImageIO.write(palette(s.image), "gif", in.resolve("dithered.gif").toFile());
        new FileSaver(new ImagePlus("P7", s.image)).saveAsTiff(in.resolve("P7_x.ome.tif").toString());
        Path csv = dir.resolve("o.csv");
        CliRunner r = CliRunner.run("ihc", "--slide-pattern", "^(P\\d+)_", "--out", csv.toString(), in.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.err.contains("warning: tiny.png: too few pixels to score reliably (1x1)"), r.err);
        assertTrue(r.err.contains("warning: dithered.gif: palette colour image"), r.err);
        CsvTable t = CsvTable.read(csv);
        List<String> slides = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            slides.add(t.get(i, t.column("slide")));
        }
        assertTrue(slides.contains("P7"), slides.toString());
        assertTrue(slides.contains("tiny") && slides.contains("dithered"), slides.toString());
        CliRunner plain = CliRunner.run("ihc", "--out", dir.resolve("p.csv").toString(),
                in.resolve("P7_x.ome.tif").toString());
        CsvTable p = CsvTable.read(dir.resolve("p.csv"));
        assertEquals("P7_x", p.get(0, p.column("slide")), plain.toString());
        String header = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertTrue(header.contains("# command: ihcq ihc --slide-pattern '^(P\\d+)_' --out " + csv + " " + in + "\n"),
                header.substring(0, 400));
    }

    private static BufferedImage palette(ColorProcessor cp) {
        // 6x6x6 colour cube with Floyd-Steinberg dithering, as a 256-colour export does
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (51 * (i / 36));
            g[i] = (byte) (51 * (i / 6 % 6));
            b[i] = (byte) (51 * (i % 6));
        }
        BufferedImage out = new BufferedImage(cp.getWidth(), cp.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        java.awt.Graphics2D gr = out.createGraphics();
        gr.setRenderingHint(java.awt.RenderingHints.KEY_DITHERING, java.awt.RenderingHints.VALUE_DITHER_ENABLE);
        gr.drawImage(cp.getBufferedImage(), 0, 0, null);
        gr.dispose();
        return out;
    }

    /** A non-ASCII folder name works through the ihcq launcher with LANG and LC_* unset (cron, ssh). */
    @Test
    void nonAsciiFolderWorksWithoutALocale(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path target = Files.createDirectories(home.resolve("target"));
        Files.copy(Paths.get("ihcq"), home.resolve("ihcq"));
        home.resolve("ihcq").toFile().setExecutable(true);
        FijiMacroRunner.packJar(FijiMacroRunner.locationOf(org.ihcblotquant.core.Version.class),
                target.resolve("IHC_Blot_Quant-0-test.jar"));
        String cp = FijiMacroRunner.locationOf(ij.IJ.class) + File.pathSeparator
                + FijiMacroRunner.locationOf(org.apache.commons.math3.util.FastMath.class);
        Files.write(target.resolve("ihcq.classpath"), cp.getBytes(StandardCharsets.UTF_8));
        Path slides = Files.createDirectories(dir.resolve("Präparate µm Ø"));
        png(new SyntheticIhc().size(80, 60).tissueCover(0.6).seed(2).generate(), slides.resolve("Schnitt_ä.png"));
        Path out = dir.resolve("Ergebnisse.csv");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("ihcq").toString(), "ihc", "--quiet", "--out",
                out.toString(), slides.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_") || k.equals("LANGUAGE"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(readAll(p.getInputStream()), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        CsvTable t = CsvTable.read(out);
        assertEquals("Schnitt_ä.png", t.get(0, t.column("image")));
        assertEquals("ok", t.get(0, t.column("status")));
    }

    private static byte[] readAll(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            bo.write(buf, 0, n);
        }
        return bo.toByteArray();
    }
}
