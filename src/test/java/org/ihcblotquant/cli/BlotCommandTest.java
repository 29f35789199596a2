package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

/** {@code ihcq blot} end to end on synthetic blots written as TIFF. */
class BlotCommandTest {

    static final double[] TARGET = {22500, 35000, 15000, 50000, 27500, 8750, 40000, 20000};
    static final double[] ACTIN = {37500, 33750, 41250, 35000, 38750, 31250, 40000, 36250};

    static final class Run {
        int code;
        String out;
        String err;
    }

    static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Run r = new Run();
        r.code = Main.run(args, new PrintStream(o, true), new PrintStream(e, true));
        r.out = new String(o.toByteArray(), StandardCharsets.UTF_8);
        r.err = new String(e.toByteArray(), StandardCharsets.UTF_8);
        return r;
    }

    static Path save(ImageProcessor ip, Path file) {
        new FileSaver(new ImagePlus(file.getFileName().toString(), ip)).saveAsTiff(file.toString());
        return file;
    }

    static SyntheticBlot blot(int lanes) {
        double[] t = java.util.Arrays.copyOf(TARGET, lanes);
        double[] a = java.util.Arrays.copyOf(ACTIN, lanes);
        return new SyntheticBlot().size(480, 300).equalLanes(lanes, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, t).row("actin", 200, 4, a);
    }

    @Test
    void singleImageWithRowsAndControl(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = blot(8).render();
        Path img = save(b.image, dir.resolve("film.tif"));
        // the output folder must exist (a mistyped folder is refused before any work)
        Path csv = Files.createDirectories(dir.resolve("out")).resolve("lanes.csv");
        Path png = dir.resolve("overlay.png");
        Run r = run("blot", img.toString(), "--rows", "target,actin", "--control", "actin", "--out", csv.toString(),
                "--overlay", png.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(Files.exists(png));
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertTrue(text.contains("# background: profile"), text);
        assertTrue(text.contains("# signal film.tif: dark (detected), signal = 255 - pixel"), text);
        CsvTable t = CsvTable.read(csv);
        assertEquals("image,protein,lane,x,y,width,height,total,background,area,signal,saturated_pct,snr,"
                + "control_signal,normalized,relative,status,peak", String.join(",", t.header()));
        assertEquals(16, t.rowCount());
        for (int i = 0; i < 8; i++) {
            assertEquals("target", t.get(i, t.column("protein")));
            int lane = Integer.parseInt(t.get(i, t.column("lane")));
            double truth = b.relative(0, 1, lane, 1);
            assertEquals(truth, Double.parseDouble(t.get(i, t.column("relative"))), 0.05 * truth);
            double norm = Double.parseDouble(t.get(i, t.column("normalized")));
            double sig = Double.parseDouble(t.get(i, t.column("signal")));
            double ctl = Double.parseDouble(t.get(i, t.column("control_signal")));
            assertEquals(sig / ctl, norm, 1e-9);
        }
    }

    @Test
    void mergeDoubletsMeasuresTheDoubletAsOneRow(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = org.ihcblotquant.blot.DoubletTestData.blot();
        Path img = save(b.image, dir.resolve("doublet.tif"));
        Path csv = dir.resolve("d.csv");
        Run r = run("blot", img.toString(), "--rows", "doublet,actin", "--control", "actin", "--merge-doublets",
                "--out", csv.toString());
        assertEquals(0, r.code, r.err);
        CsvTable t = CsvTable.read(csv);
        assertEquals(12, t.rowCount()); // 6 lanes x 2 rows: the doublet is one row
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertTrue(text.contains("# merge doublets: true"), text);
        for (int i = 0; i < 6; i++) {
            assertEquals("doublet", t.get(i, t.column("protein")));
            int lane = Integer.parseInt(t.get(i, t.column("lane")));
            double truth = (b.volumes[0][lane - 1] + b.volumes[1][lane - 1]) / b.volumes[2][lane - 1]
                    / ((b.volumes[0][0] + b.volumes[1][0]) / b.volumes[2][0]);
            assertEquals(truth, Double.parseDouble(t.get(i, t.column("relative"))), 0.05 * truth);
        }
    }

    @Test
    void separateTargetAndControlImagesOfDifferentSizeAndOffset(@TempDir Path dir) throws Exception {
        double[] t = java.util.Arrays.copyOf(TARGET, 6);
        double[] a = java.util.Arrays.copyOf(ACTIN, 6);
        SyntheticBlot.Blot tb = new SyntheticBlot().size(420, 220).equalLanes(6, 30).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("p", 110, 4, t).seed(3).render();
        SyntheticBlot.Blot cb = new SyntheticBlot().size(520, 260).laneCentres(95, 160, 225, 290, 355, 420)
                .bandShape(16, 1.5).background(30, -0.02, 0.04, 2).row("c", 90, 4, a).seed(4).render();
        Path ti = save(tb.image, dir.resolve("target.tif"));
        Path ci = save(cb.image, dir.resolve("control.tif"));
        Path csv = dir.resolve("pair.csv");
        Run r = run("blot", "--image", "pSTAT3=" + ti, "--image", "STAT3=" + ci, "--control", "STAT3",
                "--reference-lane", "2", "--out", csv.toString());
        assertEquals(0, r.code, r.err);
        CsvTable tab = CsvTable.read(csv);
        assertEquals(12, tab.rowCount());
        for (int i = 0; i < 6; i++) {
            assertEquals("pSTAT3", tab.get(i, tab.column("protein")));
            double truth = (t[i] / a[i]) / (t[1] / a[1]);
            assertEquals(truth, Double.parseDouble(tab.get(i, tab.column("relative"))), 0.05 * truth, "lane " + (i + 1));
        }
    }

    @Test
    void mismatchedLaneCountsFailWithNothingWritten(@TempDir Path dir) {
        Path ti = save(blot(8).render().image, dir.resolve("t.tif"));
        Path ci = save(blot(6).render().image, dir.resolve("c.tif"));
        Path csv = dir.resolve("never.csv");
        Run r = run("blot", "--image", "T=" + ti, "--image", "C=" + ci, "--control", "C", "--out", csv.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("different lane counts") && r.err.contains("T: 8") && r.err.contains("C: 6"), r.err);
        assertFalse(Files.exists(csv));
    }

    @Test
    void unknownControlNamesTheRows(@TempDir Path dir) {
        Path img = save(blot(8).render().image, dir.resolve("b.tif"));
        Path csv = dir.resolve("x.csv");
        Run r = run("blot", img.toString(), "--control", "GAPDH", "--out", csv.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("--control: no band row named GAPDH") && r.err.contains("row1, row2"), r.err);
        assertFalse(Files.exists(csv));
    }

    @Test
    void tooManyLanesAndBlankImagesAreClearErrors(@TempDir Path dir) {
        Path img = save(blot(8).render().image, dir.resolve("b.tif"));
        Run r = run("blot", img.toString(), "--lanes", "400", "--out", dir.resolve("y.csv").toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("--lanes: 400") && r.err.contains("b.tif"), r.err);
        ij.process.ShortProcessor blank = new ij.process.ShortProcessor(300, 200);
        blank.set(1000);
        Path bl = save(blank, dir.resolve("blank.tif"));
        r = run("blot", bl.toString(), "--out", dir.resolve("z.csv").toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("blank.tif") && r.err.contains("no lanes detected"), r.err);
        assertFalse(Files.exists(dir.resolve("y.csv")));
        assertFalse(Files.exists(dir.resolve("z.csv")));
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        Path img = save(blot(8).render().image, dir.resolve("b.tif"));
        assertEquals(2, run("blot", img.toString(), "--background", "rolling").code);
        assertEquals(2, run("blot", img.toString(), "--polarity", "sideways").code);
        assertEquals(2, run("blot").code);
        assertEquals(2, run("blot", img.toString(), "--image", "a=" + img).code);
        assertEquals(0, run("blot", "--help").code);
    }

    @Test
    void printsTheTableWithoutOut(@TempDir Path dir) {
        Path img = save(blot(8).render().image, dir.resolve("b.tif"));
        Run r = run("blot", img.toString(), "--background", "lane", "--reference-lane", "1,2");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("# background: lane"), r.out);
        assertTrue(r.out.contains("\nimage,protein,lane,"), r.out);
    }

    @Test
    void jpegAndRgbExportsAreWarned(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = blot(8).render();
        java.awt.image.BufferedImage rgb = new ij.process.ColorProcessor(b.image.createImage()).getBufferedImage();
        Path jpg = dir.resolve("export.jpg");
        javax.imageio.ImageIO.write(rgb, "jpeg", jpg.toFile());
        Run r = run("blot", jpg.toString(), "--out", dir.resolve("j.csv").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("JPEG (lossy)"), r.err);
        ij.process.ColorProcessor tinted = new ij.process.ColorProcessor(b.image.createImage());
        int[] px = (int[]) tinted.getPixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = (px[i] & 0xffff00) | 0xff; // blue channel saturated: a colour export
        }
        Path png = dir.resolve("colour.png");
        javax.imageio.ImageIO.write(tinted.getBufferedImage(), "png", png.toFile());
        r = run("blot", png.toString(), "--out", dir.resolve("c.csv").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("RGB colour export converted to grey"), r.err);
        String text = new String(Files.readAllBytes(dir.resolve("c.csv")), StandardCharsets.UTF_8);
        assertTrue(text.contains("# warning 1: colour.png: RGB colour export"), text);
    }

    @Test
    void perImageRegionsMatchTheLanesOfTwoScans(@TempDir Path dir) {
        // the target scan shows 8 lanes, the control scan only the last 6: crop the target to them
        SyntheticBlot.Blot tb = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, TARGET).render();
        double[] a = java.util.Arrays.copyOfRange(ACTIN, 2, 8);
        SyntheticBlot.Blot cb = new SyntheticBlot().size(400, 240).equalLanes(6, 20).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("actin", 120, 4, a).seed(9).render();
        Path ti = save(tb.image, dir.resolve("t.tif"));
        Path ci = save(cb.image, dir.resolve("c.tif"));
        Path csv = dir.resolve("roi.csv");
        Run r = run("blot", "--image", "target=" + ti, "--image", "actin=" + ci, "--control", "actin",
                "--roi", "target=138,0,342,300", "--out", csv.toString());
        assertEquals(0, r.code, r.err);
        CsvTable t = CsvTable.read(csv);
        assertEquals(12, t.rowCount());
        for (int i = 0; i < 6; i++) {
            double truth = (TARGET[i + 2] / ACTIN[i + 2]) / (TARGET[2] / ACTIN[2]);
            assertEquals(truth, Double.parseDouble(t.get(i, t.column("relative"))), 0.05 * truth, "lane " + (i + 1));
        }
    }
}
