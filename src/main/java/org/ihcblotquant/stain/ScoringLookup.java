package org.ihcblotquant.stain;

/**
 * Fixed-point lookup tables for the scoring pass. Per channel and value, two ints (interleaved at
 * {@code v*2}): the channel's OD and its contribution to the chromogen amount, both scaled by
 * {@link #ONE} = 2^16 (resolution 1.5e-5 OD). Integer sums have one-cycle latency, so the pass is
 * not held up by floating-point add chains; OD sums per channel are kept instead of per-stain sums
 * because any stain's total over a region is {@code sum_c coefficient(c, k) x sum(OD_c)}.
 */
public final class ScoringLookup {
    public static final int SHIFT = 16;
    public static final double ONE = 1 << SHIFT;

    private final int[] r = new int[512];
    private final int[] g = new int[512];
    private final int[] b = new int[512];
    private final StainMatrix matrix;
    private final int chromogen;
    private final int counter;

    public ScoringLookup(StainMatrix matrix, Background background, int chromogen, int counter) {
        this.matrix = matrix;
        this.chromogen = chromogen;
        this.counter = counter;
        int[][] tables = {r, g, b};
        for (int c = 0; c < 3; c++) {
            double[] od = OpticalDensity.table(background.channel(c));
            for (int v = 0; v < 256; v++) {
                tables[c][v * 2] = (int) Math.round(od[v] * ONE);
                tables[c][v * 2 + 1] = (int) Math.round(od[v] * matrix.coefficient(c, chromogen) * ONE);
            }
        }
    }

    public int[] red() {
        return r;
    }

    public int[] green() {
        return g;
    }

    public int[] blue() {
        return b;
    }

    /** A threshold in OD as a fixed-point value. */
    public static int fixed(double od) {
        return (int) Math.round(od * ONE);
    }

    /** Total OD (sum of channels) of a pixel, fixed point. */
    public int total(int rgb) {
        return r[((rgb >> 16) & 0xff) * 2] + g[((rgb >> 8) & 0xff) * 2] + b[(rgb & 0xff) * 2];
    }

    /** Chromogen OD of a pixel, fixed point. */
    public int chromogen(int rgb) {
        return r[((rgb >> 16) & 0xff) * 2 + 1] + g[((rgb >> 8) & 0xff) * 2 + 1] + b[(rgb & 0xff) * 2 + 1];
    }

    /** Chromogen total over a region from its per-channel fixed-point OD sums. */
    public double chromogenTotal(long sumR, long sumG, long sumB) {
        return stainTotal(chromogen, sumR, sumG, sumB);
    }

    /** Counterstain total over a region from its per-channel fixed-point OD sums. */
    public double counterTotal(long sumR, long sumG, long sumB) {
        return stainTotal(counter, sumR, sumG, sumB);
    }

    private double stainTotal(int k, long sumR, long sumG, long sumB) {
        return (matrix.coefficient(0, k) * sumR + matrix.coefficient(1, k) * sumG + matrix.coefficient(2, k) * sumB)
                / ONE;
    }
}
