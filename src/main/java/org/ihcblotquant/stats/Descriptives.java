package org.ihcblotquant.stats;

import java.util.Arrays;

/** Summary of one group: n, mean, SD (n-1 denominator), SEM, median, min and max. */
public final class Descriptives {
    public final String level;
    public final int n;
    public final double mean;
    /** Sample standard deviation (n-1); NaN for n < 2. */
    public final double sd;
    /** sd / sqrt(n); NaN for n < 2. */
    public final double sem;
    public final double median;
    public final double min;
    public final double max;

    private Descriptives(String level, int n, double mean, double sd, double median, double min, double max) {
        this.level = level;
        this.n = n;
        this.mean = mean;
        this.sd = sd;
        this.sem = n > 0 ? sd / Math.sqrt(n) : Double.NaN;
        this.median = median;
        this.min = min;
        this.max = max;
    }

    public static Descriptives of(String level, double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Descriptives(level, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        double sd = n < 2 ? Double.NaN : Math.sqrt(sumSquaredDeviations(values, mean) / (n - 1));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new Descriptives(level, n, mean, sd, median, sorted[0], sorted[n - 1]);
    }

    /** Mean by a two-pass sum (the correction term keeps the rounding error of the first pass out). */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double m = s / v.length;
        double c = 0;
        for (double x : v) {
            c += x - m;
        }
        return m + c / v.length;
    }

    public static double sumSquaredDeviations(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss;
    }

    public static double variance(double[] v) {
        return v.length < 2 ? Double.NaN : sumSquaredDeviations(v, mean(v)) / (v.length - 1);
    }
}
