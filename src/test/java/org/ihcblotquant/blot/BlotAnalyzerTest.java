package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.junit.jupiter.api.Test;

import ij.process.ByteProcessor;

/** Accuracy against synthetic blots with known band volumes. */
class BlotAnalyzerTest {

    static final double[] TARGET = {9000, 14000, 6000, 20000, 11000, 3500, 16000, 8000};
    static final double[] ACTIN = {15000, 13500, 16500, 14000, 15500, 12500, 16000, 14500};

    /** Film band peaks of about 25-160 grey levels over a background rising from 40 to 69. */
    static SyntheticBlot film8() {
        return new SyntheticBlot().size(480, 300).mode(SyntheticBlot.Mode.FILM_8BIT).equalLanes(8, 40)
                .bandShape(16, 1.5).background(40, 0.03, 0.05, 2)
                .row("target", 100, 4, scale(TARGET, 2.5)).row("actin", 200, 4, scale(ACTIN, 2.5));
    }

    static double[] scale(double[] v, double f) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] * f;
        }
        return o;
    }

    static SyntheticBlot fluor16() {
        double[] t = new double[6];
        double[] a = new double[6];
        for (int i = 0; i < 6; i++) {
            t[i] = TARGET[i] * 150;
            a[i] = ACTIN[i] * 150;
        }
        return new SyntheticBlot().size(520, 360).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .laneCentres(60, 125, 200, 265, 350, 440).bandShape(20, 2)
                .background(2000, 1.5, 2.5, 120).smile(6).tilt(0.8).row("target", 120, 5, t).row("actin", 250, 5, a);
    }

    static BlotAnalysis analyze(SyntheticBlot.Blot b, BlotSettings s, List<String> names) {
        return BlotAnalyzer.analyze("synthetic", b.image, null, s, names, ProgressListener.NONE);
    }

    static void assertRelative(SyntheticBlot.Blot b, Table t, int nLanes, double tol) {
        for (int lane = 1; lane <= nLanes; lane++) {
            double truth = b.relative(0, 1, lane, 1);
            double got = (Double) t.get(lane - 1, "relative");
            assertEquals(truth, got, tol * truth, "lane " + lane + " relative");
        }
    }

    @Test
    void film8BitDarkOnLightRelativeWithin5Percent() {
        for (long seed = 1; seed <= 4; seed++) {
            film8BitCase(film8().seed(seed).render());
        }
    }

    private void film8BitCase(SyntheticBlot.Blot b) {
        BlotAnalysis a = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        assertEquals(Polarity.DARK, a.image().polarity());
        assertEquals(8, a.lanes().size());
        assertEquals(2, a.rows().size());
        Table t = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1}, 3, 0.2).table;
        assertEquals(16, t.rowCount());
        assertRelative(b, t, 8, 0.05);
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals("ok", t.get(i, "status"), "row " + i);
        }
    }

    @Test
    void fluorescence16BitLightOnDarkWithSmileTiltAndUnequalLanes() {
        for (long seed = 1; seed <= 4; seed++) {
            fluorescenceCase(fluor16().seed(seed).render());
        }
    }

    private void fluorescenceCase(SyntheticBlot.Blot b) {
        BlotAnalysis a = analyze(b, new BlotSettings(), null);
        assertEquals(Polarity.LIGHT, a.image().polarity());
        assertEquals(6, a.lanes().size());
        assertEquals(2, a.rows().size());
        assertEquals("row1", a.rows().get(0).name());
        Table t = BlotQuantifier.quantify(Collections.singletonList(a), "row2", new int[] {1}, 3, 0.2).table;
        assertRelative(b, t, 6, 0.05);
    }

    @Test
    void everyBackgroundMethodExceptNoneRecoversTheRatios() {
        // the rolling ball is approximate by nature (its curved top dips under each band and it
        // rides on the shoulders of close rows): 10 % for it, 5 % for the border and lane baselines
        SyntheticBlot.Blot b = film8().render();
        for (String m : new String[] {"border", "border:5", "lane", "rolling:100"}) {
            BlotSettings s = new BlotSettings();
            s.background = BackgroundMethod.parse("--background", m);
            BlotAnalysis a = analyze(b, s, Arrays.asList("target", "actin"));
            Table t = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1}, 3, 0.2).table;
            for (int lane = 1; lane <= 8; lane++) {
                double truth = b.relative(0, 1, lane, 1);
                double tol = m.startsWith("rolling") ? 0.10 : 0.05;
                assertEquals(truth, (Double) t.get(lane - 1, "relative"), tol * truth, m + " lane " + lane);
            }
        }
    }

    @Test
    void signalIsCloseToTheTrueVolume() {
        SyntheticBlot.Blot b = film8().background(40, 0.03, 0.05, 0).render();
        BlotAnalysis a = analyze(b, new BlotSettings(), null);
        for (int lane = 0; lane < 8; lane++) {
            double got = a.rows().get(1).measurement(lane).signal();
            assertEquals(b.volumes[1][lane], got, 0.04 * b.volumes[1][lane], "actin lane " + (lane + 1));
        }
    }

    @Test
    void missingBandIsPlacedByNeighboursAndFlagged() {
        double[] t = TARGET.clone();
        t[4] = 0;
        SyntheticBlot.Blot b = film8().row("x", 0, 1, new double[8]).render();
        b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5).background(40, 0.03, 0.05, 2)
                .row("target", 100, 4, t).row("actin", 200, 4, ACTIN).render();
        BlotAnalysis a = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        assertEquals(8, a.lanes().size());
        BandRow target = a.row("target");
        assertTrue(!target.detected(4));
        assertEquals("no band", target.measurement(4).status(3));
        assertEquals(100, target.box(4).getCenterY(), 3);
        assertTrue(Math.abs(target.measurement(4).signal()) < 0.05 * TARGET[4]);
    }

    @Test
    void overexposedBandIsFlaggedSaturated() {
        double[] t = scale(TARGET, 2.5);
        t[3] = 90000; // peak far above 255 on film
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, t).row("actin", 200, 4, scale(ACTIN, 2.5))
                .render();
        BlotAnalysis a = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        BandMeasurement m = a.row("target").measurement(3);
        assertTrue(m.isSaturated());
        assertTrue(m.flatTop());
        assertTrue(m.saturatedPct() > 5);
        assertEquals("saturated", m.status(3));
        assertEquals("ok", a.row("target").measurement(2).status(3));
    }

    @Test
    void faintBandIsLowSnr() {
        double[] t = TARGET.clone();
        t[5] = 250; // visible to the row grouping only through its neighbours
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 4).row("target", 100, 4, t).row("actin", 200, 4, ACTIN).render();
        BlotAnalysis a = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        String s = a.row("target").measurement(5).status(3);
        assertTrue(s.equals("no band") || s.equals("low-snr"), s);
        assertTrue(a.row("target").measurement(5).snr() < 3);
    }

    @Test
    void lanesGivenByCountOrCentres() {
        SyntheticBlot.Blot b = film8().render();
        BlotSettings s = new BlotSettings();
        s.lanes = 8;
        assertEquals(8, analyze(b, s, null).lanes().size());
        s.lanes = 0;
        s.laneCentres = b.laneCentres.clone();
        BlotAnalysis a = analyze(b, s, null);
        assertEquals(8, a.lanes().size());
        assertEquals(b.laneCentres[2], a.lanes().get(2).centreX(), 1.5);
    }

    @Test
    void laneCountTooLargeForTheImageIsAnError() {
        BlotSettings s = new BlotSettings();
        s.lanes = 500;
        FieldException e = assertThrows(FieldException.class, () -> analyze(film8().render(), s, null));
        assertEquals("lanes", e.field());
        assertTrue(e.render(FieldSpelling.cli()).startsWith("--lanes: 500"), e.getMessage());
    }

    @Test
    void blankImageHasNoLanes() {
        ByteProcessor ip = new ByteProcessor(300, 200);
        ip.setValue(200);
        ip.fill();
        InputException e = assertThrows(InputException.class,
                () -> BlotAnalyzer.analyze("blank.tif", ip, null, new BlotSettings(), null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("blank.tif") && e.getMessage().contains("no lanes"), e.getMessage());
    }

    @Test
    void moreRowNamesThanRowsIsAnError() {
        FieldException e = assertThrows(FieldException.class,
                () -> analyze(film8().render(), new BlotSettings(), Arrays.asList("a", "b", "c")));
        assertEquals("rows", e.field());
        assertTrue(e.render(FieldSpelling.cli()).startsWith("--rows: names 3 proteins"), e.getMessage());
    }

    @Test
    void unknownControlListsTheRows() {
        BlotAnalysis a = analyze(film8().render(), new BlotSettings(), null);
        InputException e = assertThrows(InputException.class,
                () -> BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1}, 3, 0.2));
        assertTrue(e.getMessage().contains("row1, row2"), e.getMessage());
    }

    @Test
    void unevenLoadingControlIsWarned() {
        double[] a = ACTIN.clone();
        a[2] = 4000;
        a[6] = 30000;
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, TARGET).row("actin", 200, 4, a).render();
        BlotAnalysis an = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        List<String> w = BlotQuantifier.quantify(Collections.singletonList(an), "actin", new int[] {1}, 3, 0.2).warnings;
        assertTrue(w.stream().anyMatch(s -> s.contains("loading control actin varies")), w.toString());
    }

    @Test
    void meanOfSeveralReferenceLanesIsOne() {
        SyntheticBlot.Blot b = film8().render();
        BlotAnalysis a = analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        Table t = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1, 2}, 3, 0.2).table;
        double r1 = (Double) t.get(0, "relative");
        double r2 = (Double) t.get(1, "relative");
        assertEquals(1.0, (r1 + r2) / 2, 1e-9);
    }

    @Test
    void noiseOnlyImageIsAnErrorNotLanes() {
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .equalLanes(8, 40).background(2000, 1.5, 2.5, 120).render();
        assertThrows(InputException.class, () -> analyze(b, new BlotSettings(), null));
    }

    /** Darkens a film blot along a line y = y0 + slope * x (2 px thick) from x0 to x1: a torn gel edge. */
    static void drawEdge(ByteProcessor ip, int x0, int x1, double y0, double slope, int depth) {
        for (int x = x0; x < x1; x++) {
            int y = (int) Math.round(y0 + slope * x);
            for (int t = 0; t < 2; t++) {
                ip.set(x, y + t, Math.max(0, ip.get(x, y + t) - depth));
            }
        }
    }

    @Test
    void tornEdgeAcrossLanesAndGapsIsNotAProteinRow() {
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticBlot.Blot b = film8().seed(seed).render();
            ByteProcessor ip = (ByteProcessor) b.image;
            drawEdge(ip, 0, ip.getWidth(), 148, 0.01, 90); // a slightly tilted edge between the rows
            drawEdge(ip, 0, ip.getWidth(), 262, -0.005, 60); // and a fainter one below the actin row
            BlotAnalysis a = BlotAnalyzer.analyze("synthetic", ip, null, new BlotSettings(), null,
                    ProgressListener.NONE);
            assertEquals(8, a.lanes().size(), "seed " + seed);
            assertEquals(2, a.rows().size(), "seed " + seed + ": rows at " + rowsAt(a));
            assertEquals(100, a.rows().get(0).meanY(), 3, "seed " + seed);
            assertEquals(200, a.rows().get(1).meanY(), 3, "seed " + seed);
            for (BandRow r : a.rows()) {
                for (int k = 0; k < 8; k++) {
                    assertTrue(r.detected(k), "seed " + seed + " " + r.name() + " lane " + (k + 1));
                }
            }
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("across the gaps between lanes")),
                    a.warnings().toString());
            List<BandRow> named = new java.util.ArrayList<>(a.rows());
            named.get(0).rename("target");
            named.get(1).rename("actin");
            Table t = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1}, 3, 0.2).table;
            assertRelative(b, t, 8, 0.05);
        }
    }

    @Test
    void bandsThatTouchAcrossNarrowGapsAreKept() {
        // bands as wide as the lane pitch (neighbours touch, as on ImageJ's gel sample; the gaps keep
        // about 0.35-0.8 of the lanes' contrast): still protein rows
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).mode(SyntheticBlot.Mode.FILM_8BIT)
                    .equalLanes(8, 40).bandShape(24, 2).background(40, 0.03, 0.05, 2).seed(seed)
                    .row("target", 100, 4, scale(TARGET, 3)).row("actin", 200, 4, scale(ACTIN, 3)).render();
            BlotSettings s = new BlotSettings();
            s.laneCentres = b.laneCentres.clone(); // the column profile cannot part touching lanes
            s.laneWidth = 40;
            BlotAnalysis a = analyze(b, s, Arrays.asList("target", "actin"));
            assertEquals(8, a.lanes().size(), "seed " + seed);
            assertEquals(2, a.rows().size(), "seed " + seed + ": rows at " + rowsAt(a));
            assertTrue(a.warnings().stream().noneMatch(w -> w.contains("left out")), a.warnings().toString());
            for (BandRow r : a.rows()) {
                for (int k = 0; k < 8; k++) {
                    assertTrue(r.detected(k), "seed " + seed + " " + r.name() + " lane " + (k + 1));
                }
            }
        }
    }

    static String rowsAt(BlotAnalysis a) {
        StringBuilder sb = new StringBuilder();
        for (BandRow r : a.rows()) {
            sb.append(" y=").append(Math.round(r.meanY()));
        }
        return sb + " " + a.warnings();
    }

    @Test
    void namingMoreRowsThanLeftSaysWhichWereArtefacts() {
        SyntheticBlot.Blot b = film8().seed(1).render();
        ByteProcessor ip = (ByteProcessor) b.image;
        drawEdge(ip, 0, ip.getWidth(), 148, 0.01, 90);
        InputException e = assertThrows(InputException.class, () -> BlotAnalyzer.analyze("synthetic", ip, null,
                new BlotSettings(), Arrays.asList("a", "b", "c"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("left out as artefacts") && e.getMessage().contains("y=15"),
                e.getMessage());
    }

    /** A bubble on film: a dark ring 2 px wide around a lighter interior. */
    static void drawBubble(ByteProcessor ip, double cx, double cy, double r, int depth) {
        for (int y = (int) (cy - r - 3); y <= cy + r + 3; y++) {
            for (int x = (int) (cx - r - 3); x <= cx + r + 3; x++) {
                if (x < 0 || y < 0 || x >= ip.getWidth() || y >= ip.getHeight()) {
                    continue;
                }
                double d = Math.hypot(x - cx, y - cy);
                if (Math.abs(d - r) <= 1) {
                    ip.set(x, y, Math.max(0, ip.get(x, y) - depth));
                } else if (d < r - 1) {
                    ip.set(x, y, Math.min(255, ip.get(x, y) + 15));
                }
            }
        }
    }

    @Test
    void bubblesOnOneSideOfTheLanesAreNotAProteinRow() {
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticBlot.Blot b = film8().seed(seed).render();
            ByteProcessor ip = (ByteProcessor) b.image;
            for (int k = 0; k < 8; k++) {
                // a bubble astride the right edge of every lane, between the two rows
                drawBubble(ip, b.laneCentres[k] + 20, 150 + (k % 3) * 3, 9, 90);
            }
            BlotAnalysis a = BlotAnalyzer.analyze("synthetic", ip, null, new BlotSettings(), null,
                    ProgressListener.NONE);
            assertEquals(8, a.lanes().size(), "seed " + seed);
            assertEquals(2, a.rows().size(), "seed " + seed + ": rows at " + rowsAt(a));
            assertEquals(100, a.rows().get(0).meanY(), 3, "seed " + seed);
            assertEquals(200, a.rows().get(1).meanY(), 3, "seed " + seed);
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("cover one side of the lane")),
                    a.warnings().toString());
        }
    }

    @Test
    void faintLaneAtTheEndOfEvenlySpacedLanesIsAddedWhenItHasABandInEveryRow() {
        for (long seed = 1; seed <= 4; seed++) {
            double[] v = scale(TARGET, 2.5);
            v[7] = v[0] * 0.22; // lane 8 barely loaded: no column peak of its own
            SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).mode(SyntheticBlot.Mode.FILM_8BIT)
                    .equalLanes(8, 40).bandShape(16, 1.5).background(40, 0.03, 0.05, 1).seed(seed)
                    .row("target", 150, 4, v).render();
            BlotAnalysis a = analyze(b, new BlotSettings(), null);
            assertEquals(8, a.lanes().size(), "seed " + seed + ": " + a.lanes());
            assertEquals(b.laneCentres[7], a.lanes().get(7).centreX(), 3, "seed " + seed);
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("lane 8") && w.contains("next position")),
                    a.warnings().toString());
            // the same faint lane with no band in a second row: not added (as the partial lane at
            // the edge of ImageJ's gel sample, one band in six rows)
            double[] actin = scale(ACTIN, 2.5);
            actin[7] = 0;
            SyntheticBlot.Blot b2 = new SyntheticBlot().size(480, 300).mode(SyntheticBlot.Mode.FILM_8BIT)
                    .equalLanes(8, 40).bandShape(16, 1.5).background(40, 0.03, 0.05, 1).seed(seed)
                    .row("target", 100, 4, v).row("actin", 200, 4, actin).render();
            BlotAnalysis a2 = analyze(b2, new BlotSettings(), null);
            assertEquals(7, a2.lanes().size(), "seed " + seed + ": " + a2.lanes());
        }
    }
}
