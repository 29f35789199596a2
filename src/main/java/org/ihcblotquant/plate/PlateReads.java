package org.ihcblotquant.plate;

import java.util.regex.Pattern;

import org.ihcblotquant.core.InputException;

/**
 * The numeric readings of one plate. Overflow marks (a reader writes "OVRFLW", "OVER", "*****",
 * "Sat" or "&gt;4.000" where the signal left its range) are kept as overflow, never read as a
 * number; an empty cell is no reading. Decimal commas ("0,512", as readers write them with
 * semicolon-separated exports in many locales) are accepted.
 */
public final class PlateReads {

    /** What a well's cell held. */
    public enum Kind {
        VALUE, EMPTY, OVERFLOW
    }

    private static final Pattern OVERFLOW = Pattern.compile(
            "(?i)(ovrflw|overflow|over|sat|saturated|high|out of range|range\\??|\\*+|>.*|#+|inf)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?[0-9]*,[0-9]+([eE][-+]?[0-9]+)?");

    private final PlateGrid grid;
    private final double[] values;
    private final Kind[] kinds;

    private PlateReads(PlateGrid grid, double[] values, Kind[] kinds) {
        this.grid = grid;
        this.values = values;
        this.kinds = kinds;
    }

    /**
     * Reads the numbers of a plate. A cell that is neither a number nor an overflow mark is an
     * InputException naming the file, plate (when the file has several) and well.
     */
    public static PlateReads of(PlateGrid grid, boolean severalPlates) {
        int n = grid.format().wells();
        double[] v = new double[n];
        Kind[] k = new Kind[n];
        for (int i = 0; i < n; i++) {
            String s = grid.cell(i);
            v[i] = Double.NaN;
            if (s == null) {
                k[i] = Kind.EMPTY;
            } else if (OVERFLOW.matcher(s).matches()) {
                k[i] = Kind.OVERFLOW;
            } else {
                v[i] = number(s, grid.where(i, severalPlates));
                k[i] = Kind.VALUE;
            }
        }
        return new PlateReads(grid, v, k);
    }

    static double number(String s, String where) {
        String t = DECIMAL_COMMA.matcher(s).matches() ? s.replace(',', '.') : s;
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(where + ": '" + s + "' is not a number (overflow marks such as OVRFLW or"
                    + " ***** are flagged and left out; other text is an error)");
        }
    }

    public PlateGrid grid() {
        return grid;
    }

    public PlateFormat format() {
        return grid.format();
    }

    /** The reading, NaN when the cell was empty or an overflow mark. */
    public double value(int well) {
        return values[well];
    }

    public Kind kind(int well) {
        return kinds[well];
    }

    /** The cell text as the file has it (null when empty). */
    public String text(int well) {
        return grid.cell(well);
    }
}
