package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * Speed on a 4000x3000 16-bit synthetic scan (12 lanes, 3 rows). Prints the time and MP/s for
 * docs/BENCHMARKS.md; asserts only the result, never the wall clock.
 */
class BlotBenchTest {

    @Test
    void bench4000x3000Sixteen() {
        int lanes = 12;
        double[] v1 = new double[lanes];
        double[] v2 = new double[lanes];
        double[] v3 = new double[lanes];
        for (int i = 0; i < lanes; i++) {
            v1[i] = 4e8 * (1 + 0.1 * (i % 4));
            v2[i] = 2e8 * (1 + 0.15 * (i % 3));
            v3[i] = 6e8;
        }
        SyntheticBlot.Blot b = new SyntheticBlot().size(4000, 3000).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .equalLanes(lanes, 150).bandShape(110, 6).background(3000, 0.2, 0.3, 150).smile(20)
                .row("a", 800, 30, v1).row("b", 1500, 30, v2).row("actin", 2300, 30, v3).render();
        BlotSettings s = new BlotSettings();
        BlotAnalysis a = null;
        int reps = 5;
        long best = Long.MAX_VALUE;
        long sum = 0;
        for (int r = 0; r < reps + 1; r++) {
            long t0 = System.nanoTime();
            a = BlotAnalyzer.analyze("bench", b.image, null, s, null, ProgressListener.NONE);
            BlotQuantifier.quantify(java.util.Collections.singletonList(a), "row3", new int[] {1}, 3, 0.2);
            long dt = System.nanoTime() - t0;
            if (r > 0) { // the first run warms up the JIT
                best = Math.min(best, dt);
                sum += dt;
            }
        }
        double mp = 4000 * 3000 / 1e6;
        System.out.println(String.format(Locale.ROOT,
                "BENCH blot 4000x3000 16-bit, %d lanes, 3 rows: best %.0f ms, mean %.0f ms, %.1f MP/s (best), %d cores",
                lanes, best / 1e6, sum / 1e6 / reps, mp / (best / 1e9), Runtime.getRuntime().availableProcessors()));
        assertEquals(lanes, a.lanes().size());
        assertEquals(3, a.rows().size());
    }
}
