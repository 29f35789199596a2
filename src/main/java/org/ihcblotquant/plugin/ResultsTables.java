package org.ihcblotquant.plugin;

import ij.measure.ResultsTable;

import org.ihcblotquant.io.Table;

/** Copies our {@link Table}s into ImageJ ResultsTables (numbers as values, text as strings). */
public final class ResultsTables {

    private ResultsTables() {
    }

    /**
     * Appends the rows of {@code t} to {@code rt}; empty cells stay empty (NaN for numbers). Nine
     * decimals (ImageJ switches tiny values to scientific notation itself): results are for papers,
     * ImageJ's default 3 decimals would round p-values and optical densities away.
     */
    public static void append(ResultsTable rt, Table t) {
        rt.setPrecision(9);
        for (int i = 0; i < t.rowCount(); i++) {
            Object[] row = t.row(i);
            rt.incrementCounter();
            for (int c = 0; c < row.length; c++) {
                String col = t.columns().get(c);
                Object v = row[c];
                if (v instanceof Number) {
                    rt.addValue(col, ((Number) v).doubleValue());
                } else {
                    rt.addValue(col, v == null ? "" : v.toString());
                }
            }
        }
    }

    /** Replaces the content of {@code rt} with {@code t}. */
    public static void replace(ResultsTable rt, Table t) {
        rt.reset();
        append(rt, t);
    }

    /** Replaces the system "Results" table's content with {@code t} and shows it. */
    public static void showAsResults(Table t) {
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null) {
            rt = new ResultsTable();
        }
        replace(rt, t);
        rt.show("Results");
    }
}
