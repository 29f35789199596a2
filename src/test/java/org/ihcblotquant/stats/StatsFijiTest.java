package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two Fiji commands in a real ImageJ (-batch, Xvfb), run from macro options alone as a
 * recorded macro would: no dialog may wait, the Results table must hold R's numbers, and the
 * Plot shown in batch mode must not hang.
 */
class StatsFijiTest {

    /** Macro code that puts a reference data set into the system Results table with setResult. */
    private static String fillResults(String dataset) throws Exception {
        StringBuilder sb = new StringBuilder("run(\"Clear Results\");\n");
        java.util.Set<String> cols = ReferenceData.columns(dataset).keySet();
        for (String c : cols) {
            sb.append("v_").append(c).append(" = newArray(").append(String.join(",", ReferenceData.strings(dataset, c)))
                    .append(");\n");
        }
        String first = cols.iterator().next();
        sb.append("for (i = 0; i < v_").append(first).append(".length; i++) {\n");
        for (String c : cols) {
            sb.append("  setResult(\"").append(c).append("\", i, v_").append(c).append("[i]);\n");
        }
        sb.append("}\nupdateResults();\n");
        return sb.toString();
    }

    @Test
    void compareGroupsAndSurvivalRunFromAMacro(@TempDir Path dir) throws Exception {
        Path pg = ReferenceData.writeCsv("PlantGrowth", dir.resolve("plantgrowth.csv"));
        Path sleep = ReferenceData.writeCsv("sleep", dir.resolve("sleep.csv"));
        Path aml = ReferenceData.writeCsv("aml", dir.resolve("aml.csv"));
        Path anovaOut = dir.resolve("anova.csv");
        Path welchOut = dir.resolve("welch.csv");
        Path pairedOut = dir.resolve("paired.csv");
        Path kmOut = dir.resolve("km.csv");
        Path png = dir.resolve("km.png");
        String macro = ""
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg) + "] value=weight group=group"
                + " test=[One-way ANOVA + Tukey HSD] error=SEM\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(anovaOut) + "\");\n"
                // the ImageJ Plot shown in batch mode is the current image
                + "print(\"plot image: \" + getTitle() + \" \" + getWidth() + \"x\" + getHeight());\n"
                + "saveAs(\"PNG\", \"" + FijiMacroRunner.macroPath(dir.resolve("ij-bars.png")) + "\");\n"
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(sleep) + "] value=extra group=group"
                + " test=[Welch t-test]\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(welchOut) + "\");\n"
                // the Results table itself as input: the sleep data, then the paired test on it
                + fillResults("sleep")
                + "run(\"Compare Groups\", \"table=[] value=extra group=group test=[Paired t-test] pair=ID\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(pairedOut) + "\");\n"
                + "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(aml) + "] time=time event=status"
                + " group=x confidence=log at=0,20,40 bands save=[" + FijiMacroRunner.macroPath(png) + "]"
                + " write=[" + FijiMacroRunner.macroPath(dir.resolve("tables")) + "]\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(kmOut) + "\");\n"
                + "saveAs(\"PNG\", \"" + FijiMacroRunner.macroPath(dir.resolve("ij-km.png")) + "\");\n"
                + "print(\"done\");\n"
                // bad input: a message naming the column, no dialog that would hang the batch run, and the
                // macro stops there
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg) + "] value=nope group=group"
                + " test=[Welch t-test]\");\n"
                + "print(\"NOT REACHED\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 150);
        assertTrue(Files.exists(kmOut), r.toString());

        CsvTable anova = CsvTable.read(anovaOut);
        int p = anova.column("p");
        int stat = anova.column("value");
        assertEquals(4.846087862380138, Double.parseDouble(anova.get(0, stat)), 1e-6, r.toString());
        assertEquals(0.01590995832562288, Double.parseDouble(anova.get(0, p)), 1e-8);
        // Tukey trt2-trt1 adjusted p (R TukeyHSD: 0.0120064)
        assertEquals("trt2-trt1", anova.get(3, anova.column("comparison")));
        assertEquals(0.012006423979493142, Double.parseDouble(anova.get(3, p)), 1e-7);

        CsvTable welch = CsvTable.read(welchOut);
        assertEquals(-1.8608134674868526, Double.parseDouble(welch.get(0, welch.column("value"))), 1e-6);
        assertEquals(17.776473516178488, Double.parseDouble(welch.get(0, welch.column("df"))), 1e-6);
        assertEquals(0.0793941401873583, Double.parseDouble(welch.get(0, welch.column("p"))), 1e-8);

        CsvTable paired = CsvTable.read(pairedOut);
        assertEquals(-4.062127683382037, Double.parseDouble(paired.get(0, paired.column("value"))), 1e-6);
        assertEquals(0.002832890197384273, Double.parseDouble(paired.get(0, paired.column("p"))), 1e-8);

        CsvTable km = CsvTable.read(kmOut);
        assertEquals("Maintained", km.get(0, km.column("group")));
        assertEquals(31.0, Double.parseDouble(km.get(0, km.column("median"))), 0);
        assertEquals(23.0, Double.parseDouble(km.get(1, km.column("median"))), 0);
        assertEquals(3.396388698977602, Double.parseDouble(km.get(0, km.column("logrank_chisq"))), 1e-6);
        assertEquals(2.4981053261722796, Double.parseDouble(km.get(1, km.column("hr_cox"))), 1e-6);
        assertTrue(Files.size(png) > 1000, "plot written");
        // the Kaplan-Meier table written next to it, with provenance comments
        CsvTable kmTable = CsvTable.read(dir.resolve("tables").resolve("kaplan_meier.csv"));
        assertEquals(20, kmTable.rowCount());
        assertEquals(0.7541338450815255, Double.parseDouble(kmTable.get(0, kmTable.column("lower"))), 1e-9);
        assertTrue(new String(Files.readAllBytes(dir.resolve("tables").resolve("kaplan_meier.csv")), "UTF-8")
                .startsWith("# tool: IHC Blot Quant"));
        assertTrue(r.stdout.contains("done"), r.toString());
        assertTrue(!r.stdout.contains("NOT REACHED"), r.toString());
        assertTrue(r.stderr.contains("Compare Groups: ") && r.stderr.contains("missing column 'nope'"), r.toString());
        assertTrue(r.stdout.contains("plot image: Compare Groups: weight"), r.stdout);
        assertTrue(Files.size(dir.resolve("ij-km.png")) > 1000);
        String keep = System.getProperty("ihcq.keepPlots");
        if (keep != null) {
            Files.copy(dir.resolve("ij-bars.png"), java.nio.file.Paths.get(keep, "ij-bars.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dir.resolve("ij-km.png"), java.nio.file.Paths.get(keep, "ij-km.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
