package org.ihcblotquant.plate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ihcblotquant.core.InputException;

/**
 * Reads plate-reader exports and layouts as text: the "plate view" grid (a row of column numbers
 * 1..12 or 1..24, then rows A..H or A..P, each a row letter followed by the wells), any number of
 * such grids one after another (plates or read-outs 1..n), with whatever header lines a reader
 * writes above them skipped; or a long table {@code well,value[,extra]}. Comma, semicolon or tab
 * separated (the separator under which the grids are found; for a long table the one on most lines).
 */
public final class PlateText {

    private PlateText() {
    }

    /** Reads a file; a missing or unreadable file, or one without a plate, is an InputException naming it. */
    public static List<PlateGrid> read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    /** The separator of the file (tab, ';' or ','). */
    static char separator(List<String> lines) {
        int tabs = 0;
        int semis = 0;
        int commas = 0;
        for (String l : lines) {
            tabs += l.indexOf('\t') >= 0 ? 1 : 0;
            semis += l.indexOf(';') >= 0 ? 1 : 0;
            commas += l.indexOf(',') >= 0 ? 1 : 0;
        }
        if (tabs >= semis && tabs >= commas && tabs > 0) {
            return '\t';
        }
        if (semis >= commas && semis > 0) {
            return ';';
        }
        return ',';
    }

    public static List<PlateGrid> parse(String source, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n", -1)) {
            lines.add(l);
        }
        // the separator under which the most grids are found (header lines may use another one);
        // without grids, the one on most lines (a long table)
        List<PlateGrid> grids = new ArrayList<>();
        for (char sep : new char[] {'\t', ';', ','}) {
            List<PlateGrid> found = grids(source, splitAll(lines, sep));
            if (found.size() > grids.size()) {
                grids = found;
            }
        }
        if (!grids.isEmpty()) {
            return grids;
        }
        List<List<String>> cells = splitAll(lines, separator(lines));
        PlateGrid table = longTable(source, cells);
        if (table == null) {
            throw new InputException(source + ": no plate found: expected a grid (a row of column numbers 1-12 or"
                    + " 1-24, then rows A-H or A-P) or a table of well,value rows such as 'A1,0.512'");
        }
        List<PlateGrid> one = new ArrayList<>();
        one.add(table);
        return one;
    }

    private static List<List<String>> splitAll(List<String> lines, char sep) {
        List<List<String>> cells = new ArrayList<>();
        for (String l : lines) {
            cells.add(split(l, sep));
        }
        return cells;
    }

    /** Splits a line at the separator; a field in double quotes may hold the separator. Cells are trimmed. */
    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().trim().isEmpty()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == sep) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }

    /** Index of the first non-empty cell, or -1. */
    private static int firstFilled(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** Row index (0-based) when the first filled cell is a single row letter A-P, else -1. */
    private static int rowLetter(List<String> row) {
        int f = firstFilled(row);
        if (f < 0) {
            return -1;
        }
        String s = row.get(f);
        if (s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'P') {
            return s.charAt(0) - 'A';
        }
        return -1;
    }

    /**
     * For a column-number header line (cells "1", "2", ... at least up to 12, consecutive), the cell
     * index of column 1 and the number of columns (12 or 24); otherwise null.
     */
    private static int[] columnHeader(List<String> row) {
        for (int start = 0; start < row.size(); start++) {
            if (!row.get(start).equals("1")) {
                continue;
            }
            int n = 0;
            while (start + n < row.size() && row.get(start + n).equals(String.valueOf(n + 1))) {
                n++;
            }
            if (n >= 12) {
                return new int[] {start, n >= 24 ? 24 : 12};
            }
        }
        return null;
    }

    private static List<PlateGrid> grids(String source, List<List<String>> lines) {
        List<PlateGrid> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int[] header = columnHeader(lines.get(i));
            int first = header != null ? i + 1 : i;
            if (first >= lines.size() || rowLetter(lines.get(first)) != 0) {
                i++;
                continue;
            }
            // rows A, B, C... in order
            List<List<String>> rows = new ArrayList<>();
            List<Integer> letters = new ArrayList<>();
            int j = first;
            int last = -1;
            while (j < lines.size()) {
                int r = rowLetter(lines.get(j));
                if (r <= last) {
                    break;
                }
                rows.add(lines.get(j));
                letters.add(r);
                last = r;
                j++;
                if (r == 15) {
                    break;
                }
            }
            PlateFormat format;
            int valueStart = -1;
            if (header != null) {
                format = PlateFormat.withColumns(header[1]);
                valueStart = header[0];
            } else {
                int widest = 0;
                for (List<String> row : rows) {
                    widest = Math.max(widest, row.size() - firstFilled(row) - 1);
                }
                format = widest >= 24 && rows.size() >= 16 ? PlateFormat.WELLS_384
                        : widest >= 12 && rows.size() >= 8 ? PlateFormat.WELLS_96 : null;
                if (format == null) {
                    i = j;
                    continue;
                }
            }
            String[] cells = new String[format.wells()];
            int used = 0;
            for (int k = 0; k < rows.size() && letters.get(k) < format.rows; k++) {
                List<String> row = rows.get(k);
                int start = valueStart >= 0 ? valueStart : firstFilled(row) + 1;
                for (int c = 0; c < format.columns; c++) {
                    int at = start + c;
                    String v = at < row.size() ? row.get(at) : "";
                    cells[format.index(letters.get(k), c)] = v.isEmpty() ? null : v;
                }
                used = k + 1;
            }
            out.add(new PlateGrid(source, out.size() + 1, format, cells, null, false));
            i = first + used;
        }
        return out;
    }

    private static PlateGrid longTable(String source, List<List<String>> lines) {
        List<int[]> wells = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int maxRow = 0;
        int maxCol = 0;
        for (List<String> row : lines) {
            int f = firstFilled(row);
            if (f < 0 || row.size() < f + 2) {
                continue;
            }
            int[] w = PlateFormat.parseWell(row.get(f));
            if (w == null) {
                continue;
            }
            wells.add(w);
            rows.add(row.subList(f, row.size()));
            maxRow = Math.max(maxRow, w[0]);
            maxCol = Math.max(maxCol, w[1]);
        }
        if (wells.isEmpty()) {
            return null;
        }
        PlateFormat format = PlateFormat.holding(maxRow, maxCol);
        String[] cells = new String[format.wells()];
        String[] extra = new String[format.wells()];
        boolean anyExtra = false;
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < wells.size(); k++) {
            int index = format.index(wells.get(k)[0], wells.get(k)[1]);
            if (!seen.add(index)) {
                throw new InputException(source + ": well " + format.wellName(index) + " is listed twice");
            }
            List<String> row = rows.get(k);
            cells[index] = row.get(1).isEmpty() ? null : row.get(1);
            if (row.size() > 2 && !row.get(2).isEmpty()) {
                extra[index] = row.get(2);
                anyExtra = true;
            }
        }
        return new PlateGrid(source, 1, format, cells, anyExtra ? extra : null, true);
    }
}
