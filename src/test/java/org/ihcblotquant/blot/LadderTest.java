package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;

import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.junit.jupiter.api.Test;

/** The molecular-weight ladder is recognised (or given) and left out of the normalisation. */
class LadderTest {

    @Test
    void rasilabLtn1LadderIsRecognisedAndLeftOut() {
        // 12 sample lanes and the marker lane at the right
        BlotAnalysis a = RealBlotImagesTest.analyze("rasilab_ltn1_truncated_product_flag.png", new BlotSettings());
        assertEquals(13, a.lanes().size());
        assertEquals(12, a.ladderLane());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("lane 13 is the molecular-weight ladder")),
                a.warnings().toString());
        Table t = BlotQuantifier.quantify(Collections.singletonList(a), null, new int[] {1}, 3, 0.2).table;
        for (int i = 0; i < t.rowCount(); i++) {
            boolean ladder = ((Number) t.get(i, "lane")).intValue() == 13;
            assertEquals(ladder, "ladder".equals(t.get(i, "status")), "row " + i);
            if (ladder) {
                assertTrue(Double.isNaN((Double) t.get(i, "relative")));
            }
        }
        assertThrows(FieldException.class,
                () -> BlotQuantifier.quantify(Collections.singletonList(a), null, new int[] {13}, 3, 0.2));
    }

    @Test
    void givenOrNone() {
        BlotSettings s = new BlotSettings();
        s.ladder = Ladder.NONE;
        assertEquals(-1, RealBlotImagesTest.analyze("rasilab_ltn1_truncated_product_flag.png", s).ladderLane());
        s.ladder = Ladder.parse("ladder", "first");
        assertEquals(0, RealBlotImagesTest.analyze("ij_sample_gel.gif", s).ladderLane());
        // sample lanes with one or two bands each are no ladder
        assertEquals(-1, RealBlotImagesTest.analyze("ij_sample_gel.gif", new BlotSettings()).ladderLane());
        assertEquals(-1, RealBlotImagesTest.analyze("rasilab_10xaag_wt_h3.png", new BlotSettings()).ladderLane());
        assertThrows(FieldException.class, () -> Ladder.parse("ladder", "middle"));
    }
}
