package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.junit.jupiter.api.Test;

/**
 * A synthetic doublet (two bands 10 px apart, SD 4 px: not resolved to the baseline) above a
 * loading control: with {@code mergeDoublets} the pair is one row whose {@code relative} is the
 * summed volume of both bands over the control's, relative to lane 1, within 5 % of the truth
 * built into the image.
 */
class DoubletTest {
    @Test
    void withoutMergingTheDoubletIsTwoRows() {
        BlotAnalysis an = BlotAnalyzer.analyze("synthetic", DoubletTestData.blot().image, null, new BlotSettings(), null,
                ProgressListener.NONE);
        assertEquals(3, an.rows().size(), an.warnings().toString());
    }

    @Test
    void mergedDoubletIsMeasuredWhole() {
        SyntheticBlot.Blot b = DoubletTestData.blot();
        BlotSettings s = new BlotSettings();
        s.mergeDoublets = true;
        BlotAnalysis an = BlotAnalyzer.analyze("synthetic", b.image, null, s, Arrays.asList("doublet", "actin"),
                ProgressListener.NONE);
        assertEquals(2, an.rows().size(), an.warnings().toString());
        Table t = BlotQuantifier.quantify(Collections.singletonList(an), "actin", new int[] {1}, 3, 0.2).table;
        for (int lane = 1; lane <= 6; lane++) {
            double truth = (b.volumes[0][lane - 1] + b.volumes[1][lane - 1]) / b.volumes[2][lane - 1]
                    / ((b.volumes[0][0] + b.volumes[1][0]) / b.volumes[2][0]);
            double got = (Double) t.get(lane - 1, "relative");
            assertEquals(truth, got, 0.05 * truth, "lane " + lane);
        }
    }
}
