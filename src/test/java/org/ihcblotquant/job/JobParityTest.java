package org.ihcblotquant.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;
import org.ihcblotquant.stats.GroupComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs give the same numbers whichever way their input arrives (a file the job reads, or
 * pixels / a table a front end holds), so the CLI, the Fiji commands and the SciJava commands
 * cannot drift apart; and the output guarantees hold for every front end.
 */
class JobParityTest {

    @Test
    void ihcScoreOfPixelsEqualsTheBatchRowOfTheFile(@TempDir Path dir) {
        SyntheticIhc.Sample s = new SyntheticIhc().size(160, 120).tissueCover(0.6).seed(11).generate();
        Path f = dir.resolve("S1_a.tif");
        new FileSaver(new ImagePlus("S1_a.tif", s.image)).saveAsTiff(f.toString());
        IhcSettings settings = IhcSettings.defaults().withMarker("MDR-1");
        IhcScoreJob.Outcome one = new IhcScoreJob().run(new IhcScoreJob.Request("S1_a.tif", s.image, null, settings,
                true, false), ProgressListener.NONE);
        IhcBatchJob.Outcome batch = new IhcBatchJob().run(IhcBatchJob.Request.builder(settings).input(f).build(),
                ProgressListener.NONE);
        // the batch table adds the whole-slide columns (level, pixel_size_um), empty for an image
        Object[] row = batch.images().row(0);
        int n = one.row().row(0).length;
        assertArrayEquals(java.util.Arrays.copyOf(row, n), one.row().row(0));
        assertEquals(n + 2, row.length);
        assertEquals(null, row[n]);
        assertEquals(null, row[n + 1]);
        // the overlay classes are the counted pixels: tissue count equals the table's tissue_px
        long tissue = 0;
        for (byte c : one.classes()) {
            if (c >= 0) {
                tissue++;
            }
        }
        assertEquals(((Number) one.row().get(0, "tissue_px")).longValue(), tissue);
        assertEquals(s.tissueFraction(), ((Number) one.row().get(0, "tissue_fraction")).doubleValue(), 0.03);
    }

    @Test
    void deconvolutionOfPixelsEqualsTheFileAndWritesThreeTiffs(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(90, 70).seed(2).generate();
        Path f = dir.resolve("x.tif");
        new FileSaver(new ImagePlus("x.tif", s.image)).saveAsTiff(f.toString());
        StainVectors v = StainVectors.builtIn("h-dab");
        DeconvolveJob.Outcome mem = new DeconvolveJob().run(DeconvolveJob.Request.ofImage("x.tif", s.image, v,
                ThirdStainRule.CROSS_PRODUCT, BackgroundRule.auto(), "t"), ProgressListener.NONE);
        Path out = dir.resolve("od");
        DeconvolveJob.Outcome file = new DeconvolveJob().run(DeconvolveJob.Request.ofFile(f, v,
                ThirdStainRule.CROSS_PRODUCT, BackgroundRule.auto(), out, "t"), ProgressListener.NONE);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals((float[]) mem.images().get(k).getPixels(), (float[]) file.images().get(k).getPixels());
        }
        assertEquals(Arrays.asList(out.resolve("x_Hematoxylin.tif"), out.resolve("x_DAB.tif"),
                out.resolve("x_Residual.tif")), file.written());
        assertTrue(mem.written().isEmpty());
        FieldException same = assertThrows(FieldException.class, () -> new DeconvolveJob().run(
                DeconvolveJob.Request.ofFile(f, v, ThirdStainRule.CROSS_PRODUCT, BackgroundRule.auto(),
                        Files.write(dir.resolve("file"), new byte[1]), "t"), ProgressListener.NONE));
        assertEquals("out", same.field());
    }

    @Test
    void blotOfPixelsEqualsTheFile(@TempDir Path dir) {
        SyntheticBlot.Blot b = new SyntheticBlot().size(420, 300).equalLanes(6, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("t", 100, 4, 22500, 35000, 15000, 50000, 27500, 8750)
                .row("a", 200, 4, 37500, 33750, 41250, 35000, 38750, 31250).render();
        Path f = dir.resolve("blot.tif");
        new FileSaver(new ImagePlus("blot.tif", b.image)).saveAsTiff(f.toString());
        List<String> rows = Arrays.asList("t", "a");
        BlotAnalyzeJob.Outcome fromFile = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(Collections.singletonList(
                BlotAnalyzeJob.BlotImage.file("blot.tif", f, rows, null)), new BlotSettings(), "a", new int[] {1},
                null, null, 0, "t"), ProgressListener.NONE);
        BlotAnalyzeJob.Outcome fromPixels = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(
                Collections.singletonList(BlotAnalyzeJob.BlotImage.pixels("blot.tif", b.image, false, rows, null)),
                new BlotSettings(), "a", new int[] {1}, null, null, 0, "t"), ProgressListener.NONE);
        assertTables(fromFile.table(), fromPixels.table());
        for (int lane = 1; lane <= 6; lane++) {
            double truth = b.relative(0, 1, lane, 1);
            assertEquals(truth, ((Number) fromPixels.table().get(lane - 1, "relative")).doubleValue(), 0.05 * truth);
        }
        // the lossy-JPEG warning and the provenance reach the in-memory path (Fiji) as well
        BlotAnalyzeJob.Outcome jpeg = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(Collections.singletonList(
                BlotAnalyzeJob.BlotImage.pixels("scan.jpg", b.image, true, rows, null)), new BlotSettings(), "a",
                new int[] {1}, null, null, 0, "t"), ProgressListener.NONE);
        assertTrue(jpeg.warnings().get(0).startsWith("scan.jpg: JPEG (lossy) file"), jpeg.warnings().toString());
        assertTrue(jpeg.table().comments().contains("control: a"), jpeg.table().comments().toString());
    }

    private static void assertTables(Table a, Table b) {
        assertEquals(a.columns(), b.columns());
        assertEquals(a.rowCount(), b.rowCount());
        for (int i = 0; i < a.rowCount(); i++) {
            assertArrayEquals(a.row(i), b.row(i), "row " + i);
        }
    }

    @Test
    void statisticsOfAFileEqualTheSameRowsInMemory(@TempDir Path dir) throws Exception {
        String csv = "v,g\n4.2,a\n5.1,a\n3.9,a\n6.1,b\n5.9,b\n7.2,b\n6.6,b\n";
        Path f = Files.write(dir.resolve("t.csv"), csv.getBytes(StandardCharsets.UTF_8));
        CompareGroupsJob.Outcome file = new CompareGroupsJob().run(CompareGroupsJob.Request
                .builder(StatsSource.file(f), GroupComparison.Test.WELCH).value("v").group("g").build(),
                ProgressListener.NONE);
        CompareGroupsJob.Outcome mem = new CompareGroupsJob().run(CompareGroupsJob.Request
                .builder(StatsSource.table(CsvTable.parse("Results table", csv)), GroupComparison.Test.WELCH)
                .value("v").group("g").build(), ProgressListener.NONE);
        assertTables(file.mainTable(), mem.mainTable());
        assertTables(file.tables().get("descriptives"), mem.tables().get("descriptives"));
    }

    /**
     * A per-image table (three fields of slide A, two of B, ...) is pooled by slide when joined to
     * a clinical sheet: the test then sees one mean per slide, computed here by hand.
     */
    @Test
    void perImageRowsArePooledBySlideForAJoinAndWarnedAboutOtherwise(@TempDir Path dir) throws Exception {
        Path images = Files.write(dir.resolve("images.csv"), ("# tool: test\nimage,slide,dab\n"
                + "A_1,A,0.10\nA_2,A,0.20\nA_3,A,0.30\nB_1,B,0.50\nB_2,B,0.70\nC_1,C,0.30\nD_1,D,0.90\nD_2,D,1.10\n")
                .getBytes(StandardCharsets.UTF_8));
        Path clinical = Files.write(dir.resolve("clinical.csv"), "slide,response\nA,no\nB,yes\nC,no\nD,yes\n"
                .getBytes(StandardCharsets.UTF_8));
        CompareGroupsJob.Outcome o = new CompareGroupsJob().run(CompareGroupsJob.Request
                .builder(StatsSource.file(images).joinedWith(clinical, "slide"), GroupComparison.Test.WELCH)
                .value("dab").group("response").build(), ProgressListener.NONE);
        Table d = o.tables().get("descriptives");
        // no: A (mean 0.2), C (0.3); yes: B (0.6), D (1.0)
        assertEquals(2, ((Number) d.get(0, "n")).intValue());
        assertEquals(0.25, ((Number) d.get(0, "mean")).doubleValue(), 1e-12);
        assertEquals(0.8, ((Number) d.get(1, "mean")).doubleValue(), 1e-12);
        assertTrue(o.warnings().get(0).startsWith("8 rows of "), o.warnings().toString());
        assertTrue(o.warnings().get(0).contains("pooled to 4 by slide"), o.warnings().toString());

        Path withGroup = Files.write(dir.resolve("joined.csv"), ("image,slide,dab,response\nA_1,A,0.1,no\n"
                + "A_2,A,0.2,no\nB_1,B,0.5,yes\nB_2,B,0.7,yes\n").getBytes(StandardCharsets.UTF_8));
        CompareGroupsJob.Outcome warned = new CompareGroupsJob().run(CompareGroupsJob.Request
                .builder(StatsSource.file(withGroup), GroupComparison.Test.NONE).value("dab").group("response").build(),
                ProgressListener.NONE);
        assertTrue(warned.warnings().get(0).contains("4 rows but 2 distinct slide ids"), warned.warnings().toString());
        CompareGroupsJob.Outcome pooled = new CompareGroupsJob().run(CompareGroupsJob.Request
                .builder(StatsSource.file(withGroup).pooledBy("slide"), GroupComparison.Test.NONE).value("dab")
                .group("response").build(), ProgressListener.NONE);
        assertEquals(1, ((Number) pooled.mainTable().get(0, "n")).intValue());
        assertEquals(0.15, ((Number) pooled.mainTable().get(0, "mean")).doubleValue(), 1e-12);
    }

    @Test
    void outputsAreCheckedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path in = Files.write(dir.resolve("t.csv"), "v,g\n1,a\n2,a\n3,b\n4,b\n".getBytes(StandardCharsets.UTF_8));
        FieldException missing = assertThrows(FieldException.class, () -> new CompareGroupsJob().run(CompareGroupsJob
                .Request.builder(StatsSource.file(in), GroupComparison.Test.WELCH).value("v").group("g")
                .outputs(StatsOutputs.none().csv(dir.resolve("nowhere/out.csv"))).build(), ProgressListener.NONE));
        assertEquals("csv", missing.field());
        assertTrue(missing.problem().contains("does not exist"), missing.problem());
        FieldException overInput = assertThrows(FieldException.class, () -> new CompareGroupsJob().run(CompareGroupsJob
                .Request.builder(StatsSource.file(in), GroupComparison.Test.WELCH).value("v").group("g")
                .outputs(StatsOutputs.none().csv(in)).build(), ProgressListener.NONE));
        assertTrue(overInput.problem().contains("refusing to overwrite"), overInput.problem());
        FieldException folder = assertThrows(FieldException.class, () -> new CompareGroupsJob().run(CompareGroupsJob
                .Request.builder(StatsSource.file(in), GroupComparison.Test.WELCH).value("v").group("g")
                .outputs(StatsOutputs.none().json(dir)).build(), ProgressListener.NONE));
        assertTrue(folder.problem().contains("is a folder"), folder.problem());
        assertEquals("v,g\n1,a\n2,a\n3,b\n4,b\n", new String(Files.readAllBytes(in), StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }

    @Test
    void commandLinesAreShellQuoted() {
        assertEquals("ihcq ihc --slide-pattern '^(P\\d+)_' --marker 'p STAT3' --out out.csv 'it'\\''s'",
                CommandLines.quoted("ihcq ihc", Arrays.asList("--slide-pattern", "^(P\\d+)_", "--marker", "p STAT3",
                        "--out", "out.csv", "it's")));
        assertEquals("''", CommandLines.quote(""));
    }
}
