package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every expected value of every case in reference.json (R's printed output for sleep,
 * PlantGrowth and aml) against our implementation, within the case's own tolerance.
 */
class StatsReferenceTest {

    private static final String[] KNOWN_METHODS = {"t_test_welch", "t_test_pooled", "t_test_paired",
        "mann_whitney_u", "oneway_anova", "tukey_hsd", "kaplan_meier", "km_median", "logrank",
        "cox_ph_1covariate", "hazard_ratio_logrank_based"};

    @TestFactory
    Stream<DynamicNode> everyReferenceCase() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map<String, Object> c : ReferenceData.cases()) {
            String id = (String) c.get("id");
            Map<String, Double> actual;
            try {
                actual = compute(c);
            } catch (Exception e) {
                throw new AssertionError("case " + id + " failed to compute", e);
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (Check check : expectations(c)) {
                tests.add(DynamicTest.dynamicTest(check.key, () -> check.verify(actual)));
            }
            assertTrue(!tests.isEmpty(), "case " + id + " has no expected values");
            nodes.add(DynamicContainer.dynamicContainer(id, tests));
        }
        return nodes.stream();
    }

    @Test
    void everyMethodInTheReferenceIsHandled() throws Exception {
        int n = 0;
        for (Map<String, Object> c : ReferenceData.cases()) {
            assertTrue(Arrays.asList(KNOWN_METHODS).contains(c.get("method")), "unknown method " + c.get("method"));
            n++;
        }
        assertEquals(16, n, "number of reference cases");
    }

    /** One expected scalar. */
    static final class Check {
        final String key;
        final Double value;
        final double absTol;
        final double relTol;

        Check(String key, Double value, double absTol, double relTol) {
            this.key = key;
            this.value = value;
            this.absTol = absTol;
            this.relTol = relTol;
        }

        void verify(Map<String, Double> actual) {
            assertTrue(actual.containsKey(key), "not computed: " + key + " (have " + actual.keySet() + ")");
            Double got = actual.get(key);
            if (value == null) {
                assertTrue(got == null || Double.isNaN(got), key + ": expected NA / not reached, got " + got);
                return;
            }
            assertNotNull(got, key);
            double tol = Math.max(absTol, relTol * Math.abs(value));
            if (!(Math.abs(got - value) <= tol)) {
                fail(key + ": expected " + value + " +- " + tol + ", got " + got);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Check> expectations(Map<String, Object> c) {
        List<Check> out = new ArrayList<>();
        Map<String, Object> exp = (Map<String, Object>) c.get("expected");
        Map<String, Object> caseTol = (Map<String, Object>) c.get("tolerance");
        for (Map.Entry<String, Object> e : exp.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (v instanceof Map) {
                Map<String, Object> m = (Map<String, Object>) v;
                out.add(new Check(k, (Double) m.get("value"), num(m.get("abs_tol")), num(m.get("rel_tol"))));
            } else if (k.equals("rows")) {
                List<Map<String, Object>> rows = (List<Map<String, Object>>) v;
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> row = rows.get(i);
                    String prefix = row.containsKey("pair") ? (String) row.get("pair") : "row" + i;
                    for (Map.Entry<String, Object> f : row.entrySet()) {
                        if (f.getKey().equals("pair")) {
                            continue;
                        }
                        String key = prefix + "." + f.getKey();
                        if (f.getValue() instanceof Map) {
                            Map<String, Object> m = (Map<String, Object>) f.getValue();
                            out.add(new Check(key, (Double) m.get("value"), num(m.get("abs_tol")),
                                    num(m.get("rel_tol"))));
                        } else {
                            boolean integer = f.getKey().startsWith("n_") || f.getKey().equals("time");
                            out.add(new Check(key, (Double) f.getValue(), integer ? 0 : num(caseTol.get("abs_tol")),
                                    integer ? 0 : num(caseTol.get("rel_tol"))));
                        }
                    }
                }
            } else if (k.equals("per_group")) {
                for (Map<String, Object> g : (List<Map<String, Object>>) v) {
                    String level = (String) g.get("level");
                    for (Map.Entry<String, Object> f : g.entrySet()) {
                        if (f.getValue() instanceof Map) {
                            Map<String, Object> m = (Map<String, Object>) f.getValue();
                            out.add(new Check(level + "." + f.getKey(), (Double) m.get("value"),
                                    num(m.get("abs_tol")), num(m.get("rel_tol"))));
                        } else if (f.getKey().equals("N")) {
                            out.add(new Check(level + ".N", (Double) f.getValue(), 0, 0));
                        }
                    }
                }
            } else if (k.equals("df") && v instanceof Double) {
                out.add(new Check("df", (Double) v, 0, 0));
            } else if (k.equals("variance_matrix")) {
                List<List<Double>> m = (List<List<Double>>) v;
                for (int i = 0; i < m.size(); i++) {
                    for (int j = 0; j < m.size(); j++) {
                        out.add(new Check("V" + i + j, m.get(i).get(j), 1e-6, 1e-6));
                    }
                }
            }
            // "levels" is checked in compute()
        }
        return out;
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> compute(Map<String, Object> c) throws Exception {
        String method = (String) c.get("method");
        String dataset = (String) c.get("dataset");
        Map<String, Object> params = (Map<String, Object>) c.get("params");
        Map<String, Double> a = new LinkedHashMap<>();
        switch (method) {
            case "t_test_welch":
            case "t_test_pooled":
            case "t_test_paired":
            case "mann_whitney_u": {
                double[] v = ReferenceData.numbers(dataset, (String) params.get("value"));
                String[] g = ReferenceData.strings(dataset, (String) params.get("group"));
                String lx = String.valueOf(((Number) params.get("x")).intValue());
                String ly = String.valueOf(((Number) params.get("y")).intValue());
                double[] x = select(v, g, lx);
                double[] y = select(v, g, ly);
                if (method.equals("mann_whitney_u")) {
                    MannWhitneyResult r = MannWhitney.test(lx, x, ly, y);
                    a.put("W", r.w);
                    a.put("p", r.p);
                    break;
                }
                TTestResult r = method.equals("t_test_welch") ? TTests.welch(lx, x, ly, y, 0.95)
                        : method.equals("t_test_pooled") ? TTests.student(lx, x, ly, y, 0.95)
                        : TTests.paired(lx, x, ly, y, 0.95); // sleep rows are ordered by ID in both groups
                a.put("t", r.t);
                a.put("df", r.df);
                a.put("p", r.p);
                a.put("ci_low", r.ciLow);
                a.put("ci_high", r.ciHigh);
                a.put("mean_x", r.x.mean);
                a.put("mean_y", r.y.mean);
                a.put("sd_x", r.x.sd);
                a.put("sd_y", r.y.sd);
                a.put("mean_diff", r.difference);
                break;
            }
            case "oneway_anova":
            case "tukey_hsd": {
                GroupedValues gv = grouped(dataset, (String) params.get("value"), (String) params.get("group"));
                AnovaResult r = OneWayAnova.test(gv);
                a.put("df_between", (double) r.dfBetween);
                a.put("df_within", (double) r.dfWithin);
                a.put("ss_between", r.ssBetween);
                a.put("ss_within", r.ssWithin);
                a.put("ms_between", r.msBetween);
                a.put("ms_within", r.msWithin);
                a.put("F", r.f);
                a.put("p", r.p);
                Map<String, Object> summaries = (Map<String, Object>) c.get("group_summaries");
                if (summaries != null) {
                    for (Descriptives d : r.groups) {
                        Map<String, Object> s = (Map<String, Object>) summaries.get(d.level);
                        assertEquals(((Number) s.get("n")).intValue(), d.n);
                        assertEquals(((Number) s.get("mean")).doubleValue(), d.mean, 1e-9);
                        assertEquals(((Number) s.get("sd")).doubleValue(), d.sd, 1e-9);
                    }
                }
                TukeyHsd t = TukeyHsd.compute(r, 0.95);
                a.put("q_crit", t.qCrit);
                a.put("mse", t.mse);
                if (method.equals("tukey_hsd")) {
                    a.put("df", (double) t.df);
                }
                for (TukeyHsd.Row row : t.rows) {
                    a.put(row.pair + ".diff", row.diff);
                    a.put(row.pair + ".lwr", row.lwr);
                    a.put(row.pair + ".upr", row.upr);
                    a.put(row.pair + ".p_adj", row.pAdj);
                    a.put(row.pair + ".q", row.q);
                }
                break;
            }
            case "kaplan_meier":
            case "km_median": {
                SurvivalData all = aml();
                SurvivalData d = params.get("group") == null ? SurvivalData.single(
                        ReferenceData.numbers("aml", "time"), events(), "all")
                        : all.subset(all.levels().indexOf((String) params.get("level")));
                KaplanMeier log = KaplanMeier.fit(d, ConfType.LOG, 0.95);
                KaplanMeier loglog = KaplanMeier.fit(d, ConfType.LOG_LOG, 0.95);
                KaplanMeier plain = KaplanMeier.fit(d, ConfType.PLAIN, 0.95);
                for (int i = 0; i < log.rows.size(); i++) {
                    KaplanMeier.Row r = log.rows.get(i);
                    String p = "row" + i + ".";
                    a.put(p + "time", r.time);
                    a.put(p + "n_risk", (double) r.nRisk);
                    a.put(p + "n_event", (double) r.nEvent);
                    a.put(p + "n_censor", (double) r.nCensor);
                    a.put(p + "surv", r.surv);
                    a.put(p + "std_err_surv", r.stdErr);
                    a.put(p + "std_err_logsurv", r.stdErrLog);
                    a.put(p + "lower_log", r.lower);
                    a.put(p + "upper_log", r.upper);
                    a.put(p + "lower_loglog", loglog.rows.get(i).lower);
                    a.put(p + "upper_loglog", loglog.rows.get(i).upper);
                    // plain interval: S +- z se(S), clipped (checked here against its definition)
                    double z = 1.959963984540054;
                    if (r.surv > 0) {
                        assertEquals(Math.max(0, r.surv - z * r.stdErr), plain.rows.get(i).lower, 1e-12);
                        assertEquals(Math.min(1, r.surv + z * r.stdErr), plain.rows.get(i).upper, 1e-12);
                    }
                }
                MedianSurvival m = log.median();
                MedianSurvival ml = loglog.median();
                a.put("median", m.median);
                a.put("lcl_log", m.lower);
                a.put("ucl_log", m.upper);
                a.put("lcl_loglog", ml.lower);
                a.put("ucl_loglog", ml.upper);
                break;
            }
            case "logrank": {
                SurvivalData d = aml();
                LogRankTest lr = LogRankTest.test(d);
                Map<String, Object> exp = (Map<String, Object>) c.get("expected");
                assertEquals(exp.get("levels"), lr.levels);
                a.put("chisq", lr.chisq);
                a.put("p", lr.p);
                a.put("df", (double) lr.df);
                for (int g = 0; g < lr.levels.size(); g++) {
                    String l = lr.levels.get(g);
                    a.put(l + ".N", (double) lr.n[g]);
                    a.put(l + ".observed", lr.observed[g]);
                    a.put(l + ".expected", lr.expected[g]);
                    double u = lr.observed[g] - lr.expected[g];
                    a.put(l + ".oe2_over_e", u * u / lr.expected[g]);
                    a.put(l + ".oe2_over_v", u * u / lr.variance[g][g]);
                    for (int h = 0; h < lr.levels.size(); h++) {
                        a.put("V" + g + h, lr.variance[g][h]);
                    }
                }
                break;
            }
            case "cox_ph_1covariate": {
                String ties = (String) params.get("ties");
                SurvivalData d = aml();
                double[] x = new double[d.size()];
                double[] t = new double[d.size()];
                boolean[] e = new boolean[d.size()];
                for (int i = 0; i < d.size(); i++) {
                    x[i] = d.group(i) == 1 ? 1 : 0; // Nonmaintained = 1
                    t[i] = d.time(i);
                    e[i] = d.event(i);
                }
                CoxModel m = CoxModel.fit(t, e, x, ties.equals("efron") ? CoxModel.Ties.EFRON
                        : CoxModel.Ties.BRESLOW, 0.95);
                a.put("coef", m.coef);
                a.put("hr", m.hr);
                a.put("se", m.se);
                a.put("z", m.z);
                a.put("p_wald", m.pWald);
                a.put("hr_lower95", m.hrLower);
                a.put("hr_upper95", m.hrUpper);
                a.put("lrt", m.lrt);
                a.put("p_lrt", m.pLrt);
                a.put("score", m.score);
                a.put("p_score", m.pScore);
                break;
            }
            case "hazard_ratio_logrank_based": {
                SurvivalData d = aml();
                int num = d.levels().indexOf((String) params.get("numerator_group"));
                int ref = d.levels().indexOf((String) params.get("reference_group"));
                LogRankTest lr = LogRankTest.test(d);
                LogRankHazardRatio oe = LogRankHazardRatio.observedOverExpected(lr, num, ref, 0.95);
                LogRankHazardRatio peto = LogRankHazardRatio.peto(lr, num, 0.95);
                LogRankHazardRatio mh = LogRankHazardRatio.mantelHaenszel(d, lr, num, ref, 0.95);
                a.put("hr_OE_ratio", oe.hr);
                a.put("hr_OE_ratio_lower95", oe.lower);
                a.put("hr_OE_ratio_upper95", oe.upper);
                a.put("hr_peto", peto.hr);
                a.put("hr_peto_lower95", peto.lower);
                a.put("hr_peto_upper95", peto.upper);
                a.put("hr_mantel_cox_QR", mh.hr);
                a.put("hr_mantel_cox_lower95", mh.lower);
                a.put("hr_mantel_cox_upper95", mh.upper);
                break;
            }
            default:
                fail("unknown method " + method);
        }
        return a;
    }

    static double[] select(double[] v, String[] g, String level) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (g[i].equals(level)) {
                out.add(v[i]);
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    static GroupedValues grouped(String dataset, String value, String group) throws Exception {
        double[] v = ReferenceData.numbers(dataset, value);
        String[] g = ReferenceData.strings(dataset, group);
        List<String> levels = ReferenceData.factorLevels(dataset);
        List<double[]> vals = new ArrayList<>();
        for (String l : levels) {
            vals.add(select(v, g, l));
        }
        return new GroupedValues(levels, vals);
    }

    static boolean[] events() throws Exception {
        double[] s = ReferenceData.numbers("aml", "status");
        boolean[] e = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = s[i] == 1;
        }
        return e;
    }

    static SurvivalData aml() throws Exception {
        List<String> levels = ReferenceData.factorLevels("aml");
        String[] x = ReferenceData.strings("aml", "x");
        int[] g = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = levels.indexOf(x[i]);
        }
        return new SurvivalData(ReferenceData.numbers("aml", "time"), events(), g, levels);
    }
}
