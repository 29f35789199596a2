package org.ihcblotquant.stain;

/**
 * The scoring pass's fastest tables: one {@code long} per red-green pair and per blue value, each
 * holding three fixed-point fields of 21 bits, [total OD | chromogen | counterstain], so a pixel
 * needs two table reads and one 64-bit add to get all three amounts at once (SIMD within a register).
 *
 * <p>Each channel's contribution to a field is stored with a positive offset so fields never borrow
 * from each other; the sums of three contributions stay below 2^18. The scale (units per OD) is
 * chosen from the stain matrix so the largest contribution fits 15 bits; ordinary stain sets get
 * about 9000 units per OD (resolution 1.1e-4 OD). A matrix whose inverse is so large that the
 * resolution would be worse than 1/2000 OD is refused ({@link #forMatrix} returns null) and the
 * scorer uses {@link ScoringLookup} instead.</p>
 */
public final class PackedScoringLookup {
    public static final int FIELD_BITS = 21;
    public static final long FIELD_MASK = (1L << FIELD_BITS) - 1;
    /** Per-channel offset added to signed contributions. */
    static final int OFFSET = 1 << 15;
    static final double MIN_SCALE = 2000;

    /** Chromogen fields are below this value (three channel contributions of at most 2^16 each). */
    public static final int CHROMOGEN_RANGE = 3 * 2 * OFFSET;

    private final long[] b = new long[256];
    private final long[] redGreen = new long[65536];
    private final double scale;

    private PackedScoringLookup(double scale) {
        this.scale = scale;
    }

    /** Tables for the matrix and background, or null when fixed point would be too coarse. */
    public static PackedScoringLookup forMatrix(StainMatrix matrix, Background background, int chromogen,
            int counter) {
        double maxOd = 0;
        for (int c = 0; c < 3; c++) {
            maxOd = Math.max(maxOd, OpticalDensity.of(0, background.channel(c)));
        }
        double maxCoef = 1;
        for (int c = 0; c < 3; c++) {
            maxCoef = Math.max(maxCoef, Math.abs(matrix.coefficient(c, chromogen)));
            maxCoef = Math.max(maxCoef, Math.abs(matrix.coefficient(c, counter)));
        }
        double scale = Math.floor((OFFSET - 1) / (maxOd * maxCoef));
        if (scale < MIN_SCALE) {
            return null;
        }
        PackedScoringLookup p = new PackedScoringLookup(scale);
        long[] red = new long[256];
        long[] green = new long[256];
        long[][] tables = {red, green, p.b};
        for (int c = 0; c < 3; c++) {
            double[] od = OpticalDensity.table(background.channel(c));
            for (int v = 0; v < 256; v++) {
                long total = Math.round(od[v] * scale);
                long chrom = Math.round(od[v] * matrix.coefficient(c, chromogen) * scale) + OFFSET;
                long count = Math.round(od[v] * matrix.coefficient(c, counter) * scale) + OFFSET;
                tables[c][v] = (total << (2 * FIELD_BITS)) | (chrom << FIELD_BITS) | count;
            }
        }
        // red and green together: one read for two channels (512 KB, stays in the L2 cache)
        for (int rv = 0; rv < 256; rv++) {
            for (int gv = 0; gv < 256; gv++) {
                p.redGreen[(rv << 8) | gv] = red[rv] + green[gv];
            }
        }
        return p;
    }

    /** Sum of the red and green entries, indexed by {@code (r << 8) | g}, i.e. {@code (rgb >>> 8) & 0xffff}. */
    public long[] redGreen() {
        return redGreen;
    }

    public long[] blue() {
        return b;
    }

    /** Units per OD. */
    public double scale() {
        return scale;
    }

    /** Fixed-point value of an OD threshold on the total field. */
    public int totalThreshold(double od) {
        return (int) Math.ceil(od * scale - 1e-9);
    }

    /** Raw chromogen field value (offset included) of an OD threshold. */
    public int chromogenThreshold(double od) {
        return (int) Math.ceil(od * scale - 1e-9) + 3 * OFFSET;
    }

    /** OD of a sum of raw chromogen or counterstain fields over n pixels (offsets removed). */
    public double toOd(long rawSum, long n) {
        return (rawSum - 3L * OFFSET * n) / scale;
    }
}
