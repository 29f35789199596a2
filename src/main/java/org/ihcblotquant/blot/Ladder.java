package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * The molecular-weight marker lane: where it is, and finding it. A ladder is measured like any
 * lane but left out of the normalisation (its {@code relative} is empty, its status says
 * {@code ladder}, and it never counts as a reference or in the loading control's CV).
 */
public enum Ladder {
    /** Recognise a marker lane at either end by its bands (see {@link #detect}). */
    AUTO,
    /** The first (leftmost) lane is the ladder. */
    FIRST,
    /** The last (rightmost) lane is the ladder. */
    LAST,
    /** No ladder. */
    NONE;

    /** Fewest bands a marker lane shows. */
    static final int MIN_BANDS = 5;

    /** Parses {@code auto|first|last|none}. */
    public static Ladder parse(String field, String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Ladder l : values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(s)) {
                return l;
            }
        }
        throw new FieldException(field, "'" + text + "' is not a ladder position (auto, first, last or none)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The ladder's lane index (0-based) among {@code lanes}, or -1.
     * <p>
     * {@code auto}: a marker lane shows many bands spread down the lane, usually at one end of the
     * blot. The first or last lane is the ladder when its profile has at least {@link #MIN_BANDS}
     * bands, at least twice as many as the median of the other lanes, spread over at least a third
     * of the region's height (a ladder's bands run from high to low molecular weight); when both
     * ends qualify, the one with more bands.
     */
    int lane(List<Lane> lanes, double[][] profiles, Rectangle roi) {
        int n = lanes.size();
        switch (this) {
            case FIRST:
                return 0;
            case LAST:
                return n - 1;
            case NONE:
                return -1;
            default:
                return detect(lanes, profiles, roi);
        }
    }

    static int detect(List<Lane> lanes, double[][] profiles, Rectangle roi) {
        int n = lanes.size();
        if (n < 3) {
            return -1;
        }
        List<List<BandFinder.Candidate>> c = BandFinder.candidates(lanes, profiles, roi);
        int best = -1;
        for (int end : new int[] {0, n - 1}) {
            double[] others = new double[n - 1];
            int j = 0;
            for (int k = 0; k < n; k++) {
                if (k != end) {
                    others[j++] = c.get(k).size();
                }
            }
            List<BandFinder.Candidate> mine = c.get(end);
            int count = mine.size();
            if (count < MIN_BANDS || count < 2 * Profiles.median(others)) {
                continue;
            }
            double spread = mine.get(count - 1).centre - mine.get(0).centre;
            if (spread < roi.height / 3.0) {
                continue;
            }
            if (best < 0 || count > c.get(best).size()) {
                best = end;
            }
        }
        return best;
    }
}
