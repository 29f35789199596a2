package org.ihcblotquant.stats;

/** Wilcoxon rank-sum / Mann–Whitney U test of x against y, as R's {@code wilcox.test} reports it. */
public final class MannWhitneyResult {
    /** R's W: the rank sum of x minus n_x (n_x + 1) / 2 (the U statistic of x). */
    public final double w;
    public final double p;
    /** "exact" (no ties, both n < 50) or "normal approximation with continuity and tie correction". */
    public final String method;
    public final boolean exact;
    public final Descriptives x;
    public final Descriptives y;

    MannWhitneyResult(double w, double p, boolean exact, String method, Descriptives x, Descriptives y) {
        this.w = w;
        this.p = p;
        this.exact = exact;
        this.method = method;
        this.x = x;
        this.y = y;
    }
}
