package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The membrane's tilt is estimated from its band rows, and a tilt of 1 degree or more is warned about. */
class TiltEstimateTest {

    @Test
    void syntheticTiltIsFound() {
        for (double tilt : new double[] {-3, 2, 4.5}) {
            SyntheticBlot.Blot b = HardSyntheticBlotTest.blot(SyntheticBlot.Mode.FILM_8BIT, 1).tilt(tilt).render();
            SignalImage img = SignalImage.of(b.image, Polarity.AUTO, null);
            double est = TiltEstimate.degrees(img, new Rectangle(0, 0, img.width(), img.height()));
            assertEquals(Math.abs(tilt), Math.abs(est), 0.3, "tilt " + tilt);
        }
        SyntheticBlot.Blot straight = HardSyntheticBlotTest.blot(SyntheticBlot.Mode.FILM_8BIT, 1).tilt(0).render();
        BlotAnalysis a = BlotAnalyzerTest.analyze(straight, new BlotSettings(), Arrays.asList("target", "actin"));
        assertTrue(a.warnings().stream().noneMatch(w -> w.contains("tilted")), a.warnings().toString());
        BlotAnalysis t = BlotAnalyzerTest.analyze(HardSyntheticBlotTest.blot(SyntheticBlot.Mode.FILM_8BIT, 1).render(),
                new BlotSettings(), Arrays.asList("target", "actin"));
        assertTrue(t.warnings().stream().anyMatch(w -> w.contains("tilted by about")), t.warnings().toString());
    }

    @Test
    void realScans() {
        // the dot blot's rows rise by about 14 px over 450 px (1.8 degrees) by eye
        BlotAnalysis dots = RealBlotImagesTest.analyze("ij_sample_Dot_Blot.jpg", new BlotSettings());
        assertEquals(1.8, Math.abs(TiltEstimate.degrees(dots.image(), dots.roi())), 0.4);
        assertTrue(dots.warnings().stream().anyMatch(w -> w.contains("tilted by about")), dots.warnings().toString());
        BlotAnalysis h3 = RealBlotImagesTest.analyze("rasilab_10xaag_wt_h3.png", new BlotSettings());
        assertTrue(h3.warnings().stream().noneMatch(w -> w.contains("tilted")), h3.warnings().toString());
    }
}
