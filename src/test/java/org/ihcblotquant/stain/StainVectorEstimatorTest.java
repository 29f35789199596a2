package org.ihcblotquant.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.process.ColorProcessor;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.SyntheticIhc;

/** Stain vectors estimated from images made (Beer–Lambert) with known, non-default vectors. */
class StainVectorEstimatorTest {

    private static double[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    void recoversKnownNonDefaultVectorsWithinThreeDegrees() {
        double[][][] sets = {
            {unit(0.55, 0.75, 0.37), unit(0.35, 0.60, 0.72)},
            {unit(0.70, 0.66, 0.27), unit(0.22, 0.52, 0.83)},
        };
        for (double[][] set : sets) {
            StainVectors truth = StainVectors.parse("H:" + csv(set[0]) + ";DAB:" + csv(set[1]));
            SyntheticNuclei.Field f = new SyntheticNuclei().size(900, 700).vectors(truth).blush(0.8).seed(3)
                    .generate();
            ColorProcessor cp = f.image;
            StainVectorEstimator est = new StainVectorEstimator();
            est.add((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight(), null,
                    BackgroundEstimator.estimate((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight()));
            StainVectorEstimator.Estimate e = est.estimate();
            double dh = StainVectorEstimator.angleDeg(e.counterstain, set[0]);
            double dd = StainVectorEstimator.angleDeg(e.chromogen, set[1]);
            System.out.printf("estimated %s: H off by %.2f°, DAB off by %.2f°%n", e.spec("H", "DAB"), dh, dd);
            assertTrue(dh < 3, "hematoxylin off by " + dh + "°");
            assertTrue(dd < 3, "DAB off by " + dd + "°");
            // the printed spec is valid --vectors input and names the stains in order
            StainVectors back = StainVectors.parse(e.spec("Hematoxylin", "DAB"));
            assertEquals("Hematoxylin", back.stains().get(0).name());
            assertEquals(1, back.dabIndex());
        }
    }

    @Test
    void refusesImagesWithTooLittleStain() {
        // nearly empty slide: glass with a few pale specks
        ColorProcessor cp = new SyntheticIhc().size(400, 300).tissueCover(0.0).seed(2).generate().image;
        StainVectorEstimator est = new StainVectorEstimator();
        est.add((int[]) cp.getPixels(), 400, 300, null, Background.white());
        InputException e = assertThrows(InputException.class, est::estimate);
        assertTrue(e.getMessage().contains("too little stain"), e.getMessage());
    }

    @Test
    void refusesImagesWithOnlyOneStain() {
        // hematoxylin only: no chromogen direction to find
        ColorProcessor cp = new SyntheticNuclei().size(600, 500).classWeights(1, 0, 0, 0).blush(0).seed(4).generate()
                .image;
        StainVectorEstimator est = new StainVectorEstimator();
        est.add((int[]) cp.getPixels(), 600, 500, null,
                BackgroundEstimator.estimate((int[]) cp.getPixels(), 600, 500));
        InputException e = assertThrows(InputException.class, est::estimate);
        assertTrue(e.getMessage().contains("one stain"), e.getMessage());
    }

    private static String csv(double[] v) {
        return v[0] + "," + v[1] + "," + v[2];
    }
}
