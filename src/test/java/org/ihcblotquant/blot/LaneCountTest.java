package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * {@code --lanes N} without centres: N lanes of one pitch fitted to the bands, each centre then
 * refined within 15 % of the pitch.
 */
class LaneCountTest {

    @Test
    void gelquantCropHasFiveEqualLanes() {
        // crop (30,300)-(205,480): a person sees five equal lanes filling it (a strong band at the
        // left, a doublet, then three faint lanes), i.e. centres at 30 + 17.5 + 35 k
        BlotSettings s = new BlotSettings();
        s.roi = new Rectangle(30, 300, 175, 180);
        s.lanes = 5;
        BlotAnalysis a = RealBlotImagesTest.analyze("gelquant_gel-example.png", s);
        List<Lane> lanes = a.lanes();
        assertEquals(5, lanes.size());
        for (int k = 0; k < 5; k++) {
            assertEquals(47.5 + 35 * k, lanes.get(k).centreX(), 0.2 * 35, "lane " + (k + 1));
        }
    }

    /** Lanes at the true centres within 15 % of the pitch, whatever the loads. */
    static void check(SyntheticBlot b0, int n) {
        SyntheticBlot.Blot b = b0.render();
        BlotSettings s = new BlotSettings();
        s.lanes = n;
        BlotAnalysis a = BlotAnalyzer.analyze("synthetic", b.image, null, s, null, ProgressListener.NONE);
        double pitch = (b.laneCentres[n - 1] - b.laneCentres[0]) / (n - 1);
        assertEquals(n, a.lanes().size());
        for (int k = 0; k < n; k++) {
            assertEquals(b.laneCentres[k], a.lanes().get(k).centreX(), 0.15 * pitch,
                    "lane " + (k + 1) + " of " + Arrays.toString(b.laneCentres));
        }
    }

    @Test
    void unevenLoadsKeepTheComb() {
        // the hard set's 10x load range, strong bands thicker, 16-bit and 8-bit
        check(HardSyntheticBlotTest.blot(SyntheticBlot.Mode.FLUORESCENCE_16BIT, 1).tilt(0), 8);
        check(HardSyntheticBlotTest.blot(SyntheticBlot.Mode.FILM_8BIT, 2).tilt(0), 8);
        // one strong lane among faint ones, near an end: its neighbours' peaks do not pull the comb
        double[] target = {5000, 5000, 50000, 5000, 7500, 5000};
        double[] control = {37500, 35000, 40000, 37500, 38750, 36250};
        check(new SyntheticBlot().size(420, 200).mode(SyntheticBlot.Mode.FILM_8BIT).equalLanes(6, 30)
                .bandShape(20, 1.5).seed(5).row("target", 70, new double[] {3, 3, 7, 3, 3, 3}, target)
                .row("actin", 140, new double[] {3, 3, 3, 3, 3, 3}, control).background(40, 0.03, 0.05, 2), 6);
    }
}
