package org.ihcblotquant.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.stats.Distributions;
import org.junit.jupiter.api.Test;

/** Blank subtraction, normalisation, summaries and checks against formulas computed here. */
class PlateAnalysisTest {

    /** Long-table reads and layout: well to value and well to condition. */
    static PlateResult analyse(String reads, String layout, PlateSettings s) {
        PlateReads r = PlateReads.of(PlateText.parse("reads.csv", reads).get(0), false);
        PlateLayout l = PlateLayout.of(PlateText.parse("layout.csv", layout).get(0));
        return PlateAnalyzer.analyse(r, l, s, false);
    }

    static PlateSettings settings(Normalisation n, String exclude, double maxOd) {
        return new PlateSettings("Blank", "Ctrl", n, PlateSettings.parseExclude(exclude), maxOd, 0.95);
    }

    static final String LAYOUT = "well,condition\nA1,Blank\nA2,Blank\nA3,Blank\nB1,Ctrl\nB2,Ctrl\nB3,Ctrl\n"
            + "C1,Drug 10\nC2,Drug 10\nC3,Drug 10\nD1,Drug 1\nD2,Drug 1\nD3,Drug 1\n";
    static final double[] BLANK = {0.10, 0.11, 0.09};
    static final double[] CTRL = {1.20, 1.30, 1.25};
    static final double[] D10 = {0.40, 0.45, 0.38};
    static final double[] D1 = {0.90, 1.00, 0.95};

    static String reads(double[] blank, double[] ctrl, double[] d10, double[] d1) {
        StringBuilder sb = new StringBuilder("well,od\n");
        String[] rows = {"A", "B", "C", "D"};
        double[][] v = {blank, ctrl, d10, d1};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                sb.append(rows[r]).append(c + 1).append(',').append(v[r][c]).append('\n');
            }
        }
        return sb.toString();
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().getAsDouble();
    }

    static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    @Test
    void percentOfControlSummariesAndTests() {
        PlateResult p = analyse(reads(BLANK, CTRL, D10, D1), LAYOUT, settings(Normalisation.PERCENT_OF_CONTROL, "", 3.5));
        double b = mean(BLANK);
        double c = mean(CTRL) - b;
        assertEquals(b, p.blankMean, 1e-12);
        assertEquals(c, p.controlMean, 1e-12);
        // order: blank, control, then the dose series by dose (Drug 1 before Drug 10, although the layout lists 10 first)
        assertEquals(Arrays.asList("Blank", "Ctrl", "Drug 1", "Drug 10"),
                Arrays.asList(p.conditions.get(0).condition, p.conditions.get(1).condition,
                        p.conditions.get(2).condition, p.conditions.get(3).condition));
        double[] pct = new double[3];
        for (int i = 0; i < 3; i++) {
            pct[i] = 100 * (D10[i] - b) / c;
        }
        ConditionSummary s = p.condition("Drug 10");
        assertEquals(3, s.n);
        assertEquals(mean(pct), s.mean, 1e-10);
        assertEquals(sd(pct), s.sd, 1e-10);
        assertEquals(sd(pct) / Math.sqrt(3), s.sem, 1e-10);
        assertEquals(mean(D10), s.meanRaw, 1e-12);
        assertEquals(sd(D10), s.sdRaw, 1e-12);
        assertEquals(10, s.dose, 0);
        assertEquals(100, p.condition("Ctrl").mean, 1e-10);
        // per well
        WellResult w = p.wells.stream().filter(x -> x.well.equals("C2")).findFirst().get();
        assertEquals(0.45 - b, w.blankSubtracted, 1e-12);
        assertEquals(100 * (0.45 - b) / c, w.normalised, 1e-10);

        // one-way ANOVA of the three non-blank conditions, from its definition
        double[][] g = new double[3][3];
        double[][] raw = {CTRL, D1, D10};
        double grand = 0;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                g[k][i] = 100 * (raw[k][i] - b) / c;
                grand += g[k][i] / 9;
            }
        }
        double ssb = 0;
        double ssw = 0;
        for (int k = 0; k < 3; k++) {
            double m = mean(g[k]);
            ssb += 3 * (m - grand) * (m - grand);
            for (double v : g[k]) {
                ssw += (v - m) * (v - m);
            }
        }
        double f = (ssb / 2) / (ssw / 6);
        assertEquals(f, p.anova.f, 1e-8 * f);
        assertEquals(2, p.anova.dfBetween);
        assertEquals(6, p.anova.dfWithin);
        // Dunnett t of Drug 10 vs control with the pooled variance
        Dunnett.Row d = p.dunnettRow("Drug 10");
        double t = (mean(g[2]) - 100) / Math.sqrt(ssw / 6 * (2.0 / 3));
        assertEquals(t, d.t, 1e-9);
        assertEquals("Ctrl", d.vs);
        assertEquals(2, p.dunnett.rows.size());
        assertEquals(3, p.tukey.rows.size());
        assertNull(p.welch);
    }

    @Test
    void foldAndNoneAndWelchWithTwoConditions() {
        String layout = "well,condition\nA1,Blank\nA2,Blank\nA3,Blank\nB1,Ctrl\nB2,Ctrl\nB3,Ctrl\nC1,Drug 10\nC2,Drug 10\n"
                + "C3,Drug 10\n";
        String reads = reads(BLANK, CTRL, D10, D1);
        double b = mean(BLANK);
        double c = mean(CTRL) - b;
        PlateResult fold = analyse(reads, layout, settings(Normalisation.FOLD, "", 3.5));
        assertEquals((mean(D10) - b) / c, fold.condition("Drug 10").mean, 1e-12);
        PlateResult none = analyse(reads, layout, settings(Normalisation.NONE, "", 3.5));
        assertEquals(mean(D10) - b, none.condition("Drug 10").mean, 1e-12);
        // Welch on the fold values: treatment minus control
        assertNotNull(fold.welch);
        double[] x = new double[3];
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            x[i] = (D10[i] - b) / c;
            y[i] = (CTRL[i] - b) / c;
        }
        double se = Math.sqrt(sd(x) * sd(x) / 3 + sd(y) * sd(y) / 3);
        double t = (mean(x) - mean(y)) / se;
        double vx = sd(x) * sd(x) / 3;
        double vy = sd(y) * sd(y) / 3;
        double df = (vx + vy) * (vx + vy) / (vx * vx / 2 + vy * vy / 2);
        assertEquals(t, fold.welch.t, 1e-9);
        assertEquals(df, fold.welch.df, 1e-9);
        assertEquals(Distributions.tTwoSided(t, df), fold.welch.p, 1e-12);
        assertEquals(fold.welch.p, PlateTables.pVsControl(fold, fold.condition("Drug 10")), 0);
    }

    @Test
    void excludedAndOverflowWellsAreLeftOutOverRangeFlagged() {
        String reads = reads(BLANK, CTRL, D10, D1).replace("D2,1.0", "D2,OVRFLW").replace("B1,1.2", "B1,3.9");
        PlateResult p = analyse(reads, LAYOUT, settings(Normalisation.PERCENT_OF_CONTROL, "C1", 3.5));
        WellResult d2 = p.wells.stream().filter(x -> x.well.equals("D2")).findFirst().get();
        assertFalse(d2.used);
        assertTrue(d2.flags.contains(WellResult.OVERFLOW));
        assertEquals(2, p.condition("Drug 1").n);
        assertEquals(2, p.condition("Drug 10").n);
        WellResult b1 = p.wells.stream().filter(x -> x.well.equals("B1")).findFirst().get();
        assertTrue(b1.flags.contains(WellResult.ABOVE_MAX_OD));
        assertTrue(b1.used, "above max OD is flagged, not removed");
        assertTrue(p.warnings.stream().anyMatch(w -> w.contains("D2") && w.contains("overflow")), p.warnings.toString());
        // control CV (3.9, 1.3, 1.25) is far above 20 %
        assertTrue(p.warnings.stream().anyMatch(w -> w.contains("'Ctrl'") && w.contains("CV")), p.warnings.toString());
        // counts (luminescence) are not checked against an OD limit
        String lum = reads(new double[] {300, 320, 310}, new double[] {12000, 12500, 11800},
                new double[] {30000, 31000, 29000}, new double[] {15000, 15500, 14000});
        assertFalse(analyse(lum, LAYOUT, settings(Normalisation.FOLD, "", 3.5)).maxOdChecked);
    }

    @Test
    void grubbsFlagsAnOutlierButKeepsIt() {
        // two-sided Grubbs critical values at alpha 0.05 (NIST/SEMATECH e-Handbook table): n = 6 1.8871, n = 3 1.1543
        assertEquals(1.8871, Outliers.grubbsCritical(6, 0.05), 1e-4);
        assertEquals(1.1543, Outliers.grubbsCritical(3, 0.05), 1e-4);
        String layout = "well,condition\nA1,Blank\nA2,Blank\nB1,Ctrl\nB2,Ctrl\nB3,Ctrl\nB4,Ctrl\nB5,Ctrl\nB6,Ctrl\n";
        String reads = "A1,0.1\nA2,0.1\nB1,1.00\nB2,1.02\nB3,0.99\nB4,1.01\nB5,1.00\nB6,1.60\n";
        PlateResult p = analyse(reads, layout, settings(Normalisation.PERCENT_OF_CONTROL, "", 3.5));
        WellResult b6 = p.wells.stream().filter(x -> x.well.equals("B6")).findFirst().get();
        assertTrue(b6.flags.contains(WellResult.OUTLIER_GRUBBS), b6.flags.toString());
        assertTrue(b6.flags.contains(WellResult.OUTLIER_ROBUST_Z), b6.flags.toString());
        assertTrue(b6.used);
        // robust z = 0.6745 (x - median) / MAD: median 1.005, MAD 0.01
        assertEquals(0.6745 * (1.60 - 1.005) / 0.01, b6.robustZ, 1e-9);
        assertEquals(6, p.condition("Ctrl").n);
    }

    @Test
    void refusals() {
        // blanks reading higher than the control
        InputException e = assertThrows(InputException.class,
                () -> analyse(reads(CTRL, BLANK, D10, D1), LAYOUT, settings(Normalisation.PERCENT_OF_CONTROL, "", 3.5)));
        assertTrue(e.getMessage().contains("blank") && e.getMessage().contains("reads.csv"), e.getMessage());
        // a control that is not in the layout: the field and the conditions that are
        FieldException f = assertThrows(FieldException.class, () -> analyse(reads(BLANK, CTRL, D10, D1), LAYOUT,
                new PlateSettings("Blank", "DMSO", Normalisation.FOLD, Collections.<Integer, Set<String>>emptyMap(),
                        3.5, 0.95)));
        assertEquals("control", f.field());
        assertTrue(f.problem().contains("'DMSO'") && f.problem().contains("Drug 10"), f.problem());
        // layout and reads of different plate sizes
        String grid384 = "," + String.join(",", numbers(24)) + "\n" + rows(16, 24, "1");
        String layout96 = "," + String.join(",", numbers(12)) + "\n" + rows(8, 12, "Ctrl");
        InputException size = assertThrows(InputException.class, () -> PlateAnalyzer.analyse(
                PlateReads.of(PlateText.parse("r384.csv", grid384).get(0), false),
                PlateLayout.of(PlateText.parse("l96.csv", layout96).get(0)),
                settings(Normalisation.FOLD, "", 3.5), false));
        assertTrue(size.getMessage().contains("384") && size.getMessage().contains("96")
                && size.getMessage().contains("l96.csv"), size.getMessage());
        Map<Integer, Set<String>> none = new HashMap<>();
        assertThrows(FieldException.class, () -> new PlateSettings("Blank", "Blank", Normalisation.FOLD, none, 3.5, 0.95));
        assertThrows(FieldException.class, () -> PlateSettings.parseExclude("A1,Z9"));
        assertEquals(Collections.singleton("B7"), PlateSettings.parseExclude("2:b07").get(2));
    }

    @Test
    void onePerPlateLayoutsAndPlateSelection() {
        // two plates of readings r + c/100 (+1 on plate 2); layouts: column 1 blank, column 2 control,
        // column 3 'Drug' on plate 1 but 'Other' on plate 2
        String reads = PlateTextTest.grid96(",", false, true) + "\n"
                + PlateTextTest.grid96(",", false, true).replace(",0.", ",1.").replace(",1.", ",2.");
        String header = "," + String.join(",", numbers(12)) + "\n";
        String l1 = header + rows(8, 12, "").replace("A,", "A,Blank,Ctrl,Drug");
        String l2 = header + rows(8, 12, "").replace("A,", "A,Blank,Ctrl,Other");
        List<PlateGrid> r = PlateText.parse("two.csv", reads);
        List<PlateGrid> layouts = PlateText.parse("layouts.csv", l1 + "\n" + l2);
        assertEquals(2, r.size());
        assertEquals(2, layouts.size());
        List<PlateResult> all = PlateAnalyzer.analyseAll(r, layouts, settings(Normalisation.NONE, "", 3.5), 0);
        assertEquals(2, all.size());
        assertNotNull(all.get(0).condition("Drug"));
        assertNotNull(all.get(1).condition("Other"));
        // blank A1 = 0.00, control A2 = 0.01, drug A3 = 0.02 on plate 1
        assertEquals(0.02, all.get(0).condition("Drug").mean, 1e-12);
        List<PlateResult> second = PlateAnalyzer.analyseAll(r, layouts, settings(Normalisation.NONE, "", 3.5), 2);
        assertEquals(1, second.size());
        assertEquals(2, second.get(0).plate);
        List<PlateGrid> three = PlateText.parse("l3.csv", l1 + "\n" + l1 + "\n" + l1);
        assertThrows(InputException.class,
                () -> PlateAnalyzer.analyseAll(r, three, settings(Normalisation.NONE, "", 3.5), 0));
        assertThrows(FieldException.class,
                () -> PlateAnalyzer.analyseAll(r, layouts, settings(Normalisation.NONE, "", 3.5), 3));
    }

    private static List<String> numbers(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = String.valueOf(i + 1);
        }
        return Arrays.asList(s);
    }

    private static String rows(int rows, int cols, String cell) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < cols; c++) {
                sb.append(',').append(cell);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
