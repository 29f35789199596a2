package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.junit.jupiter.api.Test;

/**
 * The hard synthetic membranes of {@link HardSyntheticBlotTest} (10x load range, strong bands 2.5
 * times thicker) tilted by -4 and 4.5 degrees, where a vertical strip would cut the rows: the
 * image is deskewed by the estimated tilt and {@code relative} stays within 5 % of the truth built
 * into the image (6 % for the weakest band, as there).
 */
class TiltCorrectionTest {

    static void check(SyntheticBlot.Mode mode, double degrees, long seed) {
        SyntheticBlot.Blot b = HardSyntheticBlotTest.blot(mode, seed).tilt(degrees).render();
        BlotAnalysis an = BlotAnalyzer.analyze("synthetic", b.image, null, new BlotSettings(),
                Arrays.asList("target", "actin"), ProgressListener.NONE);
        String at = mode + " " + degrees + " degrees";
        assertEquals(degrees, an.deskewDegrees(), 0.3, at + ": deskewed by the estimate");
        assertEquals(8, an.lanes().size(), at + ": lanes");
        assertEquals(2, an.rows().size(), at + ": rows");
        Table t = BlotQuantifier.quantify(Collections.singletonList(an), "actin", new int[] {4}, 3, 0.2).table;
        for (int lane = 1; lane <= 8; lane++) {
            double truth = b.relative(0, 1, lane, 4);
            double got = (Double) t.get(lane - 1, "relative");
            double tol = lane == 1 ? 0.06 : 0.05;
            assertEquals(truth, got, tol * truth, at + " lane " + lane);
        }
    }

    @Test
    void film8BitTiltedBothWays() {
        check(SyntheticBlot.Mode.FILM_8BIT, 4.5, 1);
        check(SyntheticBlot.Mode.FILM_8BIT, -4, 2);
    }

    @Test
    void fluorescence16BitTiltedBothWays() {
        check(SyntheticBlot.Mode.FLUORESCENCE_16BIT, -4, 3);
        check(SyntheticBlot.Mode.FLUORESCENCE_16BIT, 3, 1);
    }
}
