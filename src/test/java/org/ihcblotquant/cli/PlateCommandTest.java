package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.plate.ExamplePlates;
import org.ihcblotquant.stats.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq plate} on the example plate of the README: the committed files are what the
 * project's generator makes, the numbers follow from the readings by the formulas (computed
 * here from the raw file), the JSON has the keys the issue names, and bad input fails clearly.
 */
class PlateCommandTest {
    static final Path READS = Paths.get("test-images/plates/saos2-reads.csv");
    static final Path LAYOUT = Paths.get("test-images/plates/saos2-layout.csv");

    @Test
    void exampleFilesAreTheGeneratorsOutput() throws Exception {
        assertEquals(ExamplePlates.readsText(), new String(Files.readAllBytes(READS), StandardCharsets.UTF_8));
        assertEquals(ExamplePlates.layoutText(), new String(Files.readAllBytes(LAYOUT), StandardCharsets.UTF_8));
    }

    /** Rows B-D of one condition's column in grid number {@code grid} (0-based) of the reads file, as text. */
    static String[] column(int grid, int col) throws Exception {
        List<String> lines = Files.readAllLines(READS, StandardCharsets.UTF_8);
        int seen = -1;
        String[] out = new String[3];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(",1,2,3")) {
                seen++;
                if (seen == grid) {
                    for (int r = 0; r < 3; r++) {
                        out[r] = lines.get(i + 2 + r).split(",", -1)[col];
                    }
                }
            }
        }
        return out;
    }

    static double mean(String[] v) {
        double s = 0;
        int n = 0;
        for (String x : v) {
            if (!x.equals("OVRFLW")) {
                s += Double.parseDouble(x);
                n++;
            }
        }
        return s / n;
    }

    @SuppressWarnings("unchecked")
    @Test
    void cck8PlateAsPercentOfControlWithJsonCsvAndPlot(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("cck8.json");
        Path csv = dir.resolve("cck8.csv");
        Path wells = dir.resolve("wells.csv");
        Path png = dir.resolve("cck8.png");
        CliRunner r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--plate", "1",
                "--blank", "Blank", "--control", "Control", "--normalise", "percent-of-control", "--out", csv.toString(),
                "--wells", wells.toString(), "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.code, r.toString());
        Map<String, Object> m = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(json), StandardCharsets.UTF_8));
        for (String key : new String[] {"conditions", "anova", "dunnett", "tukey", "provenance"}) {
            assertTrue(m.containsKey(key), key);
        }
        double blank = mean(column(0, 2));
        double control = mean(column(0, 3)) - blank;
        List<Object> conditions = (List<Object>) m.get("conditions");
        Map<String, Object> dox1 = null;
        for (Object o : conditions) {
            Map<String, Object> c = (Map<String, Object>) o;
            for (String k : new String[] {"condition", "dose", "n", "mean", "sd", "sem", "mean_raw", "sd_raw"}) {
                assertTrue(c.containsKey(k), k);
            }
            if (c.get("condition").equals("Dox 1 uM")) {
                dox1 = c;
            }
        }
        // layout column 6 holds Dox 1 uM
        assertEquals(100 * (mean(column(0, 6)) - blank) / control, (Double) dox1.get("mean"), 1e-9);
        assertEquals(1.0, (Double) dox1.get("dose"), 0);
        // dose order: the IL-6 doses come 10, 50, 100 although the layout has 100 first
        assertEquals("Dox + IL-6 10 ng/mL", ((Map<String, Object>) conditions.get(5)).get("condition"));
        assertEquals("Dox + IL-6 100 ng/mL", ((Map<String, Object>) conditions.get(7)).get("condition"));
        Map<String, Object> anova = (Map<String, Object>) m.get("anova");
        for (String k : new String[] {"F", "df_between", "df_within", "p"}) {
            assertTrue(anova.containsKey(k), k);
        }
        assertEquals(7.0, (Double) anova.get("df_between"), 0);
        assertEquals(16.0, (Double) anova.get("df_within"), 0);
        List<Object> dunnett = (List<Object>) m.get("dunnett");
        assertEquals(7, dunnett.size());
        for (Object o : dunnett) {
            Map<String, Object> d = (Map<String, Object>) o;
            for (String k : new String[] {"condition", "vs", "difference", "ci_low", "ci_high", "p"}) {
                assertTrue(d.containsKey(k), k);
            }
            assertEquals("Control", d.get("vs"));
        }
        assertEquals(28, ((List<Object>) ((Map<String, Object>) m.get("tukey")).get("rows")).size());
        CsvTable t = CsvTable.read(csv);
        assertEquals(9, t.rowCount());
        assertEquals("Blank", t.get(0, t.column("condition")));
        assertEquals(27, CsvTable.read(wells).rowCount());
        assertTrue(Files.size(png) > 10_000);
        assertTrue(r.out.contains("Dunnett vs Control"), r.out);
    }

    @SuppressWarnings("unchecked")
    @Test
    void caspasePlateWithOverflowAsFoldAndBothPlates(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--plate", "2",
                "--blank", "Blank", "--control", "Control", "--normalise", "fold", "--json", "-");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.err.contains("C6") && r.err.contains("OVRFLW") && r.err.contains(READS.toString()), r.err);
        Map<String, Object> m = (Map<String, Object>) Json.parse(r.out);
        for (Object o : (List<Object>) m.get("conditions")) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (c.get("condition").equals("Dox 1 uM")) {
                assertEquals(2.0, (Double) c.get("n"), 0);
                double blank = mean(column(1, 2));
                double control = mean(column(1, 3)) - blank;
                assertEquals((mean(column(1, 6)) - blank) / control, (Double) c.get("mean"), 1e-12);
            }
        }
        // both plates: a 'plates' list, one plot per plate
        Path png = dir.resolve("both.png");
        CliRunner both = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--blank", "Blank",
                "--control", "Control", "--json", "-", "--plot", png.toString());
        assertEquals(0, both.code, both.toString());
        assertTrue(Files.exists(dir.resolve("both_plate1.png")) && Files.exists(dir.resolve("both_plate2.png")));
    }

    @Test
    void excludedWellIsLeftOutAndMarked(@TempDir Path dir) throws Exception {
        Path wells = dir.resolve("wells.csv");
        Path csv = dir.resolve("conditions.csv");
        CliRunner r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--plate", "2",
                "--blank", "Blank", "--control", "Control", "--normalise", "fold", "--exclude", "2:B9",
                "--wells", wells.toString(), "--out", csv.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable w = CsvTable.read(wells);
        boolean seen = false;
        for (int i = 0; i < w.rowCount(); i++) {
            if (w.get(i, w.column("well")).equals("B9")) {
                assertEquals("no", w.get(i, w.column("used")));
                assertTrue(w.get(i, w.column("flags")).contains("excluded"));
                seen = true;
            }
        }
        assertTrue(seen);
        CsvTable c = CsvTable.read(csv);
        for (int i = 0; i < c.rowCount(); i++) {
            if (c.get(i, c.column("condition")).equals("Dox + IL-6 50 ng/mL")) {
                assertEquals("2", c.get(i, c.column("n")));
                // the mean of the two remaining wells (C9, D9), from the raw readings
                double blank = mean(column(1, 2));
                double control = mean(column(1, 3)) - blank;
                String[] col = column(1, 9);
                double want = ((Double.parseDouble(col[1]) + Double.parseDouble(col[2])) / 2 - blank) / control;
                assertEquals(want, Double.parseDouble(c.get(i, c.column("mean"))), 1e-12);
            }
        }
    }

    @Test
    void badInput(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--blank", "Blank",
                "--control", "DMSO");
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("--control") && r.err.contains("'DMSO'") && r.err.contains("Dox 1 uM"), r.err);
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, ExamplePlates.readsText().replace("0.817", "n/a?").getBytes(StandardCharsets.UTF_8));
        r = CliRunner.run("plate", bad.toString(), "--layout", LAYOUT.toString(), "--blank", "Blank", "--control",
                "Control");
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("bad.csv plate 1 well B5") && r.err.contains("'n/a?'"), r.err);
        // swapped blank and control
        r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--blank", "Control", "--control",
                "Blank", "--plate", "1");
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("blank") && r.err.contains("swapped"), r.err);
        r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--blank", "Blank", "--control",
                "Control", "--normalise", "ratio");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("--normalise"), r.err);
        // never over an input
        r = CliRunner.run("plate", READS.toString(), "--layout", LAYOUT.toString(), "--blank", "Blank", "--control",
                "Control", "--out", LAYOUT.toString());
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("--out") && r.err.contains("input"), r.err);
        assertFalse(new String(Files.readAllBytes(LAYOUT), StandardCharsets.UTF_8).contains("p_vs_control"));
    }
}
