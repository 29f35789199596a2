package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Kruskal–Wallis + Dunn, Welch ANOVA + Games–Howell, Wilcoxon signed-rank, one-sided t and
 * Mann–Whitney tests and effect sizes against R (src/test/r/comparisons_reference.R) on
 * PlantGrowth, airquality (ozone by month, with ties), sleep and a paired set without ties.
 */
class ComparisonsTest {

    private static final Map<String, Map<String, String>> R = RFixtures.expected("comparisons-expected.csv");

    private static double r(String c, String key) {
        String v = R.get(c).get(key);
        if (v == null) {
            throw new AssertionError("no R value " + c + "/" + key);
        }
        return RFixtures.num(v);
    }

    private static void near(double want, double got, double tol, String what) {
        if (Double.isInfinite(want)) {
            assertEquals(want, got, what);
            return;
        }
        assertEquals(want, got, tol * Math.max(1, Math.abs(want)), what);
    }

    private static GroupedValues grouped(String file, String value, String group) {
        return StatsInput.grouped(ColumnData.of(RFixtures.table(file)), value, group, null, new Warnings());
    }

    @Test
    void kruskalWallisDunnWelchGamesHowellEtaOmega() {
        String[][] sets = {{"plantgrowth", "plantgrowth.csv", "weight", "group"},
            {"airquality", "airquality.csv", "ozone", "month"}};
        for (String[] s : sets) {
            String c = s[0];
            GroupedValues g = grouped(s[1], s[2], s[3]);
            KruskalWallis kw = KruskalWallis.test(g, PValueAdjust.Method.HOLM);
            near(r(c, "kw.H"), kw.h, 1e-10, c + " H");
            assertEquals((int) r(c, "kw.df"), kw.df);
            near(r(c, "kw.p"), kw.p, 1e-10, c + " p");
            for (KruskalWallis.DunnPair d : kw.dunn) {
                String key = d.level + "-" + d.reference;
                near(r(c, "dunn.z." + key), d.z, 1e-10, c + " Dunn z " + key);
                near(r(c, "dunn.p." + key), d.p, 1e-10, c + " Dunn p " + key);
                near(r(c, "dunn.p_holm." + key), d.pAdjusted, 1e-10, c + " Dunn Holm " + key);
            }
            WelchAnova w = WelchAnova.test(g, 0.95);
            near(r(c, "welch.F"), w.f, 1e-10, c + " Welch F");
            near(r(c, "welch.df2"), w.df2, 1e-10, c + " Welch df2");
            near(r(c, "welch.p"), w.p, 1e-10, c + " Welch p");
            for (WelchAnova.Pair p : w.gamesHowell) {
                String key = p.level + "-" + p.reference;
                near(r(c, "gh.diff." + key), p.diff, 1e-10, c + " GH diff " + key);
                // R's qtukey stops its secant search at a tolerance of 1e-4 (qtukey.c, eps), so
                // R's interval bounds are the less exact side here
                near(r(c, "gh.lwr." + key), p.lower, 1e-5, c + " GH lwr " + key);
                near(r(c, "gh.upr." + key), p.upper, 1e-5, c + " GH upr " + key);
                near(r(c, "gh.p." + key), p.pAdjusted, 1e-7, c + " GH p " + key);
            }
            double[] eo = EffectSizes.etaOmegaSquared(OneWayAnova.test(g));
            near(r(c, "eta2"), eo[0], 1e-12, c + " eta2");
            near(r(c, "omega2"), eo[1], 1e-12, c + " omega2");
        }
    }

    @Test
    void oneSidedTestsAndSignedRank() {
        GroupedValues g = grouped("sleep.csv", "extra", "group");
        double[][] pairs = StatsInput.pairs(ColumnData.of(RFixtures.table("sleep.csv")), "extra", "group", "id", "1",
                "2", new Warnings());
        double[] x = g.values(0);
        double[] y = g.values(1);
        for (Alternative a : Alternative.values()) {
            String k = a.key;
            TTestResult[] tests = {TTests.welch("1", x, "2", y, 0.95, a), TTests.student("1", x, "2", y, 0.95, a),
                TTests.paired("1", pairs[0], "2", pairs[1], 0.95, a)};
            String[] names = {"welch", "student", "paired"};
            for (int i = 0; i < 3; i++) {
                String pre = names[i] + "." + k + ".";
                near(r("sleep", pre + "t"), tests[i].t, 1e-10, pre + "t");
                near(r("sleep", pre + "p"), tests[i].p, 1e-10, pre + "p");
                near(r("sleep", pre + "ci_low"), tests[i].ciLow, 1e-9, pre + "ci_low");
                near(r("sleep", pre + "ci_high"), tests[i].ciHigh, 1e-9, pre + "ci_high");
            }
            MannWhitneyResult mw = MannWhitney.test("1", x, "2", y, a);
            near(r("sleep", "mw." + k + ".W"), mw.w, 1e-12, "W");
            near(r("sleep", "mw." + k + ".p"), mw.p, 1e-10, "mw p " + k);
            WilcoxonSignedRank sr = WilcoxonSignedRank.test(pairs[0], pairs[1], a);
            near(r("sleep", "signrank." + k + ".V"), sr.v, 1e-12, "V");
            near(r("sleep", "signrank." + k + ".p"), sr.p, 1e-10, "signrank p " + k);
            double[][] dep = StatsInput.pairsOfColumns(ColumnData.of(RFixtures.table("depression.csv")), "before",
                    "after", new Warnings());
            WilcoxonSignedRank ex = WilcoxonSignedRank.test(dep[0], dep[1], a);
            assertTrue(ex.exact);
            near(r("depression", "signrank." + k + ".V"), ex.v, 1e-12, "V");
            near(r("depression", "signrank." + k + ".p"), ex.p, 1e-12, "exact signrank p " + k);
        }
    }

    @Test
    void effectSizes() {
        GroupedValues g = grouped("plantgrowth.csv", "weight", "group");
        double[] x = g.values(g.levels().indexOf("trt2"));
        double[] y = g.values(g.levels().indexOf("ctrl"));
        double[] d = EffectSizes.cohenD(x, y, 0.95);
        String[] keys = {"cohen_d", "cohen_d_low", "cohen_d_high", "hedges_g", "hedges_g_low", "hedges_g_high"};
        for (int i = 0; i < keys.length; i++) {
            near(r("effect", keys[i]), d[i], 1e-12, keys[i]);
        }
        double[] hl = EffectSizes.hodgesLehmann(x, y, 0.95);
        near(r("effect", "hl"), hl[0], 1e-12, "HL");
        if (r("effect", "hl_exact") == 1) {
            near(r("effect", "hl_low"), hl[1], 1e-12, "HL low");
            near(r("effect", "hl_high"), hl[2], 1e-12, "HL high");
        }
    }
}
