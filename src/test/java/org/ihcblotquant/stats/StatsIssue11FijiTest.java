package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fiji side of issue 11 in one real ImageJ run (-batch, Xvfb), from macro options alone:
 * the new Cox Regression command, Survival Analysis with the optimal cut, strata, pairwise tests
 * and covariates, Compare Groups with Kruskal-Wallis + Dunn and with ANOVA (eta^2 / omega^2 with
 * their interval at 99 %). Numbers against R's fixtures.
 */
class StatsIssue11FijiTest {

    @Test
    void coxSurvivalAndCompareGroupsFromAMacro(@TempDir Path dir) throws Exception {
        Path vet = RFixtures.path("veteran.csv");
        Path pg = RFixtures.path("plantgrowth.csv");
        Path coxOut = dir.resolve("cox.csv");
        Path survOut = dir.resolve("surv.csv");
        Path kwOut = dir.resolve("kw.csv");
        Path forest = dir.resolve("forest.svg");
        Path unbalanced = RFixtures.path("unbalanced.csv");
        Path anovaOut = dir.resolve("anova.csv");
        String macro = ""
                + "run(\"Cox Regression\", \"table=[" + FijiMacroRunner.macroPath(vet) + "] time=time event=status"
                + " covariates=karno factors=celltype reference=celltype=large strata=prior ties=breslow"
                + " save=[" + FijiMacroRunner.macroPath(forest) + "]\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(coxOut) + "\");\n"
                + "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(vet) + "] time=time event=status"
                + " score=karno cut=optimal strata=trt pairwise correction=Holm rmst=200\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(survOut) + "\");\n"
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg) + "] value=weight group=group"
                + " test=[Kruskal-Wallis + Dunn] correction=Bonferroni\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(kwOut) + "\");\n"
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(unbalanced) + "] value=value"
                + " group=group test=[One-way ANOVA + Tukey HSD] confidence=0.99\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(anovaOut) + "\");\n"
                + "print(\"done\");\n"
                // a bad cut word: a message naming the macro key, and the macro stops there
                + "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(vet) + "] time=time event=status"
                + " score=karno cut=best\");\n"
                + "print(\"NOT REACHED\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 150);
        assertTrue(Files.exists(kwOut), r.toString());

        Map<String, String> cox = RFixtures.expected("cox-expected.csv").get("veteran_reference_large");
        CsvTable c = CsvTable.read(coxOut);
        assertEquals(4, c.rowCount());
        for (int i = 0; i < c.rowCount(); i++) {
            String term = c.get(i, c.column("term"));
            assertEquals(RFixtures.num(cox.get("hr." + term)), Double.parseDouble(c.get(i, c.column("hr"))), 1e-6, term);
            assertEquals(RFixtures.num(cox.get("p." + term)), Double.parseDouble(c.get(i, c.column("p"))), 1e-6, term);
        }
        assertTrue(new String(Files.readAllBytes(forest), "UTF-8").contains("<svg"));

        CsvTable s = CsvTable.read(survOut);
        assertEquals("low", s.get(0, s.column("group")));
        // the optimal karno cut of maxstat is 40 (<= 40 low): count the low group in the data
        CsvTable v = CsvTable.read(vet);
        int low = 0;
        for (int i = 0; i < v.rowCount(); i++) {
            low += Double.parseDouble(v.get(i, v.column("karno"))) <= 40 ? 1 : 0;
        }
        assertEquals(low, Integer.parseInt(s.get(0, s.column("n"))));
        assertTrue(r.stdout.contains("DATA-CHOSEN") || r.stderr.contains("DATA-CHOSEN"), r.toString());

        Map<String, String> kw = RFixtures.expected("comparisons-expected.csv").get("plantgrowth");
        CsvTable k = CsvTable.read(kwOut);
        assertEquals(RFixtures.num(kw.get("kw.H")), Double.parseDouble(k.get(0, k.column("value"))), 1e-9);
        assertEquals(Math.min(1, 3 * RFixtures.num(kw.get("dunn.p.trt2-trt1"))),
                Double.parseDouble(k.get(3, k.column("p"))), 1e-9);
        // eta^2 and omega^2 with their 99 % interval (noncentral F) as the last Results rows
        Map<String, String> es = RFixtures.expected("effect-size-ci-expected.csv").get("unbalanced");
        CsvTable a = CsvTable.read(anovaOut);
        int last = a.rowCount() - 1;
        assertEquals("eta_squared", a.get(last - 1, a.column("test")));
        assertEquals("omega_squared", a.get(last, a.column("test")));
        assertEquals(RFixtures.num(es.get("eta2")), Double.parseDouble(a.get(last - 1, a.column("value"))), 1e-9);
        assertEquals(RFixtures.num(es.get("omega2")), Double.parseDouble(a.get(last, a.column("value"))), 1e-9);
        for (int row = last - 1; row <= last; row++) {
            assertEquals(RFixtures.num(es.get("eta2_low.0.99")), Double.parseDouble(a.get(row, a.column("ci_low"))), 1e-6);
            assertEquals(RFixtures.num(es.get("eta2_high.0.99")), Double.parseDouble(a.get(row, a.column("ci_high"))),
                    1e-6);
        }
        String all = r.stdout + r.stderr;
        assertTrue(all.contains("cut"), r.toString());
        assertFalse(all.contains("NOT REACHED"), r.toString());
    }
}
