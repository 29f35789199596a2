package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {

    /** What CsvFormat writes, CsvRecords reads back cell for cell (the oracle is the table written). */
    @Test
    void readsBackWhatCsvFormatWritesIncludingQuotedCells(@TempDir Path dir) throws IOException {
        Table t = new Table("image", "status", "notes");
        t.addComment("tool: IHC Blot Quant");
        t.addComment("thresholds: weak >= 0.2, moderate >= 0.4");
        t.addRow("a,b.png", "error: x \"quoted\", y", "line one\nline two");
        t.addRow("#hash.png", " padded ", "");
        t.addRow("plain.png", "ok", 1.5);
        Path f = dir.resolve("t.csv");
        CsvFormat.write(t, f);
        try (CsvRecords r = new CsvRecords(f)) {
            assertEquals("IHC Blot Quant", r.comments().get("tool"));
            assertEquals("weak >= 0.2, moderate >= 0.4", r.comments().get("thresholds"));
            assertEquals(Arrays.asList("image", "status", "notes"), r.header());
            assertEquals(Arrays.asList("a,b.png", "error: x \"quoted\", y", "line one\nline two"), r.next());
            assertEquals(Arrays.asList("#hash.png", " padded ", ""), r.next());
            assertEquals(Arrays.asList("plain.png", "ok", "1.5"), r.next());
            assertNull(r.next());
            assertEquals(3, r.records());
        }
        CsvTable whole = CsvTable.read(f);
        assertEquals(3, whole.rowCount(), "the in-memory reader agrees");
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.csv");
        Files.write(f, "\uFEFF# version: 1\r\na,b\r\n1,\"x\r\ny\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        try (CsvRecords r = new CsvRecords(f)) {
            assertEquals("1", r.comments().get("version"));
            assertEquals(Arrays.asList("a", "b"), r.header());
            assertEquals(Arrays.asList("1", "x\r\ny"), r.next());
            assertNull(r.next());
        }
    }

    @Test
    void emptyFilesAndOpenQuotesAreNamed(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, "# only: comments\n".getBytes(StandardCharsets.UTF_8));
        InputException e = assertThrows(InputException.class, () -> new CsvRecords(empty));
        assertEquals(empty + ": empty table (no header row)", e.getMessage());
        Path open = dir.resolve("open.csv");
        Files.write(open, "a,b\n1,\"never closed\n".getBytes(StandardCharsets.UTF_8));
        try (CsvRecords r = new CsvRecords(open)) {
            e = assertThrows(InputException.class, r::next);
            assertEquals(open + ": unterminated quoted field in record 1", e.getMessage());
        }
    }
}
