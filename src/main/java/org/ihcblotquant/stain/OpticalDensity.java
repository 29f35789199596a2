package org.ihcblotquant.stain;

/**
 * Per-channel optical density lookup tables: {@code OD_c(v) = max(0, log10(I0_c / max(v, 1)))}.
 * A value of 0 is treated as 1 (maximum OD log10(255) = 2.4065 with I0 = 255, as Colour
 * Deconvolution 2); channel values brighter than the glass give OD 0 rather than negative stain.
 */
public final class OpticalDensity {

    private OpticalDensity() {
    }

    /** OD of one channel value. */
    public static double of(int value, double i0) {
        double od = Math.log10(i0 / Math.max(value, 1));
        return od > 0 ? od : 0;
    }

    /** 256-entry table for one channel. */
    public static double[] table(double i0) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = of(v, i0);
        }
        return t;
    }
}
