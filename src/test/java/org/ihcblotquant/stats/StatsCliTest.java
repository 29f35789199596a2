package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.ihcblotquant.cli.Main;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ihcq stats ...} end to end: temp CSVs in, --json read back with our reader, plots, errors. */
class StatsCliTest {

    /** Exit code, stdout and stderr of one run. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, "UTF-8"), new PrintStream(e, true, "UTF-8"));
        return new Run(code, new String(o.toByteArray(), StandardCharsets.UTF_8),
                new String(e.toByteArray(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path p) throws Exception {
        return (Map<String, Object>) Json.parse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void ttestWelchStudentPairedAndWilcoxonMatchR(@TempDir Path dir) throws Exception {
        Path csv = ReferenceData.writeCsv("sleep", dir.resolve("sleep.csv"));
        Path j = dir.resolve("welch.json");
        Run r = run("stats", "ttest", "--table", csv.toString(), "--value", "extra", "--group", "group", "--json",
                j.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("Welch two-sample t-test") && r.out.contains("p = 0.07939"), r.out);
        Map<String, Object> m = json(j);
        for (String k : Arrays.asList("t", "df", "p", "ci_low", "ci_high", "mean_x", "mean_y", "sd_x", "sd_y", "sem_x",
                "sem_y", "n_x", "n_y")) {
            assertTrue(m.containsKey(k), "key " + k);
        }
        // R t.test(extra ~ group, data = sleep)
        assertEquals(-1.8608134674868526, num(m.get("t")), 1e-9);
        assertEquals(17.776473516178488, num(m.get("df")), 1e-9);
        assertEquals(0.0793941401873583, num(m.get("p")), 1e-12);
        assertEquals(-3.3654832307117104, num(m.get("ci_low")), 1e-9);
        assertEquals(0.20548323071171137, num(m.get("ci_high")), 1e-9);
        assertEquals(0.75, num(m.get("mean_x")), 1e-12);
        assertEquals(1.7890096577591623 / Math.sqrt(10), num(m.get("sem_x")), 1e-12);
        assertEquals(10.0, num(m.get("n_y")));
        Map<String, Object> prov = (Map<String, Object>) m.get("provenance");
        assertEquals("IHC Blot Quant", prov.get("tool"));
        assertTrue(((String) prov.get("input")).endsWith("sleep.csv"));
        assertEquals("Welch t-test", prov.get("test"));

        run("stats", "ttest", "--table", csv.toString(), "--value", "extra", "--group", "group", "--student",
                "--json", j.toString());
        assertEquals(0.07918671421593822, num(json(j).get("p")), 1e-12);
        assertEquals(18.0, num(json(j).get("df")));

        Run p = run("stats", "ttest", "--table", csv.toString(), "--value", "extra", "--group", "group",
                "--paired-by", "ID", "--json", j.toString());
        assertEquals(0, p.code, p.toString());
        assertEquals(-4.062127683382037, num(json(j).get("t")), 1e-9);
        assertEquals(0.002832890197384273, num(json(j).get("p")), 1e-12);
        assertEquals(-2.459885763276983, num(json(j).get("ci_low")), 1e-9);

        Run w = run("stats", "mannwhitney", "--table", csv.toString(), "--value", "extra", "--group", "group",
                "--json", j.toString());
        assertEquals(0, w.code, w.toString());
        assertEquals(25.5, num(json(j).get("W")));
        assertEquals(0.06932757543362658, num(json(j).get("p")), 1e-12);
        run("stats", "ttest", "--test", "wilcoxon", "--table", csv.toString(), "--value", "extra", "--group", "group",
                "--json", j.toString());
        assertEquals(25.5, num(json(j).get("W")));

        // --levels reverses x and y: the difference changes sign
        run("stats", "ttest", "--table", csv.toString(), "--value", "extra", "--group", "group", "--levels", "2,1",
                "--json", j.toString());
        assertEquals(1.8608134674868526, num(json(j).get("t")), 1e-9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anovaWithTukeyMatchesR(@TempDir Path dir) throws Exception {
        Path csv = ReferenceData.writeCsv("PlantGrowth", dir.resolve("pg.csv"));
        Path j = dir.resolve("a.json");
        Path out = dir.resolve("a.csv");
        Path png = dir.resolve("bars.png");
        Run r = run("stats", "anova", "--table", csv.toString(), "--value", "weight", "--group", "group", "--json",
                j.toString(), "--csv", out.toString(), "--plot", png.toString(), "--error", "sem");
        assertEquals(0, r.code, r.toString());
        Map<String, Object> m = json(j);
        assertEquals(4.846087862380138, num(m.get("F")), 1e-9);
        assertEquals(2.0, num(m.get("df_between")));
        assertEquals(27.0, num(m.get("df_within")));
        assertEquals(3.76634, num(m.get("ss_between")), 1e-9);
        assertEquals(10.49209, num(m.get("ss_within")), 1e-9);
        assertEquals(1.88317, num(m.get("ms_between")), 1e-9);
        assertEquals(0.38859592592592596, num(m.get("ms_within")), 1e-12);
        assertEquals(0.01590995832562288, num(m.get("p")), 1e-12);
        Map<String, Object> tukey = (Map<String, Object>) m.get("tukey");
        assertEquals(3.506426123354149, num(tukey.get("q_crit")), 1e-6);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) tukey.get("rows");
        assertEquals("trt1-ctrl", rows.get(0).get("pair"));
        assertEquals("trt2-trt1", rows.get(2).get("pair"));
        assertEquals(0.17378394859713842, num(rows.get(2).get("lwr")), 1e-6);
        assertEquals(0.012006423979493142, num(rows.get(2).get("p_adj")), 1e-7);
        // CSV with provenance comments; the descriptives next to it
        String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# tool: IHC Blot Quant"), text);
        assertTrue(text.contains("# test: One-way ANOVA + Tukey HSD"), text);
        CsvTable t = CsvTable.read(out);
        assertEquals("tukey", t.get(3, t.column("test")));
        CsvTable desc = CsvTable.read(dir.resolve("a_descriptives.csv"));
        assertEquals("5.526", desc.get(2, desc.column("mean")));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 800 && img.getHeight() >= 800, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    @SuppressWarnings("unchecked")
    void survivalMatchesRAndPlots(@TempDir Path dir) throws Exception {
        Path csv = ReferenceData.writeCsv("aml", dir.resolve("aml.csv"));
        Path j = dir.resolve("s.json");
        Path svg = dir.resolve("km.svg");
        Path png = dir.resolve("km.png");
        Path kmCsv = dir.resolve("km.csv");
        Run r = run("stats", "survival", "--table", csv.toString(), "--time", "time", "--event", "status", "--group",
                "x", "--at", "0,12,24,36,48", "--json", j.toString(), "--plot", svg.toString(), "--bands", "--csv",
                kmCsv.toString());
        assertEquals(0, r.code, r.toString());
        CsvTable kmTable = CsvTable.read(kmCsv);
        assertEquals(20, kmTable.rowCount());
        CsvTable summary = CsvTable.read(dir.resolve("km_summary.csv"));
        assertEquals("23.0", summary.get(1, summary.column("median")));
        assertEquals(2.4981053261722796, Double.parseDouble(summary.get(1, summary.column("hr_cox"))), 1e-12);
        Map<String, Object> m = json(j);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) m.get("groups");
        Map<String, Object> maint = groups.get(0);
        assertEquals("Maintained", maint.get("level"));
        assertEquals(11.0, num(maint.get("n")));
        assertEquals(7.0, num(maint.get("events")));
        assertEquals(31.0, num(maint.get("median")));
        assertEquals(18.0, num(maint.get("median_lower")));
        assertNull(maint.get("median_upper")); // not reached (R prints NA)
        assertTrue(maint.containsKey("median_upper"));
        List<Map<String, Object>> table = (List<Map<String, Object>>) maint.get("table");
        assertEquals(10, table.size());
        Map<String, Object> row = table.get(3); // t = 23
        assertEquals(23.0, num(row.get("time")));
        assertEquals(7.0, num(row.get("n_risk")));
        assertEquals(0.6136363636363635, num(row.get("surv")), 1e-12);
        assertEquals(0.152632331027312, num(row.get("std_err")), 1e-9);
        assertEquals(0.37686705950167976, num(row.get("lower")), 1e-9);
        assertEquals(0.9991576002284728, num(row.get("upper")), 1e-9);
        List<Map<String, Object>> atRisk = (List<Map<String, Object>>) maint.get("at_risk");
        assertEquals(5, atRisk.size());
        assertEquals(24.0, num(atRisk.get(2).get("time")));
        assertEquals(6.0, num(atRisk.get(2).get("n_risk"))); // times >= 24: 28 31 34 45 48 161
        // last Nonmaintained row: S = 0, std.err and CI are NA
        List<Map<String, Object>> non = (List<Map<String, Object>>) groups.get(1).get("table");
        assertNull(non.get(non.size() - 1).get("std_err"));
        Map<String, Object> lr = (Map<String, Object>) m.get("logrank");
        assertEquals(3.396388698977602, num(lr.get("chisq")), 1e-9);
        assertEquals(1.0, num(lr.get("df")));
        assertEquals(0.0653393220405049, num(lr.get("p")), 1e-12);
        assertEquals(10.689335992300723, num(((List<Object>) lr.get("expected")).get(0)), 1e-9);
        assertEquals(11.0, num(((List<Object>) lr.get("observed")).get(1)));
        Map<String, Object> hr = (Map<String, Object>) m.get("hazard_ratio");
        assertEquals("cox_efron", hr.get("method"));
        assertEquals("Maintained", hr.get("reference"));
        assertEquals(2.4981053261722796, num(hr.get("hr")), 1e-9);
        assertEquals(0.9159072574364517, num(hr.get("lower")), 1e-9);
        assertEquals(6.813495766063734, num(hr.get("upper")), 1e-9);
        Map<String, Object> oe = (Map<String, Object>) m.get("hazard_ratio_logrank");
        assertEquals("logrank_O/E", oe.get("method"));
        assertEquals(2.297674735182838, num(oe.get("hr")), 1e-9);
        List<Map<String, Object>> all = (List<Map<String, Object>>) m.get("hazard_ratios");
        assertEquals(Arrays.asList("cox_efron", "logrank_O/E", "peto", "mantel_haenszel"),
                Arrays.asList(all.get(0).get("method"), all.get(1).get("method"), all.get(2).get("method"),
                        all.get(3).get("method")));
        assertEquals(2.5107868776075843, num(all.get(2).get("hr")), 1e-9);
        assertEquals(2.567037868361017, num(all.get(3).get("hr")), 1e-9);
        // the SVG is well-formed XML with the legend text
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        String s = new String(Files.readAllBytes(svg), StandardCharsets.UTF_8);
        assertTrue(s.contains("Log-rank p = 0.06534") && s.contains("n = 11, events = 7"), "legend");
        assertTrue(s.contains("Number at risk"));
        // log-log intervals and a PNG
        Run ll = run("stats", "survival", "--table", csv.toString(), "--time", "time", "--event", "status", "--group",
                "x", "--conf-type", "log-log", "--json", j.toString(), "--plot", png.toString());
        assertEquals(0, ll.code, ll.toString());
        Map<String, Object> g1 = ((List<Map<String, Object>>) json(j).get("groups")).get(1);
        assertEquals(5.0, num(g1.get("median_lower")));
        assertEquals(33.0, num(g1.get("median_upper")));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 1000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void survivalByScoreCutWithAJoinedClinicalSheet(@TempDir Path dir) throws Exception {
        // scores from ihcq ihc, clinical sheet with OS; P6 has no clinical row, P7 no score
        Path scores = dir.resolve("scores.csv");
        Files.write(scores, ("# tool: IHC Blot Quant\nslide,pstat3\nP1,0.2\nP2,0.7\nP3,0.5\nP4,0.1\nP5,0.9\n"
                + "P6,0.3\n").getBytes(StandardCharsets.UTF_8));
        Path clinical = dir.resolve("clinical.csv");
        Files.write(clinical, ("slide;os_months;death\nP1;10;1\nP2;30;0\nP3;25;1\nP4;5;1\nP5;40;0\nP7;12;1\n")
                .getBytes(StandardCharsets.UTF_8));
        Path j = dir.resolve("cut.json");
        Run r = run("stats", "survival", "--table", scores.toString(), "--join", clinical.toString(), "--on", "slide",
                "--time", "os_months", "--event", "death", "--score", "pstat3", "--cut", "0.5", "--json", j.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.err.contains("P6") && r.err.contains("P7"), r.err);
        assertTrue(r.out.contains("low n = 2, high n = 3"), r.out);
        Map<String, Object> m = json(j);
        Map<String, Object> cut = (Map<String, Object>) m.get("cut");
        Map<String, Object> counts = (Map<String, Object>) cut.get("counts");
        assertEquals(2.0, num(counts.get("low")));
        assertEquals(3.0, num(counts.get("high")));
        Map<String, Object> join = (Map<String, Object>) m.get("join");
        assertEquals(5.0, num(join.get("matched")));
        assertEquals(Arrays.asList("P6"), join.get("only_in_table"));
        assertEquals(Arrays.asList("P7"), join.get("only_in_join"));
        // two join warnings, and the Cox estimate diverges: every low subject failed before any
        // high one was at risk alone, so the partial likelihood has no maximum; reported, not invented
        List<Object> warnings = (List<Object>) m.get("warnings");
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(2).toString().contains("not estimable"), warnings.toString());
        assertNull(((Map<String, Object>) m.get("hazard_ratio")).get("hr"));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) m.get("groups");
        assertEquals("low", groups.get(0).get("level"));
        // low: P4 (5, event), P1 (10, event) -> median 5 (S = 0.5 on [5, 10): midpoint 7.5)
        assertEquals(7.5, num(groups.get(0).get("median")));
    }

    @Test
    void singleCurveWithoutGroups(@TempDir Path dir) throws Exception {
        Path csv = ReferenceData.writeCsv("aml", dir.resolve("aml.csv"));
        Path j = dir.resolve("one.json");
        Run r = run("stats", "survival", "--table", csv.toString(), "--time", "time", "--event", "status", "--json",
                j.toString());
        assertEquals(0, r.code, r.toString());
        Map<String, Object> m = json(j);
        assertNull(m.get("logrank"));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = ((List<Map<String, Object>>) m.get("groups")).get(0);
        assertEquals(27.0, num(g.get("median"))); // R print(survfit(Surv(time, status) ~ 1, aml))
        assertEquals(45.0, num(g.get("median_upper")));
    }

    @Test
    void badInputAndUsageErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, "v,g,t,e\n1,a,5,1\n2,a,6,0\nx,b,7,1\n4,b,-1,2\n".getBytes(StandardCharsets.UTF_8));
        Run nonNumeric = run("stats", "ttest", "--table", csv.toString(), "--value", "v", "--group", "g");
        assertEquals(1, nonNumeric.code);
        assertTrue(nonNumeric.err.contains("row 3, column 'v': 'x' is not a number"), nonNumeric.err);
        Run negative = run("stats", "survival", "--table", csv.toString(), "--time", "t", "--event", "e");
        assertEquals(1, negative.code);
        assertTrue(negative.err.contains("row 4, column 't': negative time -1"), negative.err);
        Run missing = run("stats", "ttest", "--table", csv.toString(), "--group", "g");
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("--value is required"), missing.err);
        assertEquals(2, run("stats", "regress", "--table", csv.toString()).code);
        assertEquals(2, run("stats", "ttest", "--welch", "--student", "--table", csv.toString(), "--value", "v",
                "--group", "g").code);
        assertEquals(2, run("stats", "survival", "--table", csv.toString(), "--time", "t", "--event", "e",
                "--conf-type", "arcsin").code);
        Run noFile = run("stats", "anova", "--table", dir.resolve("nope.csv").toString(), "--value", "v", "--group",
                "g");
        assertEquals(1, noFile.code);
        assertTrue(noFile.err.contains("nope.csv: file not found"), noFile.err);
        Path one = dir.resolve("one.csv");
        Files.write(one, "v,g\n1,a\n2,a\n3,b\n".getBytes(StandardCharsets.UTF_8));
        Run n1 = run("stats", "ttest", "--table", one.toString(), "--value", "v", "--group", "g");
        assertEquals(1, n1.code);
        assertTrue(n1.err.contains("group 'b' has n = 1"), n1.err);
    }

    @Test
    void helpDocumentsEveryOption() throws Exception {
        Run h = run("stats", "--help");
        assertEquals(0, h.code);
        List<String> options = new ArrayList<>(Arrays.asList("--table", "--join", "--on", "--levels", "--conf-level",
                "--value", "--group", "--welch", "--student", "--paired-by", "--test", "--error", "--time", "--event",
                "--event-codes", "--score", "--cut", "--conf-type", "--at", "--bands", "--time-label", "--json",
                "--csv", "--plot", "--title"));
        for (String o : options) {
            assertTrue(h.out.contains(o + " "), "help mentions " + o);
        }
        for (String s : Arrays.asList("describe", "ttest", "mannwhitney", "anova", "survival")) {
            assertTrue(h.out.contains("  " + s + " "), s);
        }
        assertEquals(h.out, run("stats", "ttest", "--help").out);
        assertTrue(run("--help").out.contains("stats"));
    }

    @Test
    void describePrintsDescriptivesAndJsonToStdout(@TempDir Path dir) throws Exception {
        Path csv = ReferenceData.writeCsv("PlantGrowth", dir.resolve("pg.csv"));
        Run r = run("stats", "describe", "--table", csv.toString(), "--value", "weight", "--group", "group", "--json",
                "-");
        assertEquals(0, r.code, r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(r.out);
        @SuppressWarnings("unchecked")
        Map<String, Object> ctrl = ((List<Map<String, Object>>) m.get("descriptives")).get(0);
        assertEquals("ctrl", ctrl.get("level"));
        assertEquals(5.031999999999999, num(ctrl.get("mean")), 1e-12);
        assertEquals(0.5830913783924057, num(ctrl.get("sd")), 1e-12);
        assertEquals(5.155, num(ctrl.get("median")), 1e-12);
        assertEquals(4.17, num(ctrl.get("min")));
        assertEquals(6.11, num(ctrl.get("max")));
    }
}
