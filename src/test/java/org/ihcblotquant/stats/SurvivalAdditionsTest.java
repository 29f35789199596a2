package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Stratified log-rank, log-rank trend, pairwise log-rank with corrections, RMST, survival at
 * given times, the printed median, and the joint Cox model of more than two groups, against the
 * values R printed (src/test/r/survival_reference.R and cox_reference.R).
 */
class SurvivalAdditionsTest {

    private static final double TOL = 1e-9;
    private static final Map<String, Map<String, String>> R = RFixtures.expected("survival-expected.csv");

    private static double r(String c, String key) {
        String v = R.get(c).get(key);
        if (v == null) {
            throw new AssertionError("no R value " + c + "/" + key);
        }
        return RFixtures.num(v);
    }

    private static void near(double want, double got, String what) {
        assertEquals(want, got, TOL * Math.max(1, Math.abs(want)), what);
    }

    private static SurvivalData read(String file, String time, String event, String group, Warnings w) {
        return StatsInput.survival(ColumnData.of(RFixtures.table(file)), time, event,
                StatsInput.Grouping.byColumn(group), EventCodes.defaults(), null, w);
    }

    /** Stratum index of each subject, in the same row order StatsInput keeps (no rows skipped here). */
    private static int[] strata(String file, String column, List<String> levels) {
        org.ihcblotquant.io.CsvTable t = RFixtures.table(file);
        int c = t.column(column);
        int[] s = new int[t.rowCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = levels.indexOf(t.get(i, c));
        }
        return s;
    }

    @Test
    void stratifiedLogRankAsSurvdiffWithStrata() {
        SurvivalData vet = read("veteran.csv", "time", "status", "celltype", new Warnings());
        LogRankTest s = LogRankTest.test(vet, strata("veteran.csv", "trt", Arrays.asList("1", "2")));
        near(r("strat_veteran", "chisq"), s.chisq, "chisq");
        assertEquals(3, s.df);
        near(r("strat_veteran", "p"), s.p, "p");
        SurvivalData ova = read("ovarian.csv", "futime", "fustat", "rx", new Warnings());
        LogRankTest o = LogRankTest.test(ova, strata("ovarian.csv", "resid_ds", Arrays.asList("1", "2")));
        near(r("strat_ovarian", "chisq"), o.chisq, "chisq");
        near(r("strat_ovarian", "p"), o.p, "p");
    }

    @Test
    void trendTestOverOrderedEcogGroups() {
        SurvivalData lung = read("lung.csv", "time", "status", "ph_ecog", new Warnings());
        SurvivalAnalysis a = SurvivalAnalysis.run(lung,
                new SurvivalAnalysis.Options().trend(new double[] {0, 1, 2, 3}), new Warnings());
        near(r("trend_lung", "chisq"), a.trend[0], "chisq");
        near(r("trend_lung", "p"), a.trend[1], "p");
    }

    @Test
    void pairwiseLogRankWithEachCorrection() {
        SurvivalData vet = read("veteran.csv", "time", "status", "celltype", new Warnings());
        for (PValueAdjust.Method m : PValueAdjust.Method.values()) {
            SurvivalAnalysis a = SurvivalAnalysis.run(vet, new SurvivalAnalysis.Options().pairwise(true, m),
                    new Warnings());
            assertEquals(6, a.pairs.size());
            for (SurvivalAnalysis.PairTest t : a.pairs) {
                String pair = t.level + "-" + t.reference;
                near(r("pairwise_veteran", "chisq." + pair), t.chisq, pair);
                near(r("pairwise_veteran", "none." + pair), t.p, pair);
                near(r("pairwise_veteran", m.key + "." + pair), t.pAdjusted, m.key + " " + pair);
            }
        }
    }

    @Test
    void rmstSurvivalAtTimesAndPrintedMedians() {
        SurvivalData vet = read("veteran.csv", "time", "status", "celltype", new Warnings());
        for (int g = 0; g < vet.levelCount(); g++) {
            KaplanMeier km = KaplanMeier.fit(vet.subset(g), ConfType.LOG, 0.95);
            String l = km.level;
            double[] rm = km.restrictedMean(200, 0.95);
            near(r("km_veteran", "rmean." + l), rm[0], "rmean " + l);
            near(r("km_veteran", "se_rmean." + l), rm[1], "se(rmean) " + l);
            assertEquals(rm[0] - 1.959963984540054 * rm[1], rm[2], 1e-9);
            MedianSurvival m = km.median();
            near(r("km_veteran", "median." + l), m.median, "median " + l);
            near(r("km_veteran", "median_lower." + l), m.lower, "median lower " + l);
            near(r("km_veteran", "median_upper." + l), m.upper, "median upper " + l);
            for (double t : new double[] {30, 90, 180}) {
                String key = l + "@" + (int) t;
                if (!R.get("km_veteran").containsKey("surv." + key)) {
                    continue; // R reports no row after the group's last time
                }
                double[] s = km.survivalWithInterval(t);
                near(r("km_veteran", "surv." + key), s[0], "surv " + key);
                near(r("km_veteran", "lower." + key), s[2], "lower " + key);
                near(r("km_veteran", "upper." + key), s[3], "upper " + key);
            }
        }
    }

    @Test
    void moreThanTwoGroupsGetOneJointCoxModel() {
        // R: coxph(Surv(time, status) ~ celltype, data = veteran) (case veteran_one_factor of
        // cox-expected.csv); the issue's larynx example is the same situation
        Map<String, String> cox = RFixtures.expected("cox-expected.csv").get("veteran_one_factor");
        SurvivalData vet = read("veteran.csv", "time", "status", "celltype", new Warnings());
        SurvivalAnalysis a = SurvivalAnalysis.run(vet, new SurvivalAnalysis.Options(), new Warnings());
        int seen = 0;
        for (SurvivalAnalysis.HazardRatio h : a.hazardRatios) {
            if (h.method.equals("cox_efron")) {
                String term = "celltype" + h.level;
                assertEquals(RFixtures.num(cox.get("hr." + term)), h.hr, 1e-6, term);
                assertEquals(RFixtures.num(cox.get("ci_low." + term)), h.lower, 1e-6, term);
                assertEquals(RFixtures.num(cox.get("ci_high." + term)), h.upper, 1e-6, term);
                assertEquals(RFixtures.num(cox.get("p." + term)), h.p, 1e-6, term);
                seen++;
            }
        }
        assertEquals(3, seen);
        assertEquals(RFixtures.num(cox.get("lr.statistic")), a.cox.lrTest.statistic, 1e-6);
        // the separate two-group fits stay available, labelled as such, and differ from the joint model
        SurvivalAnalysis sep = SurvivalAnalysis.run(vet, new SurvivalAnalysis.Options().separateCoxFits(true),
                new Warnings());
        SurvivalAnalysis.HazardRatio first = sep.primaryHazardRatio();
        assertEquals("cox_efron_pairwise", first.method);
        assertTrue(first.label().contains("separate two-group"), first.label());
        assertTrue(Math.abs(first.hr - a.primaryHazardRatio().hr) > 1e-3);
        Map<String, Object> json = a.toJson();
        assertTrue(((String) json.get("cox_hazard_ratios")).startsWith("one Cox model of all groups"));
    }

    @Test
    void groupHazardRatiosAdjustedForCovariatesAsCoxph() {
        // R: coxph(Surv(time, status) ~ karno + age + diagtime + celltype + trt, veteran) (case
        // veteran_celltype): the celltype groups adjusted for the other columns
        Map<String, String> cox = RFixtures.expected("cox-expected.csv").get("veteran_celltype");
        org.ihcblotquant.job.SurvivalJob.Request q = org.ihcblotquant.job.SurvivalJob.Request
                .builder(org.ihcblotquant.job.StatsSource.file(RFixtures.path("veteran.csv"))).time("time")
                .event("status").group("celltype")
                .adjustFor(Arrays.asList("karno", "age", "diagtime"), Arrays.asList("trt"), null).build();
        org.ihcblotquant.job.SurvivalJob.Outcome o = new org.ihcblotquant.job.SurvivalJob().run(q,
                org.ihcblotquant.core.ProgressListener.NONE);
        CoxRegression adj = o.adjusted();
        int seen = 0;
        for (CoxRegression.Coefficient c : adj.coefficients) {
            String term = c.column.variable.equals("group") ? "celltype" + c.column.level : c.term();
            for (String k : new String[] {"coef", "se", "p"}) {
                double want = RFixtures.num(cox.get(k + "." + term));
                double got = k.equals("coef") ? c.coef : k.equals("se") ? c.se : c.p;
                assertEquals(want, got, 1e-6, term + " " + k);
            }
            seen++;
        }
        assertEquals(7, seen);
        assertTrue(o.json().containsKey("cox_adjusted"));
    }
}
