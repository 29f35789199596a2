package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.plate.ExamplePlates;
import org.ihcblotquant.testutil.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code ihcq demo} makes the synthetic study (once per checkout) and
 * runs {@code ihcq study} on it. Checked against the truth the images were made from, against
 * commons-math's Welch t-test, by a second run (identical tables, nothing re-scored), and by
 * opening report.html in headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {
    private static final String[] MARKERS = {"p-STAT3", "MRP", "MDR-1", "IL-6"};

    private Path dir;
    private Path out;
    private Path demo;
    private CliRunner first;

    @BeforeAll
    void runDemo(@TempDir Path scratch) {
        dir = scratch;
        Path home = Paths.get("").toAbsolutePath();
        System.setProperty("ihcq.home", home.toString());
        demo = home.resolve("demo-study");
        out = dir.resolve("out");
        first = CliRunner.run("demo", "--out", out.toString(), "--quiet");
    }

    @Test
    void demoPrintsTheReportPathAndWritesEveryOutput() {
        assertEquals(0, first.code, first.toString());
        assertTrue(first.out.contains("report: " + out.resolve("report.html").toAbsolutePath()), first.out);
        for (String t : new String[] {"images", "patients", "study", "group-tests", "survival", "blot-STAT3-blot",
            "plate-CCK-8-viability", "plate-Caspase-3-7-activity"}) {
            assertTrue(Files.isRegularFile(out.resolve("tables/" + t + ".csv")), t);
        }
        assertTrue(Files.isRegularFile(out.resolve("stats/group-tests.json")));
        assertTrue(Files.isRegularFile(out.resolve("stats/survival.json")));
        for (String fig : new String[] {"bars-p-STAT3", "bars-MRP", "bars-MDR-1", "bars-IL-6", "km-OS-p-STAT3",
            "km-RFS-p-STAT3", "blot-STAT3-blot-relative", "plate-CCK-8-viability", "plate-Caspase-3-7-activity"}) {
            assertTrue(Files.isRegularFile(out.resolve("plots/" + fig + ".png")), fig);
            assertTrue(Files.isRegularFile(out.resolve("plots/" + fig + ".svg")), fig);
        }
        // the blank IL-6 field is listed, not scored
        assertTrue(first.out.contains("no tissue") && first.out.contains("P07_field3.png"), first.out);
    }

    @Test
    void studyTableHoldsEachPatientsPooledTrueStaining() {
        CsvTable study = CsvTable.read(out.resolve("tables/study.csv"));
        assertEquals(23, study.rowCount());
        int sensitive = 0;
        for (int r = 0; r < study.rowCount(); r++) {
            sensitive += study.get(r, study.column("response")).equals("sensitive") ? 1 : 0;
        }
        assertEquals(9, sensitive);
        // truth: DAB OD over true tissue, pooled over the patient's fields by tissue pixels
        CsvTable truth = CsvTable.read(demo.resolve("truth.csv"));
        Map<String, double[]> pooled = new HashMap<>();
        for (int r = 0; r < truth.rowCount(); r++) {
            String key = truth.get(r, truth.column("marker")) + "/" + truth.get(r, truth.column("patient"));
            double px = Double.parseDouble(truth.get(r, truth.column("tissue_px")));
            double[] acc = pooled.computeIfAbsent(key, k -> new double[2]);
            acc[0] += px * Double.parseDouble(truth.get(r, truth.column("dab_mean_od")));
            acc[1] += px;
        }
        for (int r = 0; r < study.rowCount(); r++) {
            String patient = study.get(r, 0);
            for (String m : MARKERS) {
                double[] acc = pooled.get(m + "/" + patient);
                double expected = acc[0] / acc[1];
                double measured = Double.parseDouble(study.get(r, study.column(m)));
                assertEquals(expected, measured, Math.max(0.01, 0.03 * expected), m + " " + patient);
            }
        }
    }

    @Test
    void groupTestsAreWelchTestsOfTheStudyTable() {
        CsvTable study = CsvTable.read(out.resolve("tables/study.csv"));
        CsvTable tests = CsvTable.read(out.resolve("tables/group-tests.csv"));
        assertEquals(MARKERS.length, tests.rowCount());
        for (int i = 0; i < MARKERS.length; i++) {
            assertEquals(MARKERS[i], tests.get(i, tests.column("marker")));
            DescriptiveStatistics s = new DescriptiveStatistics();
            DescriptiveStatistics res = new DescriptiveStatistics();
            for (int r = 0; r < study.rowCount(); r++) {
                double v = Double.parseDouble(study.get(r, study.column(MARKERS[i])));
                (study.get(r, study.column("response")).equals("sensitive") ? s : res).addValue(v);
            }
            double p = new TTest().tTest(s.getValues(), res.getValues());
            assertEquals(p, Double.parseDouble(tests.get(i, tests.column("p"))), 1e-9 * Math.max(p, 1e-12));
            assertEquals(s.getMean(), Double.parseDouble(tests.get(i, tests.column("mean_sensitive"))), 1e-12);
            assertEquals(res.getStandardDeviation(),
                    Double.parseDouble(tests.get(i, tests.column("sd_resistant"))), 1e-12);
            // Holm over the four markers, from the raw p column (R: p.adjust(p, "holm"))
            assertEquals(holm(column(tests, "p"))[i], Double.parseDouble(tests.get(i, tests.column("p_adjusted"))),
                    1e-15);
            assertEquals("Holm", tests.get(i, tests.column("correction")));
            if (i < 3) {
                // p-STAT3, MRP and MDR-1 were made higher in resistant patients
                assertTrue(res.getMean() > s.getMean() && p < 0.01, MARKERS[i] + " p=" + p);
            }
        }
    }

    @Test
    void survivalSplitsPatientsAtTheFixedCut() {
        CsvTable study = CsvTable.read(out.resolve("tables/study.csv"));
        int high = 0;
        for (int r = 0; r < study.rowCount(); r++) {
            high += Double.parseDouble(study.get(r, study.column("p-STAT3"))) >= 0.5 ? 1 : 0;
        }
        CsvTable surv = CsvTable.read(out.resolve("tables/survival.csv"));
        assertEquals(4, surv.rowCount());
        for (int r = 0; r < surv.rowCount(); r++) {
            String group = surv.get(r, surv.column("group"));
            assertEquals(group.equals("high") ? high : 23 - high, Integer.parseInt(surv.get(r, surv.column("n"))));
            assertEquals("value", surv.get(r, surv.column("cut_mode")));
            assertEquals("0.5", surv.get(r, surv.column("cut")));
        }
        assertTrue(high > 0 && high < 23);
    }

    @Test
    void blotRelativeValuesFollowTheTrueBandVolumes() {
        CsvTable blot = CsvTable.read(out.resolve("tables/blot-STAT3-blot.csv"));
        CsvTable truth = CsvTable.read(demo.resolve("blot-truth.csv"));
        for (int t = 0; t < truth.rowCount(); t++) {
            String protein = truth.get(t, truth.column("protein"));
            String lane = truth.get(t, truth.column("lane"));
            for (int r = 0; r < blot.rowCount(); r++) {
                if (blot.get(r, blot.column("protein")).equals(protein) && blot.get(r, blot.column("lane")).equals(lane)) {
                    double expected = Double.parseDouble(truth.get(t, truth.column("relative")));
                    assertEquals(expected, Double.parseDouble(blot.get(r, blot.column("relative"))), 0.1 * expected,
                            protein + " lane " + lane);
                }
            }
        }
    }

    @Test
    void plateAssaysRecoverTheTrueViabilityAndCaspaseActivity() {
        check("plate-CCK-8-viability", ExamplePlates.TRUE_VIABILITY, 8.0, 0);
        check("plate-Caspase-3-7-activity", ExamplePlates.TRUE_CASPASE_FOLD, 0, 0.15);
        assertTrue(first.out.contains("OVRFLW"), "the saturated luminescence well is a warning");
    }

    /** Every treated condition's mean within {@code abs} (or {@code rel} of the truth) of the value it was made from. */
    private void check(String table, double[] truth, double abs, double rel) {
        CsvTable t = CsvTable.read(out.resolve("tables/" + table + ".csv"));
        List<String> conditions = java.util.Arrays.asList(ExamplePlates.CONDITIONS);
        int treated = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!t.get(r, t.column("role")).equals("treatment")) {
                continue;
            }
            double expected = truth[conditions.indexOf(t.get(r, t.column("condition")))];
            assertEquals(expected, Double.parseDouble(t.get(r, t.column("mean"))), Math.max(abs, rel * expected),
                    table + " " + t.get(r, t.column("condition")));
            treated++;
        }
        assertEquals(7, treated);
    }

    @Test
    void secondRunReusesEveryImageAndWritesIdenticalTables() throws IOException {
        assertEquals(0, first.code, first.toString());
        Map<String, byte[]> before = tables();
        CliRunner again = CliRunner.run("demo", "--out", out.toString(), "--quiet");
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains("185 images (185 reused, 1 not scored)"), again.out);
        Map<String, byte[]> after = tables();
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f);
        }
    }

    /** Holm's step-down adjustment written out from its definition. */
    private static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[p.length];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running = Math.max(running, Math.min(1, (p.length - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }

    private static double[] column(CsvTable t, String name) {
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) {
            v[r] = Double.parseDouble(t.get(r, t.column(name)));
        }
        return v;
    }

    private Map<String, byte[]> tables() throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.list(out.resolve("tables"))) {
            for (Path p : s.collect(Collectors.toList())) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void reportIsSelfContainedAndRendersEveryFigureInChromium() throws Exception {
        Path report = out.resolve("report.html");
        String html = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        // no network reference: every src is inline data, the only URL is the SVG namespace
        Matcher src = Pattern.compile("\\ssrc=\"([^\"]{0,30})").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/"), src.group(1));
            images++;
        }
        String text = html.replaceAll("data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "")
                .replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(text.matches("(?s).*(https?:|ftp:|=\"//|url[(]).*"), "network reference in report.html");
        int svgs = count(html, "<svg ");
        assertEquals(9, svgs, "4 group charts, 2 Kaplan-Meier, 1 blot chart, 2 plate charts");
        assertEquals(185 + 1, images, "185 QC pictures and the blot overlay");
        assertTrue(html.contains("Warnings") && html.contains("P07_field3.png") && html.contains("IHC Blot Quant "));

        assumeTrue(HeadlessChromium.available(), "chromium not installed (listed in .ci/debian-packages)");
        // the page itself has no script (its policy forbids them); a copy gets one that counts what rendered
        String check = html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
                .replace("</body>", "<script>window.addEventListener('load', function () {"
                        + "var svg = 0, img = 0, badImg = 0;"
                        + "document.querySelectorAll('svg').forEach(function (s) { var b = s.getBBox();"
                        + " if (b.width > 0 && b.height > 0) svg++; });"
                        + "document.querySelectorAll('img').forEach(function (i) {"
                        + " if (i.complete && i.naturalWidth > 0) img++; else badImg++; });"
                        + "var p = document.createElement('pre'); p.id = 'render-check';"
                        + "p.textContent = 'svg=' + svg + ' img=' + img + ' bad=' + badImg;"
                        + "document.body.appendChild(p); });</script></body>");
        Path copy = out.resolve("render-check.html");
        Files.write(copy, check.getBytes(StandardCharsets.UTF_8));
        HeadlessChromium.Result dom = HeadlessChromium.dumpDom(copy, dir);
        assertEquals(0, dom.exitCode, dom.toString());
        assertTrue(dom.stdout.contains("<pre id=\"render-check\">svg=" + svgs + " img=" + images + " bad=0</pre>"),
                dom.stdout.substring(Math.max(0, dom.stdout.length() - 400)));
        assertEquals(new ArrayList<String>(), dom.consoleLines(), "console messages of the check page");
        // the report as written: no console message at all (CSP violations, failed loads, errors)
        Path shot = Paths.get("target", "study-report.png");
        HeadlessChromium.Result r = HeadlessChromium.screenshot(report, shot, 1280, 2400, dir);
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(new ArrayList<String>(), r.consoleLines(), "console messages of report.html");
        assertTrue(Files.size(shot) > 50_000, "screenshot written");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }
}
