package org.ihcblotquant.plate;

/**
 * One plate as it was read from a file, before interpretation: the text of every well (null
 * where the file has no cell or an empty one), and for long tables the optional third column
 * (the dose of a {@code well,condition,dose} layout).
 */
public final class PlateGrid {
    private final String source;
    private final int number;
    private final PlateFormat format;
    private final String[] cells;
    private final String[] extra;
    private final boolean longTable;

    PlateGrid(String source, int number, PlateFormat format, String[] cells, String[] extra, boolean longTable) {
        this.source = source;
        this.number = number;
        this.format = format;
        this.cells = cells.clone();
        this.extra = extra == null ? null : extra.clone();
        this.longTable = longTable;
    }

    /** The file it came from (for messages). */
    public String source() {
        return source;
    }

    /** 1-based position of the plate in its file. */
    public int number() {
        return number;
    }

    public PlateFormat format() {
        return format;
    }

    /** Trimmed text of the well (row-major index), or null when empty. */
    public String cell(int index) {
        return cells[index];
    }

    /** Third column of a long table (e.g. a dose), or null. */
    public String extra(int index) {
        return extra == null ? null : extra[index];
    }

    /** True when read from a {@code well,value} table rather than a grid. */
    public boolean isLongTable() {
        return longTable;
    }

    /** "reads.csv plate 2 well B7" (the plate only when the file has several, given by the caller). */
    String where(int index, boolean withPlate) {
        return source + (withPlate ? " plate " + number : "") + " well " + format.wellName(index);
    }
}
