package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.study.SmallStudy;
import org.ihcblotquant.study.StudyJob;
import org.ihcblotquant.study.StudyRequest;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.ihcblotquant.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a real ImageJ: {@code examples/batch-score.ijm} scores a folder through the IHC Score menu
 * command (and a folder holding a whole slide through IHC Score Slide), and "Run Study" runs a study file from a macro, writing the same study table as
 * {@code ihcq study}; a bad study file is reported (Log and standard error), not hung on.
 */
class StudyMacroTest {

    @Test
    void batchScoreMacroAndRunStudyWorkInImageJ(@TempDir Path dir) throws Exception {
        Path study = SmallStudy.write(dir, "0.15");
        Path example = Paths.get("examples", "batch-score.ijm").toAbsolutePath();
        // a folder with a whole slide (a public OME-TIFF, linked, not copied) beside a field
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.createSymbolicLink(mixed.resolve("OS2_slide.ome.tif"),
                SharedData.testImage("ihc/openslide_OS-2-ndpi_Ki67.ome.tif").toAbsolutePath());
        Files.copy(dir.resolve("img/A/S1_f1.png"), mixed.resolve("S1_f1.png"));
        String d = FijiMacroRunner.macroPath(dir);
        String macro = ""
                + "runMacro(\"" + FijiMacroRunner.macroPath(example) + "\", \"input=[" + d + "/img/A] output=[" + d
                + "/batch] marker=A\");\n"
                + "runMacro(\"" + FijiMacroRunner.macroPath(example) + "\", \"input=[" + d + "/mixed] output=[" + d
                + "/batch-mixed] marker=Ki67 pixel=2\");\n"
                + "run(\"Run Study\", \"study=[" + FijiMacroRunner.macroPath(study) + "] output=[" + d
                + "/fiji-out] reuse threads=2\");\n"
                + "run(\"Run Study\", \"study=[" + d + "/missing.yaml] output=[" + d + "/none] reuse threads=0\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 240);

        Path scores = dir.resolve("batch/batch-scores.csv");
        assertTrue(Files.exists(scores), r.toString());
        CsvTable t = CsvTable.read(scores);
        assertEquals(SmallStudy.IDS.length, t.rowCount(), r.toString());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals("ok", t.get(i, t.column("status")));
            assertEquals("A", t.get(i, t.column("marker")));
            names.add(t.get(i, t.column("image")));
        }
        for (String id : SmallStudy.IDS) {
            assertTrue(names.contains(id + "_f1.png"), names.toString());
        }

        CsvTable m = CsvTable.read(dir.resolve("batch-mixed/batch-scores.csv"));
        assertEquals(2, m.rowCount(), r.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals("ok", m.get(i, m.column("status")), r.toString());
        }
        assertEquals("OS2_slide.ome.tif", m.get(0, m.column("image")));
        assertTrue(!m.get(0, m.column("level")).isEmpty(), "the slide row says which level was scored");

        Path report = dir.resolve("fiji-out/report.html");
        assertTrue(Files.exists(report), r.toString());
        assertTrue(r.stdout.contains("Run Study: 12 images (0 reused, 0 not scored); report " + report),
                r.toString());
        // the menu command and the command line run the same job: the same study table
        new StudyJob().run(new StudyRequest(study, dir.resolve("cli-out"), false, 1), ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(dir.resolve("cli-out/tables/study.csv")),
                Files.readAllBytes(dir.resolve("fiji-out/tables/study.csv")));
        assertTrue(r.stderr.contains("Run Study: ") && r.stderr.contains("missing.yaml: study file not found"),
                r.toString());
    }
}
