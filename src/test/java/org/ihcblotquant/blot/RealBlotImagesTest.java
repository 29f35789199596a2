package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.junit.jupiter.api.Test;

/**
 * What a person sees on the public blot images in ../shared/test-images/blot (skipped when the
 * shared folder is absent). See docs/blot.md for the full findings.
 */
class RealBlotImagesTest {

    static Path image(String name) {
        Path p = Paths.get(System.getProperty("ihcq.shared", "../shared"), "test-images", "blot", name);
        assumeTrue(Files.exists(p), "shared test image missing: " + p);
        return p;
    }

    static BlotAnalysis analyze(String name, BlotSettings s, String... rows) {
        LoadedImage li = ImageFiles.read(image(name));
        return BlotAnalyzer.analyze(name, li.processor(), li.alpha(), s,
                rows.length == 0 ? null : java.util.Arrays.asList(rows), ProgressListener.NONE);
    }

    @Test
    void imagejSampleGelHasFiveFullLanes() {
        // dark bands on film; a sixth lane is cut by the left image edge (one band only)
        BlotAnalysis a = analyze("ij_sample_gel.gif", new BlotSettings());
        assertEquals(Polarity.DARK, a.image().polarity());
        assertEquals(5, a.lanes().size());
        // the two strong rows (row 2 and row 5 of the picture) are found in every lane
        int strongRows = 0;
        for (BandRow r : a.rows()) {
            int det = 0;
            for (int k = 0; k < r.laneCount(); k++) {
                det += r.detected(k) ? 1 : 0;
            }
            strongRows += det == 5 ? 1 : 0;
        }
        assertTrue(strongRows >= 2, "rows found in all 5 lanes: " + strongRows);
    }

    @Test
    void imagejSampleGelWithSixLanesPlacesThePartialLane() {
        BlotSettings s = new BlotSettings();
        s.lanes = 6;
        BlotAnalysis a = analyze("ij_sample_gel.gif", s);
        assertEquals(6, a.lanes().size());
        assertTrue(a.lanes().get(0).centreX() < 45, "first lane at x=" + a.lanes().get(0).centreX());
        boolean bandInPartialLane = false;
        for (BandRow r : a.rows()) {
            bandInPartialLane |= r.detected(0);
        }
        assertTrue(bandInPartialLane);
    }

    @Test
    void rasilabFlagBandsAreFlaggedSaturated() {
        // band pixels clipped at 0 (dark-on-light export): the FLAG row must say so
        BlotAnalysis a = analyze("rasilab_10xaag_wt_flag.png", new BlotSettings(), "FLAG");
        assertEquals(Polarity.DARK, a.image().polarity());
        // the artefact-covered left edge, 18 FLAG lanes, two empty lanes and the ladder
        assertEquals(22, a.lanes().size());
        BandRow flag = a.row("FLAG");
        for (int k = 1; k <= 18; k++) {
            assertTrue(flag.detected(k), "FLAG band in lane " + (k + 1));
        }
        int saturated = 0;
        for (int k = 0; k < flag.laneCount(); k++) {
            saturated += flag.measurement(k).isSaturated() ? 1 : 0;
        }
        assertTrue(saturated >= 10, "saturated FLAG bands: " + saturated);
        java.util.List<String> w = BlotQuantifier.quantify(Collections.singletonList(a), null, new int[] {2}, 3,
                0.2).warnings;
        assertTrue(w.stream().anyMatch(s -> s.contains("saturated") && s.contains("flat-topped")), w.toString());
    }

    @Test
    void rasilabH3LoadingControlHasNineteenLanesInOneRow() {
        // 18 sample lanes plus the curled band at the left; the burned-in crop box is not a band row
        BlotAnalysis a = analyze("rasilab_10xaag_wt_h3.png", new BlotSettings());
        assertEquals(19, a.lanes().size());
        assertEquals(1, a.rows().size());
        BandRow h3 = a.rows().get(0);
        for (int k = 0; k < 19; k++) {
            assertTrue(h3.detected(k), "lane " + (k + 1));
        }
    }

    @Test
    void chemidocDotBlotIs16BitLightOnDark() {
        BlotAnalysis a = analyze("biorad1sc_test1_ref_16bit.tif", new BlotSettings());
        assertEquals(16, a.image().bitDepth());
        assertEquals(Polarity.LIGHT, a.image().polarity());
        assertEquals(7, a.lanes().size());
    }

    @Test
    void doubletLanesAreOneLaneEach() {
        // three wide lanes, each band brighter at its two sides: two column peaks per lane
        BlotAnalysis a = analyze("facuperezt_img_2band.jpeg", new BlotSettings());
        assertEquals(3, a.lanes().size());
        double[] seen = {95, 263, 423}; // lane centres by eye
        for (int k = 0; k < 3; k++) {
            assertEquals(seen[k], a.lanes().get(k).centreX(), 15, "lane " + (k + 1));
            assertTrue(a.lanes().get(k).bounds().width >= 120, "lane " + (k + 1) + " width");
        }
        assertEquals(2, a.rows().size()); // the doublet
    }

    @Test
    void smilingBandsAreOneLaneEach() {
        // seven strongly curved bands (two dark ends each) and a very faint eighth lane at the right
        BlotAnalysis a = analyze("facuperezt_wide_pic_bands.jpeg", new BlotSettings());
        assertTrue(a.lanes().size() == 7 || a.lanes().size() == 8, "lanes " + a.lanes().size());
        double[] seen = {325, 426, 532, 637, 741, 842, 941}; // band middles by eye
        for (int k = 0; k < 7; k++) {
            Lane lane = a.lanes().get(k);
            assertEquals(seen[k], lane.centreX(), 12, "lane " + (k + 1));
            assertTrue(lane.bounds().width >= 75, "lane " + (k + 1) + " width " + lane.bounds().width);
        }
        assertEquals(1, a.rows().size());
    }

    @Test
    void stackedCoomassieGelsHaveFifteenLanes() {
        // two gels, each 15 lanes in three groups of five; faint lanes beside strong ones, lanes
        // touching, torn gel edges and bubbles: the lanes come from the horizontal extent of the bands
        BlotAnalysis a = analyze("gelquant_gel-example.png", new BlotSettings());
        assertEquals(15, a.lanes().size());
        double[] seen = {48, 85, 118, 152, 188, 222, 258, 293, 332, 370, 405, 440, 475, 508, 545}; // by eye
        for (int k = 0; k < 15; k++) {
            assertEquals(seen[k], a.lanes().get(k).centreX(), 8, "lane " + (k + 1));
        }
        // the upper gel alone
        BlotSettings s = new BlotSettings();
        s.roi = new java.awt.Rectangle(0, 0, 601, 480);
        BlotAnalysis upper = analyze("gelquant_gel-example.png", s);
        assertEquals(15, upper.lanes().size());
        for (int k = 0; k < 15; k++) {
            assertEquals(seen[k], upper.lanes().get(k).centreX(), 8, "upper gel lane " + (k + 1));
        }
    }

    /** The row nearest to y (null when none lies within tol). */
    static BandRow rowNear(BlotAnalysis a, double y, double tol) {
        BandRow best = null;
        for (BandRow r : a.rows()) {
            if (Math.abs(r.meanY() - y) <= tol && (best == null || Math.abs(r.meanY() - y) < Math.abs(best.meanY() - y))) {
                best = r;
            }
        }
        return best;
    }

    static int detected(BandRow r) {
        int n = 0;
        for (int k = 0; k < r.laneCount(); k++) {
            n += r.detected(k) ? 1 : 0;
        }
        return n;
    }

    @Test
    void stackedCoomassieGelsKeepTheProteinRowsNotTheTornEdgesAndBubbles() {
        // per gel a person sees the upper band (all lanes but the three marker lanes) and two protein
        // bands; the torn gel edges, bubbles and the gels' outer edges are not protein rows
        BlotAnalysis a = analyze("gelquant_gel-example.png", new BlotSettings());
        assertEquals(15, a.lanes().size());
        double[] seen = {280, 404, 435, 762, 883}; // by eye
        for (double y : seen) {
            BandRow r = rowNear(a, y, 8);
            assertTrue(r != null, "no row near y=" + y + ": " + BlotAnalyzerTest.rowsAt(a));
            assertTrue(detected(r) >= 9, "row near y=" + y + " found in " + detected(r) + " lanes");
        }
        // the lower gel's second protein band (with the smear below it in the faint lanes)
        BandRow second = rowNear(a, 912, 22);
        assertTrue(second != null && detected(second) >= 5, BlotAnalyzerTest.rowsAt(a));
        for (BandRow r : a.rows()) {
            double y = r.meanY();
            assertTrue(y > 60, "row at the torn top edge / bubbles: y=" + y);
            assertTrue(Math.abs(y - 482) > 10, "row on the torn edge between the gels: y=" + y);
            assertTrue(y < 510 || y > 580, "row among the bubbles between the gels: y=" + y);
            assertTrue(y < 955, "row on the lower gel's bottom edge: y=" + y);
        }
        // was 18: the 7 above plus a faint band across the upper gel's top (y 112-134, two rows) and
        // a fragment of the torn edge (y 500) are left
        assertTrue(a.rows().size() <= 10, "rows " + a.rows().size() + ": " + BlotAnalyzerTest.rowsAt(a));
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("across the gaps between lanes")),
                a.warnings().toString());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("cover one side of the lane")),
                a.warnings().toString());
    }

    @Test
    void rasilabFlagCropBoxLinesAreNotBandRows() {
        // the black crop box drawn into the pixels crosses the lanes at y=986 and y=1069, around the
        // FLAG row (y=1025); the membrane's lower edge is at y=1369
        BlotAnalysis a = analyze("rasilab_10xaag_wt_flag.png", new BlotSettings());
        assertEquals(22, a.lanes().size());
        BandRow flag = rowNear(a, 1025, 10);
        assertTrue(flag != null, BlotAnalyzerTest.rowsAt(a));
        for (int k = 1; k <= 18; k++) {
            assertTrue(flag.detected(k), "FLAG band in lane " + (k + 1));
        }
        assertTrue(rowNear(a, 986, 8) == null, BlotAnalyzerTest.rowsAt(a));
        assertTrue(rowNear(a, 1069, 8) == null, BlotAnalyzerTest.rowsAt(a));
        assertTrue(rowNear(a, 1369, 8) == null, BlotAnalyzerTest.rowsAt(a));
    }

    @Test
    void smilingBandsFaintEighthLaneIsAddedAtTheCombsNextPosition() {
        // the very faint, broad eighth lane at the right gives no column peak; the next position of
        // the seven evenly spaced lanes holds its band (SNR about 11)
        BlotAnalysis a = analyze("facuperezt_wide_pic_bands.jpeg", new BlotSettings());
        assertEquals(8, a.lanes().size());
        assertEquals(1047, a.lanes().get(7).centreX(), 30); // the smear's middle is at about 1075 by eye
        BandRow r = a.rows().get(0);
        assertTrue(r.detected(7), "band in lane 8");
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("lane 8") && w.contains("next position")),
                a.warnings().toString());
    }
}
