package org.ihcblotquant.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Paths;
import java.util.List;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.PlateJob;
import org.ihcblotquant.job.PlateRequest;
import org.ihcblotquant.stats.TukeyHsd;
import org.junit.jupiter.api.Test;

/**
 * The example plate end to end against R: src/test/r/plate-example-reference.R reads the grids
 * by position, normalises, and prints aov, multcomp Dunnett and TukeyHSD (stored as a fixture).
 */
class PlateExampleRTest {

    @Test
    void examplePlatesMatchR() throws Exception {
        List<String[]> rows = DunnettTest.fixture("plate-example-reference.csv");
        PlateResult[] plates = new PlateResult[3];
        for (int plate = 1; plate <= 2; plate++) {
            PlateSettings s = new PlateSettings("Blank", "Control",
                    plate == 1 ? Normalisation.PERCENT_OF_CONTROL : Normalisation.FOLD,
                    new java.util.HashMap<>(), 3.5, 0.95);
            plates[plate] = new PlateJob().run(PlateRequest.builder(Paths.get("test-images/plates/saos2-reads.csv"),
                    Paths.get("test-images/plates/saos2-layout.csv"), s).plate(plate).build(), ProgressListener.NONE)
                    .plates().get(0);
        }
        int checked = 0;
        for (String[] r : rows) {
            PlateResult p = plates[Integer.parseInt(r[0])];
            String what = "plate " + r[0] + " " + r[1] + " " + r[2];
            double v1 = Double.parseDouble(r[3]);
            double v2 = Double.parseDouble(r[4]);
            switch (r[1]) {
                case "anova":
                    assertEquals(v1, p.anova.f, 1e-8 * v1, what);
                    assertEquals(v2, p.anova.p, 1e-6 * v2 + 1e-15, what);
                    assertEquals(Integer.parseInt(r[5]), p.anova.dfBetween, what);
                    assertEquals(Integer.parseInt(r[6]), p.anova.dfWithin, what);
                    break;
                case "mean":
                    ConditionSummary c = p.condition(r[2]);
                    assertEquals(v1, c.mean, 1e-9, what);
                    assertEquals(v2, c.sd, 1e-9, what);
                    assertEquals(Integer.parseInt(r[5]), c.n, what);
                    break;
                case "dunnett":
                    Dunnett.Row d = p.dunnettRow(r[2]);
                    assertNotNull(d, what);
                    assertEquals(v1, d.difference, 1e-9, what);
                    // multcomp's quasi-Monte Carlo here: abseps 1e-4
                    assertEquals(v2, d.ciLow, 1e-3 * d.stdErr, what);
                    assertEquals(Double.parseDouble(r[5]), d.ciHigh, 1e-3 * d.stdErr, what);
                    assertEquals(Double.parseDouble(r[6]), d.p, 1e-3, what);
                    break;
                default:
                    // R orders the levels as the layout does, we in dose order: match the pair either way
                    TukeyHsd.Row t = tukeyRow(p, r[2]);
                    double sign = 1;
                    if (t == null) {
                        t = tukeyRow(p, swap(r[2], p));
                        sign = -1;
                    }
                    assertNotNull(t, what);
                    assertEquals(v1, sign * t.diff, 1e-9, what);
                    assertEquals(Double.parseDouble(r[6]), t.pAdj, 1e-6, what);
                    break;
            }
            checked++;
        }
        assertEquals(2 * (1 + 8 + 7 + 28), checked);
    }

    private static TukeyHsd.Row tukeyRow(PlateResult p, String pair) {
        for (TukeyHsd.Row t : p.tukey.rows) {
            if (t.pair.equals(pair)) {
                return t;
            }
        }
        return null;
    }

    /** "B-A" as "A-B", splitting at the dash that separates two condition names of the plate. */
    private static String swap(String pair, PlateResult p) {
        for (ConditionSummary a : p.conditions) {
            if (pair.startsWith(a.condition + "-")) {
                String b = pair.substring(a.condition.length() + 1);
                if (p.condition(b) != null) {
                    return b + "-" + a.condition;
                }
            }
        }
        return pair;
    }
}
