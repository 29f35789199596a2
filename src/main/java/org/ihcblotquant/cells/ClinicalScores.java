package org.ihcblotquant.cells;

/**
 * The semi-quantitative scores pathologists report from cell counts.
 *
 * <p>Allred (Allred et al. 1998; Harvey et al. 1999), 0-8: proportion score 0 (no positive cells),
 * 1 (&lt; 1 %), 2 (1-10 %), 3 (&gt; 10-33 %), 4 (&gt; 33-66 %), 5 (&gt; 66 %), plus the intensity score of
 * the average positive cell (0 none, 1 weak, 2 moderate, 3 strong by the same thresholds as the
 * cells). IRS (Remmele &amp; Stegner 1987), 0-12: proportion 0 (none), 1 (&lt; 10 %), 2 (10-50 %),
 * 3 (&gt; 50-80 %), 4 (&gt; 80 %) times the same intensity score.</p>
 */
public final class ClinicalScores {

    private ClinicalScores() {
    }

    public static int allredProportion(double positivePct, long positive) {
        if (positive == 0) {
            return 0;
        }
        if (positivePct < 1) {
            return 1;
        }
        if (positivePct <= 10) {
            return 2;
        }
        if (positivePct <= 100.0 / 3) {
            return 3;
        }
        if (positivePct <= 200.0 / 3) {
            return 4;
        }
        return 5;
    }

    public static int irsProportion(double positivePct, long positive) {
        if (positive == 0) {
            return 0;
        }
        if (positivePct < 10) {
            return 1;
        }
        if (positivePct <= 50) {
            return 2;
        }
        if (positivePct <= 80) {
            return 3;
        }
        return 4;
    }

    /** Intensity score of the average positive cell: its mean DAB against the thresholds. */
    public static int intensity(CellCounts c, CellSettings s) {
        double v = c.positiveDabMean();
        return Double.isNaN(v) ? 0 : Math.max(1, s.classOf(v));
    }

    public static int allred(CellCounts c, CellSettings s) {
        return allredProportion(c.positivePct(), c.positive()) + intensity(c, s);
    }

    public static int irs(CellCounts c, CellSettings s) {
        return irsProportion(c.positivePct(), c.positive()) * intensity(c, s);
    }
}
