package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.job.FieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study runner on a small synthetic study: early, precise errors for bad study files, the
 * content-hash cache (renamed file reused, changed file re-scored), parallel runs equal to serial
 * ones, and the warnings the report must carry.
 */
class StudyJobTest {
    static StudyOutcome run(Path study, Path out, boolean resume, int threads) {
        return new StudyJob().run(new StudyRequest(study, out, resume, threads), ProgressListener.NONE);
    }

    private static String message(Path study, String yaml) throws IOException {
        Files.write(study, yaml.getBytes(StandardCharsets.UTF_8));
        return assertThrows(InputException.class, () -> run(study, study.resolveSibling("out"), true, 1))
                .getMessage();
    }

    @Test
    void badStudyFilesStopBeforeAnyWorkWithWhatToFix(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        String base = new String(Files.readAllBytes(study), StandardCharsets.UTF_8);
        String m = message(study, base.replace("images: img/B", "images: img/missing"));
        assertTrue(m.contains("marker 'B'") && m.contains("img/missing") && m.contains("not found"), m);
        Files.createDirectories(dir.resolve("img/empty"));
        m = message(study, base.replace("images: img/B", "images: img/empty"));
        assertTrue(m.contains("marker 'B'") && m.contains("contains no images"), m);
        m = message(study, base.replace("time: os,", "time: os_months,"));
        assertTrue(m.contains("clinical.csv") && m.contains("no column os_months") && m.contains("id, response, os, dead"),
                m);
        m = message(study, base.replace("'^([SR]\\d)_'", "'^(P\\d+)_'"));
        assertTrue(m.contains("no image id matches a patient") && m.contains("S1_f1") && m.contains("id-pattern"), m);
        m = message(study, base.replace("images: img/A,", "folder: img/A,"));
        assertTrue(m.contains("markers[1]") && m.contains("unknown key 'folder'"), m);
        m = message(study, base.replace("score: dab_mean_od", "score: dab_mean_od, thresholds: [0.5, 0.4, 0.6]"));
        assertTrue(m.contains("markers[1].thresholds") && m.contains("must increase"), m);
        m = message(study, base.replace("marker: A, cut", "marker: C, cut"));
        assertTrue(m.contains("tests.survival[1].marker") && m.contains("'C' is not a marker"), m);
        m = message(study, base.replace("levels: [sensitive, resistant]", "levels: [sensitive, refractory]"));
        assertTrue(m.contains("group 'refractory'") && m.contains("column 'response'"), m);
        m = message(study, base.replace("cut: 0.15", "cut: sometimes"));
        assertTrue(m.contains("tests.survival[1].cut") && m.contains("not median, tertiles, optimal or a number"), m);
        String plate = "plates:\n  - {name: P, reads: r.csv, layout: l.csv, blank: Blank, control: Control}\n";
        m = message(study, base + plate);
        assertTrue(m.contains("plate 'P'") && m.contains("r.csv not found"), m);
        m = message(study, base + plate.replace("control: Control", "control: Control, normalise: log"));
        assertTrue(m.contains("plates[1].normalise") && m.contains("percent-of-control"), m);
        m = message(study, base + "  bad: [unclosed\n");
        assertTrue(m.contains("study.yaml") && m.contains("YAML"), m);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written before the checks pass");
        // output inside an input folder: a request field, rendered by the CLI as --out
        Files.write(study, base.getBytes(StandardCharsets.UTF_8));
        FieldException f = assertThrows(FieldException.class, () -> run(study, dir.resolve("img/A/out"), true, 1));
        assertEquals("out", f.field());
        CliRunner cli = CliRunner.run("study", study.toString(), "--out", dir.resolve("img/A/out").toString());
        assertEquals(2, cli.code, cli.toString());
        assertTrue(cli.err.contains("--out: "), cli.err);
        cli = CliRunner.run("study", dir.resolve("nope.yaml").toString());
        assertEquals(1, cli.code);
        assertTrue(cli.err.contains("nope.yaml: study file not found"), cli.err);
    }

    @Test
    void resumeKeepsResultsByFileContent(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        Path out = dir.resolve("out");
        StudyOutcome first = run(study, out, true, 2);
        assertEquals(12, first.images());
        assertEquals(0, first.reused());
        byte[] patients = Files.readAllBytes(out.resolve("tables/patients.csv"));
        // renamed: not scored again, listed under its new name with the same numbers
        Files.move(dir.resolve("img/A/S2_f1.png"), dir.resolve("img/A/S2_field-renamed.png"));
        StudyOutcome second = run(study, out, true, 2);
        assertEquals(12, second.reused());
        CsvTable images = CsvTable.read(out.resolve("tables/images.csv"));
        List<String> names = column(images, "image");
        assertTrue(names.contains("S2_field-renamed.png"));
        assertEquals(1, names.stream().filter("S2_f1.png"::equals).count(), "only marker B's S2_f1.png is left");
        assertArrayEquals(patients, Files.readAllBytes(out.resolve("tables/patients.csv")));
        // changed content: scored again
        SyntheticIhc.Sample other = new SyntheticIhc().size(120, 90).tissueCover(0.6).seed(999).generate();
        ImageIO.write(other.image.getBufferedImage(), "png", dir.resolve("img/B/R3_f1.png").toFile());
        StudyOutcome third = run(study, out, true, 2);
        assertEquals(11, third.reused());
        // without resume every image is scored, and gives the same tables
        byte[] study1 = Files.readAllBytes(out.resolve("tables/study.csv"));
        StudyOutcome fresh = run(study, out, false, 1);
        assertEquals(0, fresh.reused());
        assertArrayEquals(study1, Files.readAllBytes(out.resolve("tables/study.csv")));
    }

    @Test
    void interruptedRunResumesWithoutRedoingFinishedImages(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        Path out = dir.resolve("out");
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        ProgressListener stopAfterFive = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                if (message != null && message.startsWith("images ")) {
                    seen.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= 5;
            }
        };
        assertThrows(org.ihcblotquant.core.CancelledException.class,
                () -> new StudyJob().run(new StudyRequest(study, out, true, 1), stopAfterFive));
        assertFalse(Files.exists(out.resolve("report.html")), "no report from an interrupted run");
        StudyOutcome resumed = run(study, out, true, 1);
        assertTrue(resumed.reused() >= 5 && resumed.reused() < 12, "reused " + resumed.reused());
        run(study, dir.resolve("fresh"), false, 1);
        assertArrayEquals(Files.readAllBytes(dir.resolve("fresh/tables/study.csv")),
                Files.readAllBytes(out.resolve("tables/study.csv")));
    }

    @Test
    void parallelRunWritesTheSameTablesAsOneThread(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        run(study, dir.resolve("one"), false, 1);
        run(study, dir.resolve("three"), false, 3);
        for (String t : new String[] {"images", "patients", "study", "group-tests", "survival"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one/tables/" + t + ".csv")),
                    Files.readAllBytes(dir.resolve("three/tables/" + t + ".csv")), t);
        }
    }

    @Test
    void patientScorePoolsTheTissuePixelsOfTheFieldsAndJoinsTheSheet(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        // a second field for S1 of marker A: the patient's score pools the pixels of both
        SyntheticIhc.Sample s = new SyntheticIhc().size(120, 90).tissueCover(0.3).seed(77).generate();
        ImageIO.write(s.image.getBufferedImage(), "png", dir.resolve("img/A/S1_f2.png").toFile());
        Path out = dir.resolve("out");
        run(study, out, true, 2);
        CsvTable images = CsvTable.read(out.resolve("tables/images.csv"));
        double sum = 0;
        double px = 0;
        for (int r = 0; r < images.rowCount(); r++) {
            if (images.get(r, images.column("marker")).equals("A") && images.get(r, images.column("patient")).equals("S1")) {
                double t = Double.parseDouble(images.get(r, images.column("tissue_px")));
                sum += t * Double.parseDouble(images.get(r, images.column("dab_mean_od")));
                px += t;
            }
        }
        CsvTable table = CsvTable.read(out.resolve("tables/study.csv"));
        assertEquals(6, table.rowCount());
        assertEquals("S1", table.get(0, 0));
        assertEquals("sensitive", table.get(0, table.column("response")));
        assertEquals(sum / px, Double.parseDouble(table.get(0, table.column("A"))), 1e-12);
        CsvTable patients = CsvTable.read(out.resolve("tables/patients.csv"));
        int s1 = column(patients, "patient").indexOf("S1");
        assertEquals("A", patients.get(s1, patients.column("marker")));
        assertEquals(2, Integer.parseInt(patients.get(s1, patients.column("images"))));
    }

    @Test
    void reportCarriesTheWarningsAndAnEmptyCutGroupIsNoComparison(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "5");
        String yaml = new String(Files.readAllBytes(study), StandardCharsets.UTF_8).replace("id-pattern: '^([SR]\\d)_'\n",
                "id-pattern: '^([SR]\\d)_f1'\n");
        Files.write(study, yaml.getBytes(StandardCharsets.UTF_8));
        // a field whose name the pattern does not match, a patient not in the sheet, a blank field
        SyntheticIhc.Sample s = new SyntheticIhc().size(120, 90).tissueCover(0.5).seed(3).generate();
        ImageIO.write(s.image.getBufferedImage(), "png", dir.resolve("img/A/S1-extra.png").toFile());
        ImageIO.write(s.image.getBufferedImage(), "png", dir.resolve("img/A/X9_f1.png").toFile());
        SyntheticIhc.Sample blank = new SyntheticIhc().size(120, 90).tissueCover(0).seed(4).generate();
        ImageIO.write(blank.image.getBufferedImage(), "png", dir.resolve("img/B/R2_f1.png").toFile());
        Path out = dir.resolve("out");
        StudyOutcome o = run(study, out, true, 2);
        String all = String.join("\n", o.warnings());
        assertTrue(all.contains("fields counted as patients") && all.contains("S1-extra.png"), all);
        assertTrue(all.contains("not in the clinical sheet") && all.contains("X9"), all);
        assertTrue(all.contains("no tissue") && all.contains("R2_f1.png"), all);
        assertTrue(all.toLowerCase(Locale.ROOT).contains("cut-off 5") && all.contains("leaves group 'high' empty"), all);
        assertFalse(Files.exists(out.resolve("plots/km-OS-A.png")), "no one-curve comparison");
        String html = new String(Files.readAllBytes(o.report()), StandardCharsets.UTF_8);
        for (String w : o.warnings()) {
            assertTrue(html.contains(ReportWriter.esc(w)), w);
        }
        assertEquals(1, o.failed());
        // the same cut through the statistics command line is an error, not a one-group result
        CliRunner cli = CliRunner.run("stats", "survival", "--table", out.resolve("tables/study.csv").toString(),
                "--time", "os", "--event", "dead", "--score", "A", "--cut", "5");
        assertEquals(1, cli.code, cli.toString());
        assertTrue(cli.err.contains("leaves group 'high' empty") && cli.err.contains("scores range"), cli.err);
    }

    @Test
    void dataChosenCutIsLabelledWithItsAdjustedP(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "optimal");
        Path out = dir.resolve("out");
        StudyOutcome o = run(study, out, true, 2);
        CsvTable surv = CsvTable.read(out.resolve("tables/survival.csv"));
        for (int r = 0; r < surv.rowCount(); r++) {
            assertEquals("optimal (data-chosen)", surv.get(r, surv.column("cut_mode")));
            double pAdj = Double.parseDouble(surv.get(r, surv.column("cut_p_adjusted")));
            double p = Double.parseDouble(surv.get(r, surv.column("logrank_p")));
            assertTrue(pAdj >= p, "the adjusted p of a maximally selected cut is never below the naive p");
        }
        String html = new String(Files.readAllBytes(o.report()), StandardCharsets.UTF_8);
        assertTrue(html.contains("DATA-CHOSEN") && html.contains("Lausen-Schumacher adjusted p"), "labelled");
    }

    private static List<String> column(CsvTable t, String name) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            out.add(t.get(r, t.column(name)));
        }
        return out;
    }
}
