package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ihcblotquant.core.InputException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The multivariable Cox model against R's coxph / summary.coxph / cox.zph (survival 3.5.3) on
 * survival::lung, veteran and ovarian: numeric covariates, factors with treatment contrasts and a
 * chosen reference, strata, Efron and Breslow ties (values stored by src/test/r/cox_reference.R).
 */
class CoxRegressionTest {

    /** The requirement: equal to R within 1e-6 (relative for large values). */
    private static final double TOL = 1e-6;

    static CoxRegression fitCase(Map<String, String> spec, Warnings w) {
        ColumnData d = ColumnData.of(RFixtures.table(spec.get("spec.data") + ".csv"));
        Map<String, String> refs = new LinkedHashMap<>();
        for (String r : RFixtures.list(spec.get("spec.reference"))) {
            refs.put(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1));
        }
        String strata = spec.get("spec.strata").isEmpty() ? null : spec.get("spec.strata");
        CoxData data = CoxData.read(d, spec.get("spec.time"), spec.get("spec.event"), EventCodes.defaults(),
                RFixtures.list(spec.get("spec.covariates")), RFixtures.list(spec.get("spec.factors")), refs, strata,
                w);
        CoxModel.Ties ties = spec.get("spec.ties").equals("efron") ? CoxModel.Ties.EFRON : CoxModel.Ties.BRESLOW;
        return CoxRegression.fit(data, ties, 0.95, w);
    }

    @TestFactory
    Stream<DynamicNode> everyValueRPrinted() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : RFixtures.expected("cox-expected.csv").entrySet()) {
            Map<String, String> spec = c.getValue();
            CoxRegression fit = fitCase(spec, new Warnings());
            Map<String, Double> got = values(fit);
            List<DynamicTest> tests = new ArrayList<>();
            for (Map.Entry<String, String> e : spec.entrySet()) {
                if (e.getKey().startsWith("spec.")) {
                    continue;
                }
                String key = e.getKey();
                double want = RFixtures.num(e.getValue());
                tests.add(DynamicTest.dynamicTest(key, () -> {
                    Double g = got.get(key);
                    assertNotNull(g, "no value for " + key);
                    assertEquals(want, g, TOL * Math.max(1, Math.abs(want)), key);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(c.getKey(), tests));
        }
        return nodes.stream();
    }

    static Map<String, Double> values(CoxRegression fit) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("n", (double) fit.n());
        m.put("events", (double) fit.events());
        m.put("loglik0", fit.loglikNull);
        m.put("loglik", fit.loglik);
        for (CoxRegression.Coefficient c : fit.coefficients) {
            m.put("coef." + c.term(), c.coef);
            m.put("se." + c.term(), c.se);
            m.put("hr." + c.term(), c.hr);
            m.put("z." + c.term(), c.z);
            m.put("p." + c.term(), c.p);
            m.put("ci_low." + c.term(), c.ciLow);
            m.put("ci_high." + c.term(), c.ciHigh);
        }
        put(m, "lr", fit.lrTest);
        put(m, "wald", fit.waldTest);
        put(m, "score", fit.scoreTest);
        m.put("concordance", fit.concordance.concordance);
        List<CoxRegression.ChiSquareTest> zph = new ArrayList<>(fit.zphTerms);
        zph.add(fit.zphGlobal);
        for (CoxRegression.ChiSquareTest t : zph) {
            m.put("zph.chisq." + t.name, t.statistic);
            m.put("zph.df." + t.name, (double) t.df);
            m.put("zph.p." + t.name, t.p);
        }
        return m;
    }

    private static void put(Map<String, Double> m, String prefix, CoxRegression.ChiSquareTest t) {
        m.put(prefix + ".statistic", t.statistic);
        m.put(prefix + ".df", (double) t.df);
        m.put(prefix + ".p", t.p);
    }

    @Test
    void aLevelWithoutEventsIsFlaggedAsInfinite() {
        double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] ev = {true, true, true, true, false, false, false, false};
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        List<String> names = new ArrayList<>();
        names.add("g");
        Warnings w = new Warnings();
        CoxRegression fit = CoxRegression.fit(CoxData.of(t, ev, null, x, names), CoxModel.Ties.EFRON, 0.95, w);
        assertTrue(fit.coefficients.get(0).infinite);
        assertTrue(w.all().get(0).contains("may be infinite"), w.all().toString());
    }

    @Test
    void collinearCovariatesAreAnError() {
        double[] t = {1, 2, 3, 4, 5, 6};
        boolean[] ev = {true, true, false, true, true, false};
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}, {6, 12}};
        List<String> names = new ArrayList<>();
        names.add("a");
        names.add("b");
        InputException ex = assertThrows(InputException.class,
                () -> CoxRegression.fit(CoxData.of(t, ev, null, x, names), CoxModel.Ties.EFRON, 0.95, new Warnings()));
        assertTrue(ex.getMessage().contains("collinear"), ex.getMessage());
    }
}
