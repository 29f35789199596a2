package org.ihcblotquant.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Multiple-testing corrections of a family of p-values, as R's {@code p.adjust}:
 * <ul>
 * <li>{@link Method#HOLM} (default): Holm's step-down, controls the family-wise error rate
 * (Holm 1979); never less powerful than Bonferroni.</li>
 * <li>{@link Method#BONFERRONI}: p times the number of tests, capped at 1.</li>
 * <li>{@link Method#BH}: Benjamini–Hochberg step-up, controls the false discovery rate
 * (Benjamini &amp; Hochberg 1995).</li>
 * </ul>
 * NaN p-values (tests that could not be computed) stay NaN and do not count as tests, as
 * {@code p.adjust} treats NA.
 */
public final class PValueAdjust {

    /** The correction. */
    public enum Method {
        HOLM("holm", "Holm"), BONFERRONI("bonferroni", "Bonferroni"), BH("BH", "Benjamini-Hochberg"),
        NONE("none", "none");

        /** R's {@code p.adjust} method name. */
        public final String key;
        public final String label;

        Method(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** holm | bonferroni | bh (also "fdr", "benjamini-hochberg") | none, case-insensitive. */
        public static Method parse(String s) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            switch (v) {
                case "holm":
                    return HOLM;
                case "bonferroni":
                    return BONFERRONI;
                case "bh":
                case "fdr":
                case "benjamini-hochberg":
                    return BH;
                case "none":
                    return NONE;
                default:
                    throw new org.ihcblotquant.job.FieldException("adjust",
                            "'" + s + "' is not holm, bonferroni, bh or none");
            }
        }
    }

    private PValueAdjust() {
    }

    /** A column of p-values read from a table, with a name per row. */
    public static final class Column {
        public final java.util.List<String> names;
        public final double[] p;

        Column(java.util.List<String> names, double[] p) {
            this.names = names;
            this.p = p;
        }
    }

    /**
     * Reads the p-values of {@code pColumn} (missing cells stay NaN, outside [0, 1] is an error
     * naming the cell); rows are named by {@code nameColumn} or numbered from 1.
     */
    public static Column readColumn(ColumnData d, String pColumn, String nameColumn) {
        int[] pc = d.column(pColumn);
        int[] nc = nameColumn == null ? null : d.column(nameColumn);
        java.util.List<String> names = new java.util.ArrayList<>();
        double[] p = new double[d.size()];
        for (int r = 0; r < d.size(); r++) {
            p[r] = StatsInput.number(d, r, pc, pColumn);
            if (!Double.isNaN(p[r]) && (p[r] < 0 || p[r] > 1)) {
                throw new org.ihcblotquant.core.InputException(d.where(r, pc, pColumn) + ": " + p[r]
                        + " is not a p-value (0 to 1)");
            }
            names.add(nc == null ? String.valueOf(r + 1) : d.get(r, nc));
        }
        return new Column(names, p);
    }

    /** Adjusted p-values in the order of {@code p}. */
    public static double[] adjust(double[] p, Method method) {
        int total = p.length;
        Integer[] idx = new Integer[total];
        int m = 0;
        for (int i = 0; i < total; i++) {
            if (!Double.isNaN(p[i])) {
                idx[m++] = i;
            }
        }
        double[] out = new double[total];
        Arrays.fill(out, Double.NaN);
        if (m == 0) {
            return out;
        }
        Integer[] ord = Arrays.copyOf(idx, m);
        Arrays.sort(ord, Comparator.comparingDouble(i -> p[i]));
        switch (method) {
            case NONE:
                for (int k = 0; k < m; k++) {
                    out[ord[k]] = p[ord[k]];
                }
                break;
            case BONFERRONI:
                for (int k = 0; k < m; k++) {
                    out[ord[k]] = Math.min(1, m * p[ord[k]]);
                }
                break;
            case HOLM: {
                // step-down: (m - k) p_(k), made monotone from the smallest upwards
                double run = 0;
                for (int k = 0; k < m; k++) {
                    run = Math.max(run, Math.min(1, (m - k) * p[ord[k]]));
                    out[ord[k]] = run;
                }
                break;
            }
            default: {
                // step-up: m / k p_(k), made monotone from the largest downwards
                double run = 1;
                for (int k = m - 1; k >= 0; k--) {
                    run = Math.min(run, m / (double) (k + 1) * p[ord[k]]);
                    out[ord[k]] = Math.min(1, run);
                }
                break;
            }
        }
        return out;
    }
}
