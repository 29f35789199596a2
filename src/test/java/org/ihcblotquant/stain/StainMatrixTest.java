package org.ihcblotquant.stain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.junit.jupiter.api.Test;

class StainMatrixTest {

    private static final StainMatrix H_DAB = StainMatrix.of(StainVectors.builtIn("H DAB"), ThirdStainRule.CROSS_PRODUCT);

    @Test
    void hDabCrossProductMatchesPublishedDabRow() {
        // field notes: DAB = -0.689388*odR + 0.023597*odG + 1.508706*odB
        assertEquals(-0.689388, H_DAB.coefficient(0, 1), 1e-6);
        assertEquals(0.023597, H_DAB.coefficient(1, 1), 1e-6);
        assertEquals(1.508706, H_DAB.coefficient(2, 1), 1e-6);
        assertTrue(H_DAB.isThirdDerived());
    }

    @Test
    void spotValuesFromTheFieldNotes() {
        int[][] rgb = {{255, 255, 255}, {240, 240, 240}, {216, 216, 216}, {200, 150, 100}, {120, 80, 60},
            {230, 200, 180}, {100, 120, 200}};
        double[] dab = {0.0000, 0.0222, 0.0608, 0.5460, 0.7343, 0.1998, -0.1134};
        for (int i = 0; i < rgb.length; i++) {
            double[] a = H_DAB.unmix(OpticalDensity.of(rgb[i][0], 255), OpticalDensity.of(rgb[i][1], 255),
                    OpticalDensity.of(rgb[i][2], 255));
            assertEquals(dab[i], a[1], 6e-5, "DAB of RGB " + rgb[i][0] + "," + rgb[i][1] + "," + rgb[i][2]);
        }
    }

    @Test
    void unmixingRecoversKnownAmounts() {
        for (String key : StainVectors.builtInKeys()) {
            StainMatrix m = StainMatrix.of(StainVectors.builtIn(key), ThirdStainRule.CROSS_PRODUCT);
            double[] amounts = {0.3, 0.7, 0.1};
            double[] od = new double[3];
            for (int k = 0; k < 3; k++) {
                double[] v = m.stains().get(k).vector();
                for (int c = 0; c < 3; c++) {
                    od[c] += amounts[k] * v[c];
                }
            }
            double[] back = m.unmix(od[0], od[1], od[2]);
            for (int k = 0; k < 3; k++) {
                assertEquals(amounts[k], back[k], 1e-9, key + " stain " + k);
            }
        }
    }

    @Test
    void complementRuleFillsThirdVectorPerComponent() {
        StainMatrix m = StainMatrix.of(StainVectors.builtIn("h-dab"), ThirdStainRule.COMPLEMENT);
        double[] h = m.stains().get(0).vector();
        double[] d = m.stains().get(1).vector();
        double[] expected = new double[3];
        double len = 0;
        for (int c = 0; c < 3; c++) {
            double r = 1 - h[c] * h[c] - d[c] * d[c];
            expected[c] = r > 0 ? Math.sqrt(r) : 0;
            len += expected[c] * expected[c];
        }
        double[] third = m.stains().get(2).vector();
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c] / Math.sqrt(len), third[c], 1e-12);
        }
        assertNotEquals(H_DAB.coefficient(0, 1), m.coefficient(0, 1), 1e-3);
    }

    @Test
    void builtInNamesAreForgiving() {
        assertEquals("h-e-dab", StainVectors.builtIn("H&E DAB").key());
        assertEquals("h-dab-newfuchsin", StainVectors.builtIn("H DAB NewFuchsin").key());
        assertEquals("h-dab", StainVectors.builtIn("h_dab").key());
        assertEquals(2, StainVectors.builtIn("h-e-dab").dabIndex());
        assertThrows(InputException.class, () -> StainVectors.builtIn("nonsense"));
    }

    @Test
    void userVectorsAreValidated() {
        StainVectors v = StainVectors.parse("H:0.65,0.70,0.29;DAB:0.27,0.57,0.78");
        assertEquals(1, v.dabIndex());
        assertEquals("H", v.stains().get(0).name());
        FieldException zero = assertThrows(FieldException.class, () -> StainVectors.parse("0,0,0;0.27,0.57,0.78"));
        assertEquals("vectors", zero.field());
        String cli = zero.render(FieldSpelling.cli());
        assertTrue(cli.startsWith("--vectors: ") && cli.contains("zero"), cli);
        assertTrue(zero.render(FieldSpelling.macro(java.util.Collections.<String, String>emptyMap()))
                .startsWith("vectors=: "), "macro spelling");
        InputException neg = assertThrows(InputException.class, () -> StainVectors.parse("0.6,-0.7,0.2;0.27,0.57,0.78"));
        assertTrue(neg.getMessage().contains("negative"), neg.getMessage());
        InputException col = assertThrows(InputException.class, () -> StainVectors.parse("0.2,0.4,0.6;0.1,0.2,0.3"));
        assertTrue(col.getMessage().contains("collinear"), col.getMessage());
        assertThrows(InputException.class, () -> StainVectors.parse("0.2,0.4;0.1,0.2,0.3"));
        assertThrows(InputException.class, () -> StainVectors.parse("0.65,0.70,0.29"));
        assertThrows(InputException.class, () -> StainVectors.parse("a,b,c;0.1,0.2,0.3"));
        // three vectors in one plane are dependent
        assertThrows(InputException.class, () -> StainVectors.parse("1,0,0;0,1,0;1,1,0"));
    }
}
