package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line side of issue 11: {@code ihcq stats cox} (JSON keys and values against R's
 * coxph), {@code stats adjust}, cut-point modes, the p-value family of several markers, the new
 * comparisons and decimal commas.
 */
class StatsIssue11CliTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void coxCommandGivesRsNumbersUnderTheIssuesKeys() throws Exception {
        Map<String, String> r = RFixtures.expected("cox-expected.csv").get("veteran_reference_large");
        Path json = dir.resolve("cox.json");
        Path plot = dir.resolve("forest.svg");
        StatsCliTest.Run run = StatsCliTest.run("stats", "cox", "--table", RFixtures.path("veteran.csv").toString(),
                "--time", "time", "--event", "status", "--covariates", "karno", "--factors", "celltype", "--reference",
                "celltype=large", "--strata", "prior", "--ties", "breslow", "--json", json.toString(), "--plot",
                plot.toString());
        assertEquals(0, run.code, run.toString());
        Map<String, Object> j = StatsCliTest.json(json);
        assertEquals(RFixtures.num(r.get("n")), StatsCliTest.num(j.get("n")), 0);
        assertEquals(RFixtures.num(r.get("events")), StatsCliTest.num(j.get("events")), 0);
        for (Object o : list(j.get("coefficients"))) {
            Map<String, Object> c = map(o);
            String term = (String) c.get("term");
            for (String k : new String[] {"coef", "se", "hr", "ci_low", "ci_high", "z", "p"}) {
                double want = RFixtures.num(r.get(k + "." + term));
                assertEquals(want, StatsCliTest.num(c.get(k)), 1e-6 * Math.max(1, Math.abs(want)), term + " " + k);
            }
        }
        assertEquals(4, list(j.get("coefficients")).size()); // karno + 3 celltype contrasts
        for (String[] t : new String[][] {{"lr_test", "lr"}, {"wald_test", "wald"}, {"score_test", "score"}}) {
            Map<String, Object> m = map(j.get(t[0]));
            assertEquals(RFixtures.num(r.get(t[1] + ".statistic")), StatsCliTest.num(m.get("statistic")), 1e-6);
            assertEquals(RFixtures.num(r.get(t[1] + ".df")), StatsCliTest.num(m.get("df")), 0);
            assertEquals(RFixtures.num(r.get(t[1] + ".p")), StatsCliTest.num(m.get("p")), 1e-6);
        }
        assertEquals(RFixtures.num(r.get("concordance")), StatsCliTest.num(j.get("concordance")), 1e-6);
        Map<String, Object> ph = map(j.get("proportional_hazards"));
        assertEquals(RFixtures.num(r.get("zph.chisq.GLOBAL")), StatsCliTest.num(map(ph.get("global")).get("statistic")),
                1e-6);
        for (Object o : list(ph.get("terms"))) {
            Map<String, Object> t = map(o);
            assertEquals(RFixtures.num(r.get("zph.chisq." + t.get("term"))), StatsCliTest.num(t.get("statistic")), 1e-6);
        }
        String svg = new String(Files.readAllBytes(plot), StandardCharsets.UTF_8);
        assertTrue(svg.contains("celltype: adeno vs large"), "forest plot labels the factor levels");
        // a bad option value is named as the CLI spells it
        StatsCliTest.Run bad = StatsCliTest.run("stats", "cox", "--table", RFixtures.path("veteran.csv").toString(),
                "--time", "time", "--event", "status", "--covariates", "karno", "--ties", "exact");
        assertEquals(2, bad.code, bad.toString());
        assertTrue(bad.err.contains("--ties: 'exact' is not efron or breslow"), bad.err);
    }

    @Test
    void adjustCommandAndMarkerFamily() throws Exception {
        Path json = dir.resolve("adj.json");
        StatsCliTest.Run run = StatsCliTest.run("stats", "adjust", "--p", "0.01,0.04,0.03,0.2", "--method", "holm",
                "--json", json.toString());
        assertEquals(0, run.code, run.toString());
        List<Object> rows = list(StatsCliTest.json(json).get("rows"));
        // Holm by hand: sorted 0.01, 0.03, 0.04, 0.2 -> 0.04, 0.09, max(0.09, 0.08), 0.2
        double[] want = {0.04, 0.09, 0.09, 0.2};
        for (int i = 0; i < 4; i++) {
            assertEquals(want[i], StatsCliTest.num(map(rows.get(i)).get("p_adj")), 1e-15);
        }
        // four markers between two groups: raw and Holm-adjusted p side by side
        Path t = dir.resolve("markers.csv");
        Files.write(t, ("group,m1,m2\nA,1,5\nA,2,6\nA,3,7\nA,4,8\nB,3,5.5\nB,4,6.1\nB,5,7.2\nB,6,8.3\n")
                .getBytes(StandardCharsets.UTF_8));
        Path fj = dir.resolve("fam.json");
        StatsCliTest.Run fam = StatsCliTest.run("stats", "ttest", "--table", t.toString(), "--value", "m1,m2",
                "--group", "group", "--adjust", "bonferroni", "--json", fj.toString());
        assertEquals(0, fam.code, fam.toString());
        Map<String, Object> f = StatsCliTest.json(fj);
        Map<String, Object> adj = map(f.get("adjusted"));
        assertEquals("bonferroni", adj.get("method"));
        for (Object o : list(adj.get("rows"))) {
            Map<String, Object> row = map(o);
            double p = StatsCliTest.num(row.get("p"));
            assertEquals(Math.min(1, 2 * p), StatsCliTest.num(row.get("p_adj")), 1e-15);
            double single = StatsCliTest.num(map(map(f.get("results")).get(row.get("value"))).get("p"));
            assertEquals(single, p, 0);
        }
    }

    @Test
    void survivalWithOptimalCutStrataTrendPairwiseRmst() throws Exception {
        Path json = dir.resolve("km.json");
        Path plot = dir.resolve("km.svg");
        StatsCliTest.Run run = StatsCliTest.run("stats", "survival", "--table", RFixtures.path("veteran.csv").toString(),
                "--time", "time", "--event", "status", "--score", "karno", "--cut", "optimal", "--strata", "trt",
                "--rmst", "200", "--survival-at", "30,90", "--json", json.toString(), "--plot", plot.toString());
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("DATA-CHOSEN cut-point"), run.out);
        Map<String, Object> j = StatsCliTest.json(json);
        Map<String, Object> cut = map(j.get("cut"));
        assertEquals(Boolean.TRUE, cut.get("data_chosen"));
        Map<String, String> ms = RFixtures.expected("maxstat-expected.csv").get("veteran_karno");
        assertEquals(RFixtures.num(ms.get("p")), StatsCliTest.num(cut.get("p_adjusted")), 1e-9);
        assertTrue(j.containsKey("logrank_stratified"));
        assertTrue(map(list(j.get("groups")).get(0)).containsKey("rmst"));
        String svg = new String(Files.readAllBytes(plot), StandardCharsets.UTF_8);
        assertTrue(svg.contains("Data-chosen cut-point"), "the figure says the cut was chosen from the data");
        Path j2 = dir.resolve("km2.json");
        StatsCliTest.Run four = StatsCliTest.run("stats", "survival", "--table",
                RFixtures.path("lung.csv").toString(), "--time", "time", "--event", "status", "--group", "ph_ecog",
                "--trend", "--pairwise", "--json", j2.toString());
        assertEquals(0, four.code, four.toString());
        Map<String, Object> k = StatsCliTest.json(j2);
        Map<String, String> sr = RFixtures.expected("survival-expected.csv").get("trend_lung");
        assertEquals(RFixtures.num(sr.get("chisq")), StatsCliTest.num(map(k.get("logrank_trend")).get("chisq")), 1e-9);
        assertEquals("holm", map(k.get("logrank_pairwise")).get("adjust"));
        assertTrue(((String) k.get("cox_hazard_ratios")).startsWith("one Cox model"));
    }

    @Test
    void newComparisonsAndDecimalCommas() throws Exception {
        Path json = dir.resolve("kw.json");
        StatsCliTest.Run run = StatsCliTest.run("stats", "kruskal", "--table",
                RFixtures.path("plantgrowth.csv").toString(), "--value", "weight", "--group", "group", "--json",
                json.toString());
        assertEquals(0, run.code, run.toString());
        Map<String, String> r = RFixtures.expected("comparisons-expected.csv").get("plantgrowth");
        assertEquals(RFixtures.num(r.get("kw.H")), StatsCliTest.num(StatsCliTest.json(json).get("H")), 1e-10);
        // the same data written by European Excel: ';' separated with decimal commas
        List<String> lines = Files.readAllLines(RFixtures.path("plantgrowth.csv"), StandardCharsets.UTF_8);
        StringBuilder eu = new StringBuilder();
        for (String l : lines) {
            eu.append(l.replace(",", ";").replace(".", ",")).append('\n');
        }
        Path euFile = dir.resolve("eu.csv");
        Files.write(euFile, eu.toString().getBytes(StandardCharsets.UTF_8));
        Path j2 = dir.resolve("wa.json");
        StatsCliTest.Run w = StatsCliTest.run("stats", "welch-anova", "--table", euFile.toString(), "--value",
                "weight", "--group", "group", "--json", j2.toString());
        assertEquals(0, w.code, w.toString());
        assertEquals(RFixtures.num(r.get("welch.F")), StatsCliTest.num(StatsCliTest.json(j2).get("F")), 1e-10);
        Path j3 = dir.resolve("sr.json");
        StatsCliTest.Run s = StatsCliTest.run("stats", "signrank", "--table", RFixtures.path("sleep.csv").toString(),
                "--value", "extra", "--group", "group", "--paired-by", "id", "--alternative", "greater", "--json",
                j3.toString());
        assertEquals(0, s.code, s.toString());
        Map<String, String> d = RFixtures.expected("comparisons-expected.csv").get("sleep");
        assertEquals(RFixtures.num(d.get("signrank.greater.p")), StatsCliTest.num(StatsCliTest.json(j3).get("p")),
                1e-10);
    }
}
