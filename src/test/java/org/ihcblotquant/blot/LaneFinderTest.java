package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;

import ij.process.ShortProcessor;

/** Lane placement details: two-lobed lanes, the band-row comb's opening. */
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
