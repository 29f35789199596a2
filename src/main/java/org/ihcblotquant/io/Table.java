package org.ihcblotquant.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A results table: named columns, rows of cells (String, Number, or null for an empty cell),
 * with provenance lines written above it as '#' comments that CSV readers skip.
 */
public final class Table {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();

    public Table(String... columns) {
        this(Arrays.asList(columns));
    }

    public Table(List<String> columns) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    public List<String> columns() {
        return columns;
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** Adds a row; the number of cells must match the columns. */
    public Table addRow(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
                    + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public Object get(int row, String column) {
        int c = columnIndex(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return rows.get(row)[c];
    }

    public Object[] row(int i) {
        return rows.get(i).clone();
    }

    /** Lines written above the header as {@code # line}. */
    public Table addComment(String line) {
        comments.add(line);
        return this;
    }

    public Table addComments(List<String> lines) {
        comments.addAll(lines);
        return this;
    }

    public List<String> comments() {
        return Collections.unmodifiableList(comments);
    }
}
