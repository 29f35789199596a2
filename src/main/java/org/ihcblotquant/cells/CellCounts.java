package org.ihcblotquant.cells;

import java.util.List;

/**
 * Cells per class (0 negative, 1 weak, 2 moderate, 3 strong) and the sums the scores need; adds up
 * over images so that a slide pools its cells rather than averaging its images.
 */
public final class CellCounts {
    private final long[] byClass = new long[4];
    private double nuclearDabSum;
    /** Sum of the compartment DAB of positive cells (for the Allred / IRS intensity). */
    private double positiveDabSum;
    private long positiveWithValue;

    public static CellCounts of(List<Nucleus> nuclei, Compartment compartment) {
        CellCounts c = new CellCounts();
        for (Nucleus n : nuclei) {
            c.byClass[n.cellClass]++;
            c.nuclearDabSum += n.meanDab;
            if (n.cellClass > 0) {
                double v = n.compartmentDab(compartment);
                if (!Double.isNaN(v)) {
                    c.positiveDabSum += v;
                    c.positiveWithValue++;
                }
            }
        }
        return c;
    }

    /**
     * Counts read back from a per-image table ({@link CellTables#COUNT_COLUMNS}), so that a merge of
     * shard tables pools slides exactly as a single run does.
     */
    public static CellCounts of(long[] perClass, double nuclearDabSum, double positiveDabSum, long positiveWithValue) {
        CellCounts c = new CellCounts();
        System.arraycopy(perClass, 0, c.byClass, 0, 4);
        c.nuclearDabSum = nuclearDabSum;
        c.positiveDabSum = positiveDabSum;
        c.positiveWithValue = positiveWithValue;
        return c;
    }

    /** Sum over nuclei of the nuclear mean DAB OD. */
    public double nuclearDabSum() {
        return nuclearDabSum;
    }

    /** Sum of the compartment DAB OD of the positive cells that have one. */
    public double positiveDabSum() {
        return positiveDabSum;
    }

    /** Positive cells with a compartment DAB OD (the divisor of {@link #positiveDabMean}). */
    public long positiveWithValue() {
        return positiveWithValue;
    }

    public void add(CellCounts o) {
        for (int k = 0; k < 4; k++) {
            byClass[k] += o.byClass[k];
        }
        nuclearDabSum += o.nuclearDabSum;
        positiveDabSum += o.positiveDabSum;
        positiveWithValue += o.positiveWithValue;
    }

    public long nuclei() {
        return byClass[0] + byClass[1] + byClass[2] + byClass[3];
    }

    public long count(int cls) {
        return byClass[cls];
    }

    public long positive() {
        return byClass[1] + byClass[2] + byClass[3];
    }

    /** Percent of detected nuclei in class k; NaN without nuclei. */
    public double percent(int cls) {
        long n = nuclei();
        return n == 0 ? Double.NaN : 100.0 * byClass[cls] / n;
    }

    public double positivePct() {
        long n = nuclei();
        return n == 0 ? Double.NaN : 100.0 * positive() / n;
    }

    /** 1 x weak% + 2 x moderate% + 3 x strong% (0-300). */
    public double hScore() {
        return percent(1) + 2 * percent(2) + 3 * percent(3);
    }

    /** Mean over nuclei of the nuclear mean DAB OD. */
    public double nuclearDabMean() {
        long n = nuclei();
        return n == 0 ? Double.NaN : nuclearDabSum / n;
    }

    /** Mean compartment DAB OD of the positive cells; NaN when none. */
    public double positiveDabMean() {
        return positiveWithValue == 0 ? Double.NaN : positiveDabSum / positiveWithValue;
    }
}
