package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noncentral F CDF and the confidence intervals of eta^2 and omega^2 against base R's
 * {@code pf(q, df1, df2, ncp)} inverted with {@code uniroot} (src/test/r/effect_size_ci_reference.R)
 * on PlantGrowth, InsectSprays, airquality (ozone by month), a small unbalanced set and a set
 * with F &lt; 1, at 90, 95 and 99 %.
 */
class EffectSizeCiTest {

    private static final Map<String, Map<String, String>> R = RFixtures.expected("effect-size-ci-expected.csv");

    private static final String[][] SETS = {{"plantgrowth", "plantgrowth.csv", "weight", "group"},
        {"insectsprays", "insectsprays.csv", "count", "spray"}, {"airquality", "airquality.csv", "ozone", "month"},
        {"unbalanced", "unbalanced.csv", "value", "group"}, {"flat", "flat.csv", "value", "group"}};

    private static double r(String c, String key) {
        String v = R.get(c).get(key);
        if (v == null) {
            throw new AssertionError("no R value " + c + "/" + key);
        }
        return RFixtures.num(v);
    }

    @Test
    void noncentralFCdfMatchesR() {
        for (Map.Entry<String, String> e : R.get("cdf").entrySet()) {
            String[] a = e.getKey().split("/");
            double got = NoncentralF.cdf(Double.parseDouble(a[0]), Double.parseDouble(a[1]), Double.parseDouble(a[2]),
                    Double.parseDouble(a[3]));
            // R's pnbeta sums its series to an absolute error of 1e-9
            assertEquals(RFixtures.num(e.getValue()), got, 2e-9, "pf " + e.getKey());
        }
    }

    @Test
    void etaAndOmegaIntervalsMatchR() {
        for (String[] s : SETS) {
            String c = s[0];
            GroupedValues g = StatsInput.grouped(ColumnData.of(RFixtures.table(s[1])), s[2], s[3], null, new Warnings());
            AnovaResult a = OneWayAnova.test(g);
            assertEquals(r(c, "F"), a.f, 1e-10 * Math.max(1, a.f), c + " F");
            double[] eo = EffectSizes.etaOmegaSquared(a);
            assertEquals(r(c, "eta2"), eo[0], 1e-12, c + " eta2");
            assertEquals(r(c, "omega2"), eo[1], 1e-12, c + " omega2");
            for (double cl : new double[] {0.90, 0.95, 0.99}) {
                String k = String.format(Locale.ROOT, "%.2f", cl);
                double[] ci = EffectSizes.etaOmegaSquaredCi(a, cl);
                String what = c + " " + k;
                assertEquals(r(c, "ncp_low." + k), ci[0], 1e-6 * Math.max(1, ci[0]), what + " ncp low");
                assertEquals(r(c, "ncp_high." + k), ci[1], 1e-6 * Math.max(1, ci[1]), what + " ncp high");
                assertEquals(r(c, "eta2_low." + k), ci[2], 1e-6, what + " eta2 low");
                assertEquals(r(c, "eta2_high." + k), ci[3], 1e-6, what + " eta2 high");
                assertTrue(ci[2] <= eo[0] && eo[0] <= ci[3] || ci[3] == 0, what + " eta2 inside its interval");
            }
        }
    }

    @Test
    void ncpIntervalAtLargeLambdaHugeDfAndTinyF() {
        for (Map.Entry<String, String> e : R.get("direct").entrySet()) {
            String[] a = e.getKey().split("/");
            double[] ci = NoncentralF.ncpInterval(Double.parseDouble(a[0]), Double.parseDouble(a[1]),
                    Double.parseDouble(a[2]), 0.95);
            double got = "low".equals(a[3]) ? ci[0] : ci[1];
            double want = RFixtures.num(e.getValue());
            assertEquals(want, got, 1e-6 * Math.max(1, want), "lambda " + e.getKey());
        }
    }

    @Test
    void boundsTruncatedAtZeroWhenFCannotExcludeNoEffect() {
        GroupedValues g = StatsInput.grouped(ColumnData.of(RFixtures.table("flat.csv")), "value", "group", null,
                new Warnings());
        AnovaResult a = OneWayAnova.test(g);
        assertTrue(a.f < 1, "the flat set has F < 1");
        double[] ci = EffectSizes.etaOmegaSquaredCi(a, 0.95);
        // P(F <= f; lambda = 0) = 1 - p is below 0.975: no lambda >= 0 reaches the lower target
        assertTrue(1 - a.p < 0.975);
        assertEquals(0, ci[0], 0);
        assertEquals(0, ci[2], 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cliReportsTheIntervalInJsonCsvAndTextAtTheChosenLevel(@TempDir Path dir) throws Exception {
        Path j = dir.resolve("a.json");
        Path out = dir.resolve("a.csv");
        StatsCliTest.Run run = StatsCliTest.run("stats", "anova", "--table", RFixtures.path("insectsprays.csv").toString(),
                "--value", "count", "--group", "spray", "--conf-level", "0.90", "--json", j.toString(), "--csv",
                out.toString());
        assertEquals(0, run.code, run.toString());
        String c = "insectsprays";
        Map<String, Object> es = (Map<String, Object>) StatsCliTest.json(j).get("effect_size");
        assertEquals(0.90, ((Number) es.get("conf_level")).doubleValue(), 0);
        assertEquals(r(c, "eta2"), ((Number) es.get("eta_squared")).doubleValue(), 1e-12);
        for (String key : new String[] {"eta_squared_ci", "omega_squared_ci"}) {
            List<Object> ci = (List<Object>) es.get(key);
            assertEquals(r(c, "eta2_low.0.90"), ((Number) ci.get(0)).doubleValue(), 1e-6, key);
            assertEquals(r(c, "eta2_high.0.90"), ((Number) ci.get(1)).doubleValue(), 1e-6, key);
        }
        List<Object> ncp = (List<Object>) es.get("ncp_ci");
        assertEquals(r(c, "ncp_low.0.90"), ((Number) ncp.get(0)).doubleValue(), 1e-6 * r(c, "ncp_low.0.90"));
        assertEquals(r(c, "ncp_high.0.90"), ((Number) ncp.get(1)).doubleValue(), 1e-6 * r(c, "ncp_high.0.90"));

        CsvTable t = CsvTable.read(out);
        int last = t.rowCount() - 1;
        assertEquals("tukey", t.get(last - 2, t.column("test")));
        assertEquals("eta_squared", t.get(last - 1, t.column("test")));
        assertEquals("omega_squared", t.get(last, t.column("test")));
        assertEquals(r(c, "omega2"), Double.parseDouble(t.get(last, t.column("value"))), 1e-12);
        for (int row = last - 1; row <= last; row++) {
            assertEquals(r(c, "eta2_low.0.90"), Double.parseDouble(t.get(row, t.column("ci_low"))), 1e-6);
            assertEquals(r(c, "eta2_high.0.90"), Double.parseDouble(t.get(row, t.column("ci_high"))), 1e-6);
        }
        String eta = String.format(Locale.ROOT, "90%% CI %.4f to %.4f", r(c, "eta2_low.0.90"), r(c, "eta2_high.0.90"));
        assertTrue(run.out.contains(eta), run.toString());
    }
}
