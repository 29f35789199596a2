package org.ihcblotquant.stats;

/**
 * A two-sample or paired t-test of x against y: the difference is mean(x) - mean(y) (for the
 * paired test, the mean of the differences x - y), with a two-sided p and a confidence interval.
 */
public final class TTestResult {
    /** "welch", "student" or "paired". */
    public final String method;
    public final double t;
    public final double df;
    public final double p;
    public final double confLevel;
    public final double ciLow;
    public final double ciHigh;
    /** mean(x) - mean(y), or the mean paired difference. */
    public final double difference;
    /** Standard error of the difference. */
    public final double stdErr;
    public final Descriptives x;
    public final Descriptives y;
    /** The alternative hypothesis; for a one-sided test one CI bound is infinite, as in R. */
    public final Alternative alternative;

    TTestResult(String method, double t, double df, double p, double confLevel, double ciLow, double ciHigh,
            double difference, double stdErr, Descriptives x, Descriptives y) {
        this(method, t, df, p, confLevel, ciLow, ciHigh, difference, stdErr, x, y, Alternative.TWO_SIDED);
    }

    TTestResult(String method, double t, double df, double p, double confLevel, double ciLow, double ciHigh,
            double difference, double stdErr, Descriptives x, Descriptives y, Alternative alternative) {
        this.alternative = alternative;
        this.method = method;
        this.t = t;
        this.df = df;
        this.p = p;
        this.confLevel = confLevel;
        this.ciLow = ciLow;
        this.ciHigh = ciHigh;
        this.difference = difference;
        this.stdErr = stdErr;
        this.x = x;
        this.y = y;
    }

    public String label() {
        switch (method) {
            case "welch":
                return "Welch two-sample t-test";
            case "student":
                return "Student two-sample t-test (equal variances)";
            default:
                return "Paired t-test";
        }
    }
}
