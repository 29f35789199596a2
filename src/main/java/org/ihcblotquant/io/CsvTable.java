package org.ihcblotquant.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.InputException;

/**
 * A CSV file read into memory: header row, then data rows of strings. Lines starting with '#'
 * before the header (our provenance comments) are skipped; quoted fields follow RFC 4180.
 * Comma, semicolon or tab separators are detected from the header line.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<List<String>> rows;
    private final char separator;

    private CsvTable(String source, List<String> header, List<List<String>> rows, char separator) {
        this.source = source;
        this.header = Collections.unmodifiableList(header);
        this.rows = rows;
        this.separator = separator;
    }

    /** The field separator detected from the header line: ',', ';' or tab. */
    public char separator() {
        return separator;
    }

    /** Reads a CSV file; a missing, empty or malformed file gives an {@link InputException} naming it. */
    public static CsvTable read(Path file) {
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

    /** Parses CSV text; {@code source} names it in error messages. */
    public static CsvTable parse(String source, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        char sep = 0;
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            // comment lines before the header
            if (records.isEmpty() && text.charAt(i) == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                continue;
            }
            if (sep == 0) {
                int end = text.indexOf('\n', i);
                String first = end < 0 ? text.substring(i) : text.substring(i, end);
                sep = detectSeparator(first);
            }
            List<String> rec = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            int startLine = line;
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (c == sep) {
                    rec.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    endOfRecord = true;
                    line++;
                } else if (c != '\r') {
                    cell.append(c);
                }
                i++;
            }
            if (quoted) {
                throw new InputException(source + ": unterminated quoted field starting on line " + startLine);
            }
            rec.add(cell.toString());
            boolean blank = rec.size() == 1 && rec.get(0).trim().isEmpty();
            if (!blank) {
                records.add(rec);
                lineNumbers.add(startLine);
            }
        }
        if (records.isEmpty()) {
            throw new InputException(source + ": empty table (no header row)");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            header.add(h.trim());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > header.size()) {
                throw new InputException(source + ": line " + lineNumbers.get(r) + " has " + rec.size()
                        + " fields, the header has " + header.size());
            }
            while (rec.size() < header.size()) {
                rec.add("");
            }
            rows.add(Collections.unmodifiableList(rec));
        }
        return new CsvTable(source, header, rows, sep == 0 ? ',' : sep);
    }

    private static char detectSeparator(String headerLine) {
        int commas = count(headerLine, ',');
        int semis = count(headerLine, ';');
        int tabs = count(headerLine, '\t');
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas) {
            return ';';
        }
        return ',';
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> row(int i) {
        return rows.get(i);
    }

    /** Index of a column; an {@link InputException} names the file and the columns it has. */
    public int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            for (int k = 0; k < header.size(); k++) {
                if (header.get(k).equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new InputException(source + ": missing column '" + name + "' (columns: "
                    + String.join(", ", header) + ")");
        }
        return c;
    }

    public boolean hasColumn(String name) {
        for (String h : header) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Cell text, trimmed. */
    public String get(int row, int column) {
        return rows.get(row).get(column).trim();
    }

    /**
     * 1-based line-like number of a data row for messages: row 0 is "row 1", the first after the header.
     */
    public static String rowLabel(int row) {
        return "row " + (row + 1);
    }
}
