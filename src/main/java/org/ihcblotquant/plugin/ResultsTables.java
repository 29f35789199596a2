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

    /** A ResultsTable as CSV text (cells as ImageJ shows them), including the Label column. */
    public static String toCsv(ResultsTable rt) {
        String[] headings = rt.getHeadings();
        java.util.List<String> cols = new java.util.ArrayList<>();
        for (String h : headings) {
            if (h != null && !h.trim().isEmpty()) {
                cols.add(h);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            sb.append(c > 0 ? "," : "").append(org.ihcblotquant.io.CsvFormat.quote(cols.get(c)));
        }
        sb.append('\n');
        for (int r = 0; r < rt.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                String col = cols.get(c);
                String v = col.equals("Label") ? rt.getLabel(r) : rt.getStringValue(col, r);
                sb.append(c > 0 ? "," : "").append(org.ihcblotquant.io.CsvFormat.quote(v == null ? "" : v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
