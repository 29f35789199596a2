package org.ihcblotquant.stats;

import java.util.Locale;
import java.util.regex.Pattern;

import org.ihcblotquant.io.CsvTable;

/**
 * The decimal mark of the numbers in a table. European spreadsheets write {@code 1,5} in
 * semicolon-separated files; {@link #AUTO} recognises such a file (semicolon or tab separated,
 * some cells like {@code 1,5} and none like {@code 1.5}) and reads its commas as decimal marks.
 */
public enum DecimalMark {
    AUTO, POINT, COMMA;

    private static final Pattern COMMA_NUMBER = Pattern.compile("[-+]?\\d*,\\d+([eE][-+]?\\d+)?");
    private static final Pattern POINT_NUMBER = Pattern.compile("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?");

    /** Parses {@code auto | point | comma} (also "." and ","). */
    public static DecimalMark parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "point":
            case "dot":
            case ".":
                return POINT;
            case "comma":
            case ",":
                return COMMA;
            default:
                throw new org.ihcblotquant.job.FieldException("decimal", "'" + s + "' is not auto, point or comma");
        }
    }

    /** Whether the numbers of {@code t} use a decimal comma under this setting. */
    public boolean commaIn(CsvTable t) {
        if (this != AUTO) {
            return this == COMMA;
        }
        if (t.separator() == ',') {
            return false;
        }
        boolean comma = false;
        for (int r = 0; r < t.rowCount(); r++) {
            for (String cell : t.row(r)) {
                String c = cell.trim();
                if (POINT_NUMBER.matcher(c).matches()) {
                    return false;
                }
                if (!comma && COMMA_NUMBER.matcher(c).matches()) {
                    comma = true;
                }
            }
        }
        return comma;
    }
}
