package org.ihcblotquant.blot;

/**
 * A synthetic doublet (two bands 10 px apart, SD 4 px: not resolved to the baseline) above a
 * loading control, on 8-bit film: rows 0 and 1 of the volumes are the doublet's bands, row 2 the
 * control.
 */
public final class DoubletTestData {
    public static final double[] UPPER = {6000, 12000, 9000, 15000, 7500, 10500};
    public static final double[] LOWER = {4000, 3000, 9000, 5000, 7500, 3500};
    public static final double[] ACTIN = {15000, 14000, 16000, 15500, 14500, 15000};

    public static SyntheticBlot.Blot blot() {
        double s = 2.5;
        return new SyntheticBlot().size(420, 260).mode(SyntheticBlot.Mode.FILM_8BIT).equalLanes(6, 35)
                .bandShape(18, 1.5).seed(7).row("upper", 95, 4, BlotAnalyzerTest.scale(UPPER, s))
                .row("lower", 105, 4, BlotAnalyzerTest.scale(LOWER, s))
                .row("actin", 190, 4, BlotAnalyzerTest.scale(ACTIN, s)).background(40, 0.03, 0.05, 2).render();
    }

    private DoubletTestData() {
    }
}
