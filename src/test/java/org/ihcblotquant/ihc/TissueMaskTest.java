package org.ihcblotquant.ihc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;

/**
 * The cleaned tissue mask against the synthetic truth: dust specks on the glass and small glass
 * holes inside the tissue are painted in; a pathologist's outline ignores both. Cleaning must bring
 * the tissue area back to the true tissue (holes included), the pixel-by-pixel threshold must not.
 */
class TissueMaskTest {

    @Test
    void specksAreRemovedAndSmallHolesFilled() {
        SyntheticIhc.Sample s = new SyntheticIhc().size(640, 480).tissueCover(0.5).seed(12).generate();
        ColorProcessor cp = s.image;
        int w = 640;
        Random rnd = new Random(3);
        int specks = 0;
        int holes = 0;
        while (specks < 150 || holes < 40) {
            int x = 2 + rnd.nextInt(w - 8);
            int y = 2 + rnd.nextInt(480 - 8);
            boolean allGlass = true;
            boolean allTissue = true;
            for (int dy = -2; dy < 6; dy++) {
                for (int dx = -2; dx < 6; dx++) {
                    boolean t = s.tissue[(y + dy) * w + x + dx];
                    allGlass &= !t;
                    allTissue &= t;
                }
            }
            if (allGlass && specks < 150) {
                paint(cp, x, y, 3, 0x807868); // a 3x3 grey-brown dust speck (2.25 µm² at 0.5 µm/px)
                specks++;
            } else if (allTissue && holes < 40) {
                paint(cp, x, y, 4, 0xf0ecee); // a 4x4 hole showing glass (4 µm²)
                holes++;
            }
        }
        long truth = s.tissuePixels();
        PixelCounts plain = count(cp, IhcSettings.defaults());
        PixelCounts cleaned = count(cp, IhcSettings.defaults().withTissueMask(TissueMaskSettings.of(0.5, 10, 20, 0.5)));
        System.out.printf("truth %d, pixel by pixel %d, cleaned %d%n", truth, plain.tissue(), cleaned.tissue());
        // 150 specks of 9 px added, 40 holes of 16 px removed: the plain mask is off by about 700 px
        assertTrue(Math.abs(plain.tissue() - truth) > 500, "the specks and holes change the plain mask");
        assertEquals(truth, cleaned.tissue(), 0.001 * truth, "cleaned mask = true tissue");
        assertEquals(640 * 480, cleaned.analysed, "the denominator stays the image");
        // the DAB of the tissue is unchanged by cleaning
        assertEquals(s.meanDab(), cleaned.meanChromogen(), 0.01);
    }

    private static PixelCounts count(ColorProcessor cp, IhcSettings settings) {
        IhcScorer scorer = new IhcScorer(settings);
        int[] px = (int[]) cp.getPixels();
        return scorer.count(px, cp.getWidth(), cp.getHeight(), null, scorer.calibrate(px, cp.getWidth(),
                cp.getHeight()), ProgressListener.NONE);
    }

    private static void paint(ColorProcessor cp, int x, int y, int size, int rgb) {
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                cp.set(x + dx, y + dy, rgb);
            }
        }
    }
}
