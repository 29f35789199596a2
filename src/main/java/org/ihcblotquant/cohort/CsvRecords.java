package org.ihcblotquant.cohort;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;

/**
 * Reads a table written by {@link org.ihcblotquant.io.CsvFormat} one record at a time, so a merge
 * of 100,000 rows never holds them all: the '#' lines before the header (as {@code key: value}
 * pairs), the header, then records (RFC 4180 quoting, comma separator).
 */
final class CsvRecords implements Closeable {
    private final Path file;
    private final BufferedReader in;
    private final Map<String, String> comments = new LinkedHashMap<>();
    private final List<String> header;
    private long record;

    CsvRecords(Path file) {
        this.file = file;
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        List<String> h = null;
        try {
            in.mark(1);
            int first = in.read();
            if (first != '\uFEFF' && first >= 0) {
                in.reset();
            }
            String line;
            while ((line = peekLineStartingWithHash()) != null) {
                String body = line.substring(1).trim();
                int colon = body.indexOf(": ");
                if (colon > 0) {
                    comments.put(body.substring(0, colon), body.substring(colon + 2));
                } else if (body.endsWith(":")) {
                    comments.put(body.substring(0, body.length() - 1), "");
                }
            }
            h = next();
        } catch (IOException e) {
            closeQuietly();
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        if (h == null) {
            closeQuietly();
            throw new InputException(file + ": empty table (no header row)");
        }
        List<String> trimmed = new ArrayList<>();
        for (String s : h) {
            trimmed.add(s.trim());
        }
        this.header = Collections.unmodifiableList(trimmed);
        this.record = 0;
    }

    /** Reads a whole line when the next one starts with '#'; null (nothing consumed) otherwise. */
    private String peekLineStartingWithHash() throws IOException {
        in.mark(1);
        int c = in.read();
        if (c != '#') {
            in.reset();
            return null;
        }
        String rest = in.readLine();
        return "#" + (rest == null ? "" : rest);
    }

    Map<String, String> comments() {
        return Collections.unmodifiableMap(comments);
    }

    List<String> header() {
        return header;
    }

    Path file() {
        return file;
    }

    /** Number of data records read so far. */
    long records() {
        return record;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    List<String> next() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            List<String> rec = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new InputException(file + ": unterminated quoted field in record " + (record + 1));
                    }
                    break;
                }
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int d = in.read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    rec.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    break;
                } else if (c != '\r') {
                    cell.append((char) c);
                }
                c = in.read();
            }
            rec.add(cell.toString());
            if (rec.size() == 1 && rec.get(0).trim().isEmpty()) {
                continue;
            }
            if (header != null) {
                record++;
            }
            return rec;
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read error already reported is the one that matters
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
