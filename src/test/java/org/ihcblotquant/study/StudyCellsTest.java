package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A marker scored cell by cell (mode: cells) in a study: its patient scores join the study table. */
class StudyCellsTest {

    @Test
    void cellMarkerScoresJoinTheStudyTableByPatient(@TempDir Path dir) throws Exception {
        Path study = SmallStudy.write(dir, "0.15");
        String yaml = new String(Files.readAllBytes(study), StandardCharsets.UTF_8).replace(
                "  - {name: B, images: img/B, score: h_score}\n",
                "  - {name: B, images: img/B, mode: cells, pixel-size: 2, score: positive_pct}\n");
        Files.write(study, yaml.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        new StudyJob().run(new StudyRequest(study, out, true, 2), ProgressListener.NONE);
        CsvTable patients = CsvTable.read(out.resolve("tables/cells-B-patients.csv"));
        CsvTable table = CsvTable.read(out.resolve("tables/study.csv"));
        assertEquals(SmallStudy.IDS.length, patients.rowCount());
        for (int r = 0; r < patients.rowCount(); r++) {
            String id = patients.get(r, patients.column("slide"));
            int row = -1;
            for (int k = 0; k < table.rowCount(); k++) {
                row = table.get(k, 0).equals(id) ? k : row;
            }
            assertTrue(row >= 0, id);
            String v = patients.get(r, patients.column("positive_pct"));
            if (v.isEmpty()) {
                // no nuclei found: no score, an empty cell (never 0)
                assertEquals("", table.get(row, table.column("B")), id);
            } else {
                assertEquals(Double.parseDouble(v), Double.parseDouble(table.get(row, table.column("B"))), 1e-12, id);
            }
        }
        assertTrue(CsvTable.read(out.resolve("tables/cells-B-cells.csv")).rowCount() > 0, "one row per cell");
        byte[] before = Files.readAllBytes(out.resolve("tables/cells-B-cells.csv"));
        new StudyJob().run(new StudyRequest(study, out, true, 2), ProgressListener.NONE);
        assertArrayEquals(before, Files.readAllBytes(out.resolve("tables/cells-B-cells.csv")), "identical on re-run");
    }
}
