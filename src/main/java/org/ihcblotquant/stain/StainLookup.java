package org.ihcblotquant.stain;

/**
 * Lookup tables that turn an RGB pixel into stain amounts with three table reads and two adds
 * per stain: {@code amount_k = T_R[r] + T_G[g] + T_B[b]}, where {@code T_c[v] = OD_c(v) * inverse[c][k]}.
 * Also the total OD (sum of the three channel ODs), which tissue detection thresholds.
 *
 * <p>Tables are interleaved per channel value (index {@code v*4 + slot}) so one pixel touches
 * three short runs of memory: slot 0 total OD, 1 chromogen (DAB), 2 counterstain, 3 third stain.</p>
 */
public final class StainLookup {
    public static final int TOTAL = 0;
    public static final int CHROMOGEN = 1;
    public static final int COUNTER = 2;
    public static final int THIRD = 3;

    private final float[] r = new float[1024];
    private final float[] g = new float[1024];
    private final float[] b = new float[1024];
    private final int[] stainOfSlot = new int[4];

    /**
     * @param matrix     the stain matrix
     * @param background I0 per channel
     * @param chromogen  index of the stain in slot 1 (DAB)
     * @param counter    index of the stain in slot 2 (hematoxylin)
     */
    public StainLookup(StainMatrix matrix, Background background, int chromogen, int counter) {
        int third = 3 - chromogen - counter;
        stainOfSlot[CHROMOGEN] = chromogen;
        stainOfSlot[COUNTER] = counter;
        stainOfSlot[THIRD] = third;
        float[][] tables = {r, g, b};
        for (int c = 0; c < 3; c++) {
            double[] od = OpticalDensity.table(background.channel(c));
            for (int v = 0; v < 256; v++) {
                tables[c][v * 4 + TOTAL] = (float) od[v];
                tables[c][v * 4 + CHROMOGEN] = (float) (od[v] * matrix.coefficient(c, chromogen));
                tables[c][v * 4 + COUNTER] = (float) (od[v] * matrix.coefficient(c, counter));
                tables[c][v * 4 + THIRD] = (float) (od[v] * matrix.coefficient(c, third));
            }
        }
    }

    /** Interleaved red table (read-only by convention; shared for speed). */
    public float[] red() {
        return r;
    }

    public float[] green() {
        return g;
    }

    public float[] blue() {
        return b;
    }

    /** Matrix index of the stain held in a slot. */
    public int stainOfSlot(int slot) {
        return stainOfSlot[slot];
    }

    /** Value of a slot for one packed RGB pixel. */
    public float value(int rgb, int slot) {
        return r[((rgb >> 16) & 0xff) * 4 + slot] + g[((rgb >> 8) & 0xff) * 4 + slot] + b[(rgb & 0xff) * 4 + slot];
    }
}
