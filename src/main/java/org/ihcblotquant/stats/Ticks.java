package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.List;

/** Round axis ticks (1, 2, 2.5, 5 x 10^k steps), shared by the plots and the at-risk table. */
public final class Ticks {

    private Ticks() {
    }

    /** Ticks from {@code lo} (rounded down) covering {@code hi}, about {@code target} of them. */
    public static double[] niceTicks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double step = niceStep((hi - lo) / Math.max(1, target - 1));
        double start = Math.floor(lo / step) * step;
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double v = start + i * step;
            // snap to the step grid to avoid 0.30000000000000004
            v = Math.round(v / step) * step;
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            if (v >= hi - step * 1e-9) {
                break;
            }
        }
        return StatsInput.toArray(out);
    }

    public static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}
