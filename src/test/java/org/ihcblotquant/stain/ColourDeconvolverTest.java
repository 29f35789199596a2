package org.ihcblotquant.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ij.process.FloatProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;

class ColourDeconvolverTest {

    /** The oracle of issue 2: -log10(max(v,1)/255) mixed through the published inverse row. */
    static double dabOracle(int r, int g, int b) {
        double odR = -Math.log10(Math.max(r, 1) / 255.0);
        double odG = -Math.log10(Math.max(g, 1) / 255.0);
        double odB = -Math.log10(Math.max(b, 1) / 255.0);
        return -0.689388 * odR + 0.023597 * odG + 1.508706 * odB;
    }

    @Test
    void dabImageMatchesOracleOnEveryPixel() {
        int w = 300;
        int h = 200;
        int[] px = new int[w * h];
        Random rnd = new Random(42);
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(1 << 24);
        }
        // include the extremes
        px[0] = 0;
        px[1] = 0xffffff;
        StainMatrix m = StainMatrix.of(StainVectors.builtIn("h-dab"), ThirdStainRule.CROSS_PRODUCT);
        FloatProcessor[] od = ColourDeconvolver.deconvolve(px, w, h, m, Background.white(), ProgressListener.NONE);
        float[] dab = (float[]) od[1].getPixels();
        double worst = 0;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double expected = dabOracle((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
            worst = Math.max(worst, Math.abs(expected - dab[i]));
        }
        assertEquals(0, worst, 1e-5, "largest |DAB - oracle|");
        assertEquals("Hematoxylin", m.stains().get(0).name());
        assertEquals("Residual", m.stains().get(2).name());
    }

    @Test
    void givenBackgroundShiftsOpticalDensity() {
        // glass at 216 with I0 = 216 has OD 0 in every stain
        int[] px = {216 << 16 | 216 << 8 | 216};
        StainMatrix m = StainMatrix.of(StainVectors.builtIn("h-dab"), ThirdStainRule.CROSS_PRODUCT);
        FloatProcessor[] od = ColourDeconvolver.deconvolve(px, 1, 1, m, new Background(216, 216, 216,
                Background.Source.GIVEN), ProgressListener.NONE);
        assertEquals(0, od[1].getf(0), 1e-7);
        // and with I0 = 255 the field-notes value 0.0608
        FloatProcessor[] white = ColourDeconvolver.deconvolve(px, 1, 1, m, Background.white(), ProgressListener.NONE);
        assertEquals(0.0608, white[1].getf(0), 6e-5);
    }
}
