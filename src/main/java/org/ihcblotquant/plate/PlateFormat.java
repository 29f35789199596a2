package org.ihcblotquant.plate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A microplate geometry: 96 wells (8 rows A–H × 12 columns) or 384 wells (16 rows A–P × 24 columns). */
public enum PlateFormat {
    WELLS_96(8, 12), WELLS_384(16, 24);

    private static final Pattern WELL = Pattern.compile("([A-Pa-p])\\s*0*([0-9]{1,2})");

    public final int rows;
    public final int columns;

    PlateFormat(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    public int wells() {
        return rows * columns;
    }

    /** The format with this many columns, or null. */
    static PlateFormat withColumns(int columns) {
        for (PlateFormat f : values()) {
            if (f.columns == columns) {
                return f;
            }
        }
        return null;
    }

    /** The smallest format that holds a well of this row and column (0-based). */
    static PlateFormat holding(int row, int column) {
        return row < 8 && column < 12 ? WELLS_96 : WELLS_384;
    }

    /** Well name such as {@code B7} for row 1, column 6 (0-based). */
    public static String wellName(int row, int column) {
        return String.valueOf((char) ('A' + row)) + (column + 1);
    }

    public String wellName(int index) {
        return wellName(index / columns, index % columns);
    }

    public int index(int row, int column) {
        return row * columns + column;
    }

    /** Row and column (0-based) of a well name ({@code B7}, {@code b07}), or null when it is not one. */
    public static int[] parseWell(String s) {
        Matcher m = WELL.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        int row = m.group(1).toUpperCase(Locale.ROOT).charAt(0) - 'A';
        int col = Integer.parseInt(m.group(2)) - 1;
        if (col < 0 || col >= 24) {
            return null;
        }
        return new int[] {row, col};
    }

    public String label() {
        return wells() + "-well (" + rows + " x " + columns + ")";
    }
}
