package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvTable;

/**
 * Rows of a table, or of two tables joined on an id column, addressed by column name. Every
 * row keeps a label ("scores.csv row 4") so that messages point at the cell to fix.
 */
public final class ColumnData {

    /** Outcome of a join: ids found in only one of the two tables. */
    public static final class JoinReport {
        public final String on;
        public final int matched;
        public final List<String> onlyInLeft;
        public final List<String> onlyInRight;
        public final String left;
        public final String right;

        JoinReport(String on, int matched, List<String> onlyInLeft, List<String> onlyInRight, String left,
                String right) {
            this.on = on;
            this.matched = matched;
            this.onlyInLeft = Collections.unmodifiableList(onlyInLeft);
            this.onlyInRight = Collections.unmodifiableList(onlyInRight);
            this.left = left;
            this.right = right;
        }
    }

    private final CsvTable left;
    private final CsvTable right;
    /** Row index in left (and right, when joined) of each data row. */
    private final int[] leftRow;
    private final int[] rightRow;
    private final JoinReport join;
    /** Whether the numbers of the left / right table use a decimal comma. */
    private boolean leftComma;
    private boolean rightComma;

    private ColumnData(CsvTable left, CsvTable right, int[] leftRow, int[] rightRow, JoinReport join) {
        this.left = left;
        this.right = right;
        this.leftRow = leftRow;
        this.rightRow = rightRow;
        this.join = join;
        decimal(DecimalMark.AUTO);
    }

    /**
     * Sets how numbers are read: {@link DecimalMark#AUTO} (the default) recognises semicolon- or
     * tab-separated tables written with decimal commas; COMMA and POINT force one mark.
     */
    public ColumnData decimal(DecimalMark mark) {
        leftComma = mark.commaIn(left);
        rightComma = right != null && mark.commaIn(right);
        return this;
    }

    /** True when a column's numbers are read with a decimal comma. */
    public boolean decimalComma(int[] column) {
        return column[0] == 0 ? leftComma : rightComma;
    }

    public static ColumnData of(CsvTable table) {
        int[] rows = new int[table.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return new ColumnData(table, null, rows, null, null);
    }

    /**
     * Inner join of {@code left} (e.g. scores) and {@code right} (e.g. the clinical sheet) on the
     * column {@code on}, which both must have. Ids must be unique in each table; ids without a
     * partner are listed in the {@link JoinReport}, never dropped silently.
     */
    public static ColumnData join(CsvTable left, CsvTable right, String on) {
        return join(left, right, on, on);
    }

    /**
     * Parses {@code COL} or {@code LEFT_COL:RIGHT_COL} (when the id column is named differently
     * in the two tables, e.g. {@code slide:patient}) and joins on it.
     */
    public static ColumnData joinOn(CsvTable left, CsvTable right, String spec) {
        int colon = spec.indexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && !left.hasColumn(spec)) {
            return join(left, right, spec.substring(0, colon).trim(), spec.substring(colon + 1).trim());
        }
        return join(left, right, spec.trim(), spec.trim());
    }

    /** Inner join of {@code left} on column {@code leftOn} with {@code right} on {@code rightOn}. */
    public static ColumnData join(CsvTable left, CsvTable right, String leftOn, String rightOn) {
        String on = leftOn.equals(rightOn) ? leftOn : leftOn + ":" + rightOn;
        int lc = left.column(leftOn);
        int rc = right.column(rightOn);
        Map<String, Integer> rightIds = index(right, rc);
        Map<String, Integer> leftIds = index(left, lc);
        List<Integer> lrows = new ArrayList<>();
        List<Integer> rrows = new ArrayList<>();
        List<String> onlyLeft = new ArrayList<>();
        for (Map.Entry<String, Integer> e : leftIds.entrySet()) {
            Integer r = rightIds.get(e.getKey());
            if (r == null) {
                onlyLeft.add(e.getKey());
            } else {
                lrows.add(e.getValue());
                rrows.add(r);
            }
        }
        List<String> onlyRight = new ArrayList<>();
        for (String id : rightIds.keySet()) {
            if (!leftIds.containsKey(id)) {
                onlyRight.add(id);
            }
        }
        if (lrows.isEmpty()) {
            throw new InputException("join on '" + on + "': no id of " + left.source() + " occurs in "
                    + right.source() + " (first ids: " + first(leftIds.keySet()) + " vs " + first(rightIds.keySet()) + ")");
        }
        int[] l = new int[lrows.size()];
        int[] r = new int[rrows.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = lrows.get(i);
            r[i] = rrows.get(i);
        }
        JoinReport rep = new JoinReport(on, l.length, onlyLeft, onlyRight, left.source(), right.source());
        return new ColumnData(left, right, l, r, rep);
    }

    private static String first(Iterable<String> ids) {
        List<String> out = new ArrayList<>();
        for (String s : ids) {
            if (out.size() == 3) {
                out.add("...");
                break;
            }
            out.add(s);
        }
        return String.join(", ", out);
    }

    private static Map<String, Integer> index(CsvTable t, int col) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String id = t.get(i, col);
            if (id.isEmpty()) {
                continue;
            }
            Integer prev = m.put(id, i);
            if (prev != null) {
                throw new InputException(t.source() + ": id '" + id + "' in column '" + t.header().get(col)
                        + "' occurs twice (" + CsvTable.rowLabel(prev) + " and " + CsvTable.rowLabel(i)
                        + "); join needs one row per id");
            }
        }
        return m;
    }

    public int size() {
        return leftRow.length;
    }

    /** The join report, or null when the data come from one table. */
    public JoinReport joinReport() {
        return join;
    }

    public String source() {
        return right == null ? left.source() : left.source() + " + " + right.source();
    }

    /** A column reference: which table and which index. Left table columns take precedence. */
    public int[] column(String name) {
        if (left.hasColumn(name)) {
            return new int[] {0, left.column(name)};
        }
        if (right != null && right.hasColumn(name)) {
            return new int[] {1, right.column(name)};
        }
        if (right == null) {
            left.column(name); // throws, naming the file and its columns
        }
        throw new InputException("missing column '" + name + "' in " + left.source() + " (columns: "
                + String.join(", ", left.header()) + ") and " + right.source() + " (columns: "
                + String.join(", ", right.header()) + ")");
    }

    public String get(int row, int[] column) {
        return column[0] == 0 ? left.get(leftRow[row], column[1]) : right.get(rightRow[row], column[1]);
    }

    /** "file.csv row 4, column 'time'" for messages. */
    public String where(int row, int[] column, String name) {
        CsvTable t = column[0] == 0 ? left : right;
        int r = column[0] == 0 ? leftRow[row] : rightRow[row];
        return t.source() + " " + CsvTable.rowLabel(r) + ", column '" + name + "'";
    }
}
