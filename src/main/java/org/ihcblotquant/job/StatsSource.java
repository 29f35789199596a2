package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.Warnings;

/**
 * Where the statistics read their rows: a CSV file or a table already in memory (Fiji's Results
 * table), optionally joined with a second table (a clinical sheet) on an id column.
 *
 * <p>Statistical tests treat each row as an independent subject. A per-image table (IHC Batch's
 * images.csv, several fields per slide) breaks that: with 8 fields of one slide the test counts
 * 8 patients. So rows that repeat an id are pooled to one row per id (numeric columns averaged,
 * text kept when it is the same in every row) when the user asks for it ({@code pool-by}) or
 * when joining on that id (a clinical sheet has one row per patient); otherwise a repeated
 * {@code slide} column is warned about.
 */
public final class StatsSource {
    /** The id column IHC tables use; repeated values in it mean a per-image table. */
    static final String SLIDE = "slide";

    private final Path file;
    private final CsvTable table;
    private final Path join;
    private final String on;
    private final String poolBy;
    /** Decimal mark of the numbers (issue 11): auto-detected unless set. */
    private org.ihcblotquant.stats.DecimalMark decimal = org.ihcblotquant.stats.DecimalMark.AUTO;

    private StatsSource(Path file, CsvTable table, Path join, String on, String poolBy) {
        this.file = file;
        this.table = table;
        this.join = join;
        this.on = blankToNull(on);
        this.poolBy = blankToNull(poolBy);
    }

    /** Rows of a CSV file. */
    public static StatsSource file(Path table) {
        return new StatsSource(table, null, null, null, null);
    }

    /** Rows already read (e.g. Fiji's Results table). */
    public static StatsSource table(CsvTable table) {
        return new StatsSource(null, table, null, null, null);
    }

    /** The same rows joined with {@code join} on column {@code on} ({@code COL} or {@code LEFT:RIGHT}). */
    public StatsSource joinedWith(Path join, String on) {
        return new StatsSource(file, table, join, on, poolBy).decimal(decimal);
    }

    /** The same rows with numbers read with this decimal mark (auto: decimal commas detected). */
    public StatsSource decimal(org.ihcblotquant.stats.DecimalMark mark) {
        StatsSource s = new StatsSource(file, table, join, on, poolBy);
        s.decimal = mark;
        return s;
    }

    /** The same rows pooled to one row per value of {@code column} (null or empty: no pooling). */
    public StatsSource pooledBy(String column) {
        return new StatsSource(file, table, join, on, column).decimal(decimal);
    }

    /** Files read, for output checks. */
    List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (file != null) {
            out.add(file);
        }
        if (join != null) {
            out.add(join);
        }
        return out;
    }

    /** Checks that need no file: join and id column go together. */
    void check() {
        if ((join == null) != (on == null)) {
            throw new FieldException(join == null ? "join" : "on", join == null
                    ? "an id column to join on was given but no table to join"
                    : "joining needs the id column the two tables share");
        }
    }

    /** Reads (and joins, pools) the rows; warnings and provenance entries are added. */
    ColumnData load(Provenance prov, Warnings w) {
        check();
        CsvTable t = table != null ? table : CsvTable.read(file);
        prov.put("input", file != null ? file.toAbsolutePath().normalize() : t.source());
        String leftOn = on == null ? null : leftColumn(t, on);
        String pool = poolBy != null ? poolBy : leftOn != null && repeats(t, leftOn) > 0 ? leftOn : null;
        if (pool != null) {
            int before = t.rowCount();
            t = pool(t, pool);
            if (t.rowCount() < before) {
                prov.put("pooled_by", pool + " (mean of numeric columns per id)");
                w.add(before + " rows of " + t.source() + " pooled to " + t.rowCount() + " by " + pool
                        + " (the mean of each numeric column per " + pool + "; IHC slides.csv pools pixels instead)");
            }
        } else if (t.hasColumn(SLIDE) && repeats(t, SLIDE) > 0) {
            w.add(t.source() + " has " + t.rowCount() + " rows but " + (t.rowCount() - repeats(t, SLIDE))
                    + " distinct slide ids: rows are images, not patients, and the test treats each as independent;"
                    + " pool them by slide (or use slides.csv)");
        }
        if (join == null) {
            return ColumnData.of(t).decimal(decimal);
        }
        prov.put("join", join.toAbsolutePath().normalize());
        prov.put("join_on", on);
        ColumnData d = ColumnData.joinOn(t, CsvTable.read(join), on).decimal(decimal);
        ColumnData.JoinReport j = d.joinReport();
        if (!j.onlyInLeft.isEmpty()) {
            w.add(j.onlyInLeft.size() + " id(s) of " + j.left + " not in " + j.right + " (left out): "
                    + String.join(", ", j.onlyInLeft));
        }
        if (!j.onlyInRight.isEmpty()) {
            w.add(j.onlyInRight.size() + " id(s) of " + j.right + " not in " + j.left + " (left out): "
                    + String.join(", ", j.onlyInRight));
        }
        return d;
    }

    /** The left table's id column of a join spec {@code COL} or {@code LEFT:RIGHT}. */
    private static String leftColumn(CsvTable t, String spec) {
        int colon = spec.indexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && !t.hasColumn(spec)) {
            return spec.substring(0, colon).trim();
        }
        return spec.trim();
    }

    /** Number of rows whose id in {@code column} occurred in an earlier row (0 when absent). */
    private static int repeats(CsvTable t, String column) {
        if (!t.hasColumn(column)) {
            return 0;
        }
        int c = t.column(column);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int n = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            String id = t.get(i, c).trim();
            if (!id.isEmpty() && !seen.add(id)) {
                n++;
            }
        }
        return n;
    }

    /**
     * One row per id: numeric columns (every non-missing cell a number) averaged over the id's
     * rows, skipping missing cells; other columns kept when all the id's rows agree, else empty.
     * Rows without an id are left out.
     */
    static CsvTable pool(CsvTable t, String column) {
        if (!t.hasColumn(column)) {
            throw new FieldException("pool-by", "no column '" + column + "' in " + t.source() + " (columns: "
                    + String.join(", ", t.header()) + ")");
        }
        int idc = t.column(column);
        Map<String, List<Integer>> rowsById = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String id = t.get(i, idc).trim();
            if (!id.isEmpty()) {
                rowsById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
        }
        int nc = t.header().size();
        boolean[] numeric = new boolean[nc];
        for (int c = 0; c < nc; c++) {
            numeric[c] = c != idc && isNumeric(t, c);
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < nc; c++) {
            sb.append(c > 0 ? "," : "").append(CsvFormat.quote(t.header().get(c)));
        }
        sb.append('\n');
        for (Map.Entry<String, List<Integer>> e : rowsById.entrySet()) {
            for (int c = 0; c < nc; c++) {
                String cell;
                if (c == idc) {
                    cell = e.getKey();
                } else if (numeric[c]) {
                    double sum = 0;
                    int n = 0;
                    for (int r : e.getValue()) {
                        String v = t.get(r, c);
                        if (!StatsInput.isMissing(v)) {
                            sum += Double.parseDouble(v.trim());
                            n++;
                        }
                    }
                    cell = n == 0 ? "" : String.format(Locale.ROOT, "%.17g", sum / n);
                } else {
                    cell = t.get(e.getValue().get(0), c);
                    for (int r : e.getValue()) {
                        if (!t.get(r, c).equals(cell)) {
                            cell = "";
                            break;
                        }
                    }
                }
                sb.append(c > 0 ? "," : "").append(CsvFormat.quote(cell));
            }
            sb.append('\n');
        }
        if (rowsById.isEmpty()) {
            throw new InputException(t.source() + ": column '" + column + "' holds no ids to pool by");
        }
        return CsvTable.parse(t.source(), sb.toString());
    }

    private static boolean isNumeric(CsvTable t, int c) {
        boolean any = false;
        for (int i = 0; i < t.rowCount(); i++) {
            String v = t.get(i, c);
            if (StatsInput.isMissing(v)) {
                continue;
            }
            try {
                Double.parseDouble(v.trim());
                any = true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return any;
    }

    private static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
