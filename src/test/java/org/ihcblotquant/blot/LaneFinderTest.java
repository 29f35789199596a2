package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;

import ij.process.ShortProcessor;

/** Lane placement details: two-lobed lanes, lanes from the band rows, the band-row comb's opening. */
class LaneFinderTest {

    /**
     * Six lanes whose bands are brighter at both sides (a doublet or the two dark ends of a smile):
     * a flat core 68 px wide plus two narrow lobes 48 px apart, so each lane's column profile has
     * two peaks with a shallow valley between them.
     */
    static ShortProcessor twoLobedLanes(double[] centres, long seed) {
        double[] core = new double[centres.length];
        double[] lobe = new double[centres.length];
        double[] left = new double[centres.length];
        double[] right = new double[centres.length];
        for (int k = 0; k < centres.length; k++) {
            core[k] = 4e6 * (1 + 0.2 * (k % 3));
            lobe[k] = 0.3 * core[k];
            left[k] = centres[k] - 24;
            right[k] = centres[k] + 24;
        }
        ShortProcessor a = (ShortProcessor) new SyntheticBlot().size(600, 240)
                .mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT).laneCentres(centres).bandShape(34, 2)
                .background(1000, 0.5, 0.5, 40).seed(seed).row("p", 120, 6, core).render().image;
        ShortProcessor l = (ShortProcessor) new SyntheticBlot().size(600, 240)
                .mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT).laneCentres(left).bandShape(8, 2)
                .background(0, 0, 0, 0).row("p", 120, 6, lobe).render().image;
        ShortProcessor r = (ShortProcessor) new SyntheticBlot().size(600, 240)
                .mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT).laneCentres(right).bandShape(8, 2)
                .background(0, 0, 0, 0).row("p", 120, 6, lobe).render().image;
        short[] pa = (short[]) a.getPixels();
        short[] pl = (short[]) l.getPixels();
        short[] pr = (short[]) r.getPixels();
        short[] out = new short[pa.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.min(65535, (pa[i] & 0xffff) + (pl[i] & 0xffff) + (pr[i] & 0xffff));
        }
        return new ShortProcessor(600, 240, out, null);
    }

    @Test
    void twoLobedLanesAreOneLaneEach() {
        double[] centres = {75, 165, 255, 345, 435, 525};
        for (long seed = 1; seed <= 3; seed++) {
            BlotAnalysis a = BlotAnalyzer.analyze("lobes", twoLobedLanes(centres, seed), null, new BlotSettings(),
                    null, ProgressListener.NONE);
            assertEquals(6, a.lanes().size(), "seed " + seed + ": " + a.lanes());
            for (int k = 0; k < 6; k++) {
                assertEquals(centres[k], a.lanes().get(k).centreX(), 4, "seed " + seed + " lane " + (k + 1));
                assertTrue(a.lanes().get(k).bounds().width >= 60, "seed " + seed + " " + a.lanes());
            }
            assertEquals(1, a.rows().size());
        }
    }

    @Test
    void lanesInCloseSeparatePairsStaySeparate() {
        // alternating gaps (50, 90 px) like lobe pairs, but the membrane shows between every lane
        double[] centres = {60, 110, 200, 250, 340, 390, 480, 530};
        double[] v = new double[centres.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = 2e6 * (1 + 0.3 * (k % 2));
        }
        SyntheticBlot.Blot b = new SyntheticBlot().size(600, 240).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .laneCentres(centres).bandShape(18, 2).background(1000, 0.5, 0.5, 40).row("p", 120, 6, v).render();
        BlotAnalysis a = BlotAnalyzer.analyze("pairs", b.image, null, new BlotSettings(), null, ProgressListener.NONE);
        assertEquals(8, a.lanes().size(), a.lanes().toString());
        for (int k = 0; k < 8; k++) {
            assertEquals(centres[k], a.lanes().get(k).centreX(), 3, "lane " + (k + 1));
        }
    }

    /**
     * A Coomassie-like gel: 15 lanes 36 px apart, a strong marker lane every fifth lane, faint lanes
     * beside them whose main band touches its neighbours, an upper band (narrower) in every lane but
     * the markers, and a bright line across part of the gel (a torn edge). The column profile shows
     * only the three evenly spaced markers; the band rows show all 15 lanes.
     */
    @Test
    void faintLanesBetweenEvenlySpacedStrongOnesComeFromTheBandRows() {
        int n = 15;
        double[] c = new double[n];
        double[] upper = new double[n];
        double[] main = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = 40 + i * 36;
            upper[i] = i % 5 == 0 ? 0 : 3e5;
            main[i] = i % 5 == 0 ? 8e6 : (i >= 10 ? 3e6 : 1.2e6 / (1 + i % 5));
        }
        for (long seed = 1; seed <= 4; seed++) {
            ShortProcessor a1 = (ShortProcessor) new SyntheticBlot().size(600, 400)
                    .mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT).laneCentres(c).bandShape(17, 1.5)
                    .background(1000, 0.3, 0.3, 30).seed(seed).row("main", 300, 4, main).render().image;
            ShortProcessor a2 = (ShortProcessor) new SyntheticBlot().size(600, 400)
                    .mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT).laneCentres(c).bandShape(11, 1.5)
                    .background(0, 0, 0, 0).row("upper", 120, 3, upper).render().image;
            short[] p1 = (short[]) a1.getPixels();
            short[] p2 = (short[]) a2.getPixels();
            short[] o = new short[p1.length];
            for (int i = 0; i < o.length; i++) {
                int x = i % 600;
                int y = i / 600;
                int edge = y >= 200 && y < 204 && x < 380 ? 3000 : 0;
                o[i] = (short) Math.min(65535, (p1[i] & 0xffff) + (p2[i] & 0xffff) + edge);
            }
            BlotAnalysis a = BlotAnalyzer.analyze("gel", new ShortProcessor(600, 400, o, null), null,
                    new BlotSettings(), null, ProgressListener.NONE);
            assertEquals(n, a.lanes().size(), "seed " + seed + ": " + a.lanes());
            for (int k = 0; k < n; k++) {
                assertEquals(c[k], a.lanes().get(k).centreX(), 3, "seed " + seed + " lane " + (k + 1));
            }
        }
    }

    @Test
    void linearTimeOpeningMatchesTheDirectOne() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 5, 17, 64, 301}) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextGaussian() * 10 + (i % 7);
            }
            for (int r : new int[] {1, 2, 3, 8, 40}) {
                assertArrayEquals(Profiles.opening(p, r), BandRowComb.open(p, r), 1e-12, "n=" + n + " r=" + r);
            }
        }
    }
}
