package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.ihcblotquant.core.InputException;
import org.junit.jupiter.api.Test;

/**
 * Cases beyond reference.json, each with an oracle worked out by hand (in the comments) or from
 * an independent identity: ties between events and censorings, a group with all subjects
 * censored, a single group, n = 1 groups, zero variance.
 */
class StatsOwnCasesTest {

    private static final double EPS = 1e-12;

    private static SurvivalData data(double[] t, int[] e, int[] g, String... levels) {
        boolean[] ev = new boolean[e.length];
        for (int i = 0; i < e.length; i++) {
            ev[i] = e[i] == 1;
        }
        return new SurvivalData(t, ev, g, Arrays.asList(levels));
    }

    @Test
    void kaplanMeierWithAnEventAndACensoringAtTheSameTime() {
        // times 1e, 2e, 2c, 3e, 4c. A censoring tied with an event is still at risk at that time:
        // t=1: n=5 d=1 S=0.8,  Greenwood 1/(5*4) = 0.05
        // t=2: n=4 d=1 c=1 S=0.8*3/4=0.6, Greenwood += 1/(4*3) -> 0.1333..
        // t=3: n=2 d=1 S=0.3, Greenwood += 1/(2*1) -> 0.6333..
        // t=4: n=1 c=1 S=0.3
        SurvivalData d = SurvivalData.single(new double[] {1, 2, 2, 3, 4},
                new boolean[] {true, true, false, true, false}, "all");
        KaplanMeier km = KaplanMeier.fit(d, ConfType.LOG, 0.95);
        assertEquals(4, km.rows.size());
        KaplanMeier.Row r2 = km.rows.get(1);
        assertEquals(2.0, r2.time);
        assertEquals(4, r2.nRisk);
        assertEquals(1, r2.nEvent);
        assertEquals(1, r2.nCensor);
        assertEquals(0.6, r2.surv, EPS);
        assertEquals(0.6 * Math.sqrt(0.05 + 1.0 / 12), r2.stdErr, EPS);
        KaplanMeier.Row r3 = km.rows.get(2);
        assertEquals(2, r3.nRisk);
        assertEquals(0.3, r3.surv, EPS);
        assertEquals(0.3 * Math.sqrt(0.05 + 1.0 / 12 + 0.5), r3.stdErr, EPS);
        double z = 1.959963984540054;
        double se = Math.sqrt(0.05 + 1.0 / 12 + 0.5);
        assertEquals(0.3 * Math.exp(-z * se), r3.lower, 1e-12);
        assertEquals(Math.min(1, 0.3 * Math.exp(z * se)), r3.upper, 1e-12);
        assertEquals(0.3, km.rows.get(3).surv, EPS);
        // median: first S <= 0.5 is t=3
        assertEquals(3.0, km.median().median);
        // numbers at risk (time >= t)
        assertEquals(5, km.atRisk(0));
        assertEquals(4, km.atRisk(2));
        assertEquals(1, km.atRisk(3.5));
        assertEquals(0, km.atRisk(5));
    }

    @Test
    void medianOnAFlatAtExactlyOneHalfIsItsMidpoint() {
        // 4 subjects, events at 1,2,3,4: S = .75 .5 .25 0 -> the curve is 0.5 on [2,3): median 2.5
        SurvivalData d = SurvivalData.single(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}, "a");
        assertEquals(2.5, KaplanMeier.fit(d, ConfType.LOG, 0.95).median().median, EPS);
        // the curve ends on the flat (last subject censored at 5): R's quantile.survfit takes the
        // midpoint of 2 and the last time 5; R's printed survfit table (our default) takes 2
        SurvivalData e = SurvivalData.single(new double[] {1, 2, 5, 5}, new boolean[] {true, true, false, false}, "b");
        assertEquals(3.5, KaplanMeier.fit(e, ConfType.LOG, 0.95).median(MedianRule.MIDPOINT).median, EPS);
        assertEquals(2.0, KaplanMeier.fit(e, ConfType.LOG, 0.95).median().median, EPS);
        // the example t,e: 1,1 2,1 3,0 4,0 (print(survfit) says 2, quantile() says 3)
        SurvivalData f = SurvivalData.single(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}, "c");
        assertEquals(2.0, KaplanMeier.fit(f, ConfType.LOG, 0.95).median().median, EPS);
        assertEquals(3.0, KaplanMeier.fit(f, ConfType.LOG, 0.95).median(MedianRule.MIDPOINT).median, EPS);
    }

    @Test
    void logRankWithTiedEventsAcrossGroups() {
        // A: 1e 2e; B: 2e 3e.
        // t=1: n=4 nA=2 d=1: E_A=0.5, V=1*3/3*(2/4)*(2/4)=0.25
        // t=2: n=3 nA=1 d=2: E_A=2/3, V=2*1/2*(1/3)*(2/3)=2/9
        // t=3: n=1 nA=0: E_A=0, V=0
        // O_A=2, E_A=7/6, V=17/36 -> chisq=(5/6)^2/(17/36)=25/17
        SurvivalData d = data(new double[] {1, 2, 2, 3}, new int[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1}, "A", "B");
        LogRankTest lr = LogRankTest.test(d);
        assertEquals(2.0, lr.observed[0]);
        assertEquals(7.0 / 6, lr.expected[0], EPS);
        assertEquals(4 - 7.0 / 6, lr.expected[1], EPS);
        assertEquals(17.0 / 36, lr.variance[0][0], EPS);
        assertEquals(25.0 / 17, lr.chisq, 1e-12);
        assertEquals(1, lr.df);
        assertEquals(Distributions.chiSquareUpper(25.0 / 17, 1), lr.p, 1e-15);
    }

    @Test
    void withoutTiesCoxScoreTestEqualsTheLogRankTest() {
        // Without tied event times the Cox score test (either ties method) is the log-rank test.
        double[] t = {3, 5, 7, 8, 10, 12, 15, 18, 20, 25};
        int[] e = {1, 1, 0, 1, 1, 1, 0, 1, 1, 0};
        int[] g = {0, 1, 0, 1, 1, 0, 1, 0, 1, 0};
        SurvivalData d = data(t, e, g, "A", "B");
        LogRankTest lr = LogRankTest.test(d);
        double[] x = new double[t.length];
        boolean[] ev = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = g[i];
            ev[i] = e[i] == 1;
        }
        CoxModel efron = CoxModel.fit(t, ev, x, CoxModel.Ties.EFRON, 0.95);
        CoxModel breslow = CoxModel.fit(t, ev, x, CoxModel.Ties.BRESLOW, 0.95);
        assertEquals(lr.chisq, efron.score, 1e-10);
        assertEquals(lr.chisq, breslow.score, 1e-10);
        assertEquals(efron.coef, breslow.coef, 1e-10);
        // at the maximum the score is zero
        double[][] design = new double[t.length][1];
        for (int i = 0; i < t.length; i++) {
            design[i][0] = x[i];
        }
        CoxPartialLikelihood pl = new CoxPartialLikelihood(t, ev, null, design, true);
        assertEquals(0, pl.evaluate(new double[] {efron.coef}, null).u[0], 1e-8);
    }

    @Test
    void aGroupWithAllSubjectsCensored() {
        // B has no events: its curve stays at 1, median not reached, Cox HR not estimable (reported so)
        SurvivalData d = data(new double[] {2, 4, 6, 8, 3, 5, 7}, new int[] {1, 1, 1, 0, 0, 0, 0},
                new int[] {0, 0, 0, 0, 1, 1, 1}, "A", "B");
        Warnings w = new Warnings();
        SurvivalAnalysis a = SurvivalAnalysis.run(d, ConfType.LOG, 0.95, new double[] {0, 5}, w);
        KaplanMeier b = a.curves.get(1);
        assertEquals(0, b.events);
        for (KaplanMeier.Row r : b.rows) {
            assertEquals(1.0, r.surv);
            assertEquals(0.0, r.stdErr);
        }
        assertTrue(Double.isNaN(b.median().median));
        assertTrue(Double.isNaN(b.median().lower));
        assertTrue(w.all().stream().anyMatch(m -> m.contains("all 3 subjects censored")), w.all().toString());
        assertTrue(w.all().stream().anyMatch(m -> m.contains("not estimable")), w.all().toString());
        assertEquals(3.0, a.logRank.observed[0]);
        assertEquals(0.0, a.logRank.observed[1]);
        assertTrue(a.logRank.p > 0 && a.logRank.p < 1);
        assertTrue(Double.isNaN(a.primaryHazardRatio().hr));
        Map<String, Object> json = a.toJson();
        Map<?, ?> hr = (Map<?, ?>) json.get("hazard_ratio");
        assertTrue(Double.isNaN((Double) hr.get("hr")));
        String text = Json.write(json);
        assertTrue(text.contains("\"hr\": null"), "NaN is written as null");
    }

    @Test
    void aSingleGroupHasCurvesButNoTest() {
        SurvivalData d = SurvivalData.single(new double[] {1, 2, 3}, new boolean[] {true, false, true}, "all");
        Warnings w = new Warnings();
        SurvivalAnalysis a = SurvivalAnalysis.run(d, ConfType.PLAIN, 0.95, null, w);
        assertEquals(1, a.curves.size());
        assertNull(a.logRank);
        assertNull(a.toJson().get("logrank"));
        assertTrue(w.all().get(0).contains("one group"));
        // one group is too few for the log-rank test itself
        assertThrows(InputException.class, () -> LogRankTest.test(d));
    }

    @Test
    void logLogIntervalIsUndefinedBeforeTheFirstEventAndAtZero() {
        SurvivalData d = SurvivalData.single(new double[] {1, 2}, new boolean[] {false, true}, "a");
        KaplanMeier km = KaplanMeier.fit(d, ConfType.LOG_LOG, 0.95);
        assertTrue(Double.isNaN(km.rows.get(0).lower)); // S = 1
        assertTrue(Double.isNaN(km.rows.get(1).lower)); // S = 0
        assertTrue(Double.isNaN(km.rows.get(1).stdErr));
    }

    @Test
    void groupsOfOneValue() {
        // A = 1,2,3 ; B = 5 (n = 1). A t-test refuses n = 1; ANOVA works:
        // grand mean 11/4; SSB = 3*(2-2.75)^2 + (5-2.75)^2 = 6.75; SSW = 2; df 1, 2; F = 6.75
        GroupedValues gv = new GroupedValues(Arrays.asList("A", "B"),
                Arrays.asList(new double[] {1, 2, 3}, new double[] {5}));
        InputException e = assertThrows(InputException.class,
                () -> GroupComparison.run(GroupComparison.Test.WELCH, gv, null, 0.95));
        assertTrue(e.getMessage().contains("'B' has n = 1"), e.getMessage());
        assertThrows(InputException.class, () -> GroupComparison.run(GroupComparison.Test.STUDENT, gv, null, 0.95));
        AnovaResult a = OneWayAnova.test(gv);
        assertEquals(6.75, a.ssBetween, 1e-12);
        assertEquals(2.0, a.ssWithin, 1e-12);
        assertEquals(6.75, a.f, 1e-12);
        // F(1, 2) = t(2)^2: the same p as a two-sided t with t = sqrt(F)
        double tp = 2 * new TDistribution(2).cumulativeProbability(-Math.sqrt(6.75));
        assertEquals(tp, a.p, 1e-12);
        Descriptives b = a.groups.get(1);
        assertEquals(1, b.n);
        assertTrue(Double.isNaN(b.sd));
        assertTrue(Double.isNaN(b.sem));
        assertEquals(5.0, b.median);
        // Tukey for two groups: q = sqrt(2) |t|, so p_adj equals the pooled t-test p
        TukeyHsd t = TukeyHsd.compute(a, 0.95);
        assertEquals(tp, t.rows.get(0).pAdj, 1e-8);
    }

    @Test
    void zeroVariance() {
        GroupedValues constant = new GroupedValues(Arrays.asList("A", "B"),
                Arrays.asList(new double[] {2, 2, 2}, new double[] {2, 2}));
        InputException e = assertThrows(InputException.class,
                () -> GroupComparison.run(GroupComparison.Test.WELCH, constant, null, 0.95));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        // one constant group next to a varying one is fine: Welch uses only the other's variance
        // A = 2,2,2 (var 0), B = 1,3 (var 2): se = sqrt(0/3 + 2/2) = 1, t = (2-2)/1 = 0, df = 1
        GroupedValues half = new GroupedValues(Arrays.asList("A", "B"),
                Arrays.asList(new double[] {2, 2, 2}, new double[] {1, 3}));
        TTestResult w = GroupComparison.run(GroupComparison.Test.WELCH, half, null, 0.95).tTest;
        assertEquals(0.0, w.t, EPS);
        assertEquals(1.0, w.df, EPS);
        assertEquals(1.0, w.p, 1e-12);
        // ANOVA with constant groups of different means: F infinite, p 0, Tukey intervals collapse
        GroupedValues sep = new GroupedValues(Arrays.asList("A", "B", "C"),
                Arrays.asList(new double[] {1, 1}, new double[] {2, 2}, new double[] {4, 4}));
        GroupComparison an = GroupComparison.run(GroupComparison.Test.ANOVA, sep, null, 0.95);
        assertTrue(Double.isInfinite(an.anova.f));
        assertEquals(0.0, an.anova.p);
        assertEquals(1.0, an.tukey.rows.get(0).diff, EPS);
        assertEquals(0.0, an.tukey.rows.get(0).pAdj);
        // the paired test of identical differences is undefined too
        assertThrows(InputException.class, () -> TTests.paired("x", new double[] {1, 2, 3}, "y",
                new double[] {0, 1, 2}, 0.95));
    }

    @Test
    void studentizedRangeAgainstIndependentValues() {
        // k = 2: Q = sqrt(2) |T|, so qtukey(p, 2, df) = sqrt(2) qt((1+p)/2, df)
        for (double df : new double[] {1, 2, 3, 10, 27, 200, 5000}) {
            double q = StudentizedRange.quantile(0.95, 2, df);
            assertEquals(Math.sqrt(2) * new TDistribution(df).inverseCumulativeProbability(0.975), q, 1e-8, "df " + df);
        }
        // published table values (Harter 1960; R qtukey): q(0.95; 5, 20) = 4.231857, q(0.95; 3, 10) = 3.876777
        assertEquals(4.231857, StudentizedRange.quantile(0.95, 5, 20), 2e-6);
        assertEquals(3.876777, StudentizedRange.quantile(0.95, 3, 10), 2e-6);
        // df -> infinity: q(0.95; 3, inf) = 3.314493
        assertEquals(3.314493, StudentizedRange.quantile(0.95, 3, 1e7), 2e-6);
    }

    @Test
    void mannWhitneyExactWithoutTies() {
        // x = 1,2,3 below y = 4,5,6: W = 0, one arrangement of C(6,3) = 20 is this extreme: p = 2/20
        MannWhitneyResult r = MannWhitney.test("x", new double[] {1, 2, 3}, "y", new double[] {4, 5, 6});
        assertEquals(0.0, r.w);
        assertTrue(r.exact);
        assertEquals(0.1, r.p, 1e-12);
        // swapped: W = 9, same p
        MannWhitneyResult s = MannWhitney.test("y", new double[] {4, 5, 6}, "x", new double[] {1, 2, 3});
        assertEquals(9.0, s.w);
        assertEquals(0.1, s.p, 1e-12);
    }

    @Test
    void descriptives() {
        // 1, 2, 3, 4, 10: mean 4, SS = 9+4+1+0+36 = 50, sd = sqrt(50/4), median 3
        Descriptives d = Descriptives.of("g", new double[] {4, 1, 10, 3, 2});
        assertEquals(5, d.n);
        assertEquals(4.0, d.mean, EPS);
        assertEquals(Math.sqrt(12.5), d.sd, EPS);
        assertEquals(Math.sqrt(12.5) / Math.sqrt(5), d.sem, EPS);
        assertEquals(3.0, d.median);
        assertEquals(1.0, d.min);
        assertEquals(10.0, d.max);
        assertEquals(2.5, Descriptives.of("e", new double[] {1, 4, 2, 3}).median);
    }

    @Test
    void levelsSortLikeRFactors() {
        List<String> numeric = StatsInput.sortLevels(Arrays.asList("10", "2", "1"));
        assertEquals(Arrays.asList("1", "2", "10"), numeric);
        assertEquals(Arrays.asList("ctrl", "Trt1", "trt2"), StatsInput.sortLevels(Arrays.asList("trt2", "Trt1", "ctrl")));
    }

    @Test
    void jsonRoundTrip() {
        Map<String, Object> m = Json.object();
        m.put("a", 0.1 + 0.2);
        m.put("n", 3);
        m.put("nan", Double.NaN);
        m.put("s", "x \"q\" \\ \n");
        m.put("list", Arrays.asList(1.5, null, "t"));
        Map<?, ?> back = (Map<?, ?>) Json.parse(Json.write(m));
        assertEquals(0.30000000000000004, back.get("a"));
        assertEquals(3.0, back.get("n"));
        assertNull(back.get("nan"));
        assertTrue(back.containsKey("nan"));
        assertEquals("x \"q\" \\ \n", back.get("s"));
        assertEquals(Arrays.asList(1.5, null, "t"), back.get("list"));
        assertFalse(Json.write(m).contains("NaN"));
    }
}
