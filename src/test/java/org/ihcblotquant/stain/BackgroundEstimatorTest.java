package org.ihcblotquant.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.ColorProcessor;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.testutil.SharedData;
import org.junit.jupiter.api.Test;

class BackgroundEstimatorTest {

    private static Background estimate(ColorProcessor cp) {
        return BackgroundEstimator.estimate((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight());
    }

    @Test
    void findsOffWhiteGlassOfSyntheticImages() {
        int[][] glasses = {{240, 236, 238}, {216, 216, 216}, {230, 228, 210}, {252, 252, 252}};
        for (int[] g : glasses) {
            SyntheticIhc.Sample s = new SyntheticIhc().glass(g[0], g[1], g[2]).noise(2.5).tissueCover(0.5).seed(g[0])
                    .generate();
            Background bg = estimate(s.image);
            assertEquals(Background.Source.GLASS, bg.source());
            assertEquals(g[0], bg.r(), 1.0);
            assertEquals(g[1], bg.g(), 1.0);
            assertEquals(g[2], bg.b(), 1.0);
        }
    }

    @Test
    void allTissueFieldFallsBackTo255() {
        SyntheticIhc.Sample s = new SyntheticIhc().tissueCover(1.0).seed(3).generate();
        Background bg = estimate(s.image);
        assertEquals(Background.Source.NO_GLASS_FALLBACK, bg.source());
        assertEquals(255, bg.r(), 0);
    }

    @Test
    void realFieldWithoutGlassFallsBack() {
        ColorProcessor cp = (ColorProcessor) ImageFiles.read(SharedData.testImage("ihc/deepliif_Bladder1_Ki67_crop512.png"))
                .processor();
        assertEquals(Background.Source.NO_GLASS_FALLBACK, estimate(cp).source());
    }

    @Test
    void realScansWithGlassGiveGlassBelow255() {
        for (String f : new String[] {"ihc/meklon_DAB_analyzer_Native_Trop_02.jpg", "ihc/meklon_DAB_analyzer_Alex_Pan_06.jpg",
            "ihc/deepliif_ROI_1.png"}) {
            ColorProcessor cp = (ColorProcessor) ImageFiles.read(SharedData.testImage(f)).processor();
            Background bg = estimate(cp);
            assertEquals(Background.Source.GLASS, bg.source(), f);
            for (int c = 0; c < 3; c++) {
                assertTrue(bg.channel(c) > 200 && bg.channel(c) <= 255, f + " channel " + c + " = " + bg.channel(c));
            }
        }
    }
}
