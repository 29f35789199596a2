package org.ihcblotquant.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link Table} as RFC 4180 CSV (comma, quotes where needed, '.' decimal point whatever
 * the locale), with the table's comment lines first as '# ...'.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /** Writes the table to {@code file} completely or not at all. */
    public static void write(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(table, w);
            w.flush();
        });
    }

    public static String toString(Table table) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            write(table, sw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    public static void write(Table table, Writer w) throws IOException {
        for (String c : table.comments()) {
            w.write("# " + c.replace('\n', ' ') + "\n");
        }
        w.write(joinRow(table.columns().toArray()));
        w.write('\n');
        for (int i = 0; i < table.rowCount(); i++) {
            w.write(joinRow(table.row(i)));
            w.write('\n');
        }
    }

    private static String joinRow(Object[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(format(cells[i])));
        }
        return sb.toString();
    }

    /** Numbers in full precision, no locale; NaN and null become an empty cell. */
    public static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Inf" : "-Inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return Double.toString(d);
        }
        return cell.toString();
    }

    /** A cell quoted as RFC 4180 needs (commas, quotes, line breaks, a leading '#', edge spaces). */
    public static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0 || s.startsWith("#") || (!s.isEmpty() && (s.charAt(0) == ' '
                || s.charAt(s.length() - 1) == ' '));
        if (!needs) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
