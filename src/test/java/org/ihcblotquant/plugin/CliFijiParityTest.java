package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fiji commands and the command line give the same tables, for blot and statistics (IHC has
 * its own in IhcFijiCommandsTest), in one ImageJ run; and the README's statistics examples on
 * IHC Batch output work as printed (per-image rows pooled by slide for the join with the clinical
 * sheet, with a warning saying so).
 */
class CliFijiParityTest {

    @Test
    void blotAndStatisticsTablesMatchTheCommandLine(@TempDir Path dir) throws Exception {
        // a blot
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2)
                .row("target", 100, 4, 22500, 35000, 15000, 50000, 27500, 8750, 40000, 20000)
                .row("actin", 200, 4, 37500, 33750, 41250, 35000, 38750, 31250, 40000, 36250).render();
        Path film = dir.resolve("film.tif");
        new FileSaver(new ImagePlus("film.tif", b.image)).saveAsTiff(film.toString());
        // group data and R's aml survival data
        Path pg = Files.write(dir.resolve("pg.csv"), ("weight,group\n4.17,ctrl\n5.58,ctrl\n5.18,ctrl\n6.11,ctrl\n"
                + "4.81,trt1\n4.17,trt1\n4.41,trt1\n3.59,trt1\n6.31,trt2\n5.12,trt2\n5.54,trt2\n5.50,trt2\n")
                .getBytes(StandardCharsets.UTF_8));
        Path aml = org.ihcblotquant.scijava.ScijavaCommandsTestData.aml(dir.resolve("aml.csv"));
        // IHC slides: P1, P2 weak, P3, P4 strong; two fields each; a clinical sheet per slide
        Path slides = Files.createDirectories(dir.resolve("slides"));
        for (int p = 1; p <= 4; p++) {
            double level = p <= 2 ? 0.1 : 0.8;
            for (int k = 1; k <= 2; k++) {
                SyntheticIhc.Sample s = new SyntheticIhc().size(100, 80).tissueCover(0.7)
                        .dab(new double[] {level}, new double[] {1}).seed(10 * p + k).generate();
                new FileSaver(new ImagePlus("x", s.image)).saveAsTiff(slides.resolve("P" + p + "_" + k + ".tif")
                        .toString());
            }
        }
        Path clinical = Files.write(dir.resolve("clinical.csv"), ("slide,response,os_months,death\n"
                + "P1,sensitive,40,0\nP2,sensitive,35,1\nP3,resistant,12,1\nP4,resistant,20,1\n")
                .getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out");
        // a JPEG field for IHC Score: the lossy-JPEG note, as the batch gives it
        Path jpg = dir.resolve("field.jpg");
        javax.imageio.ImageIO.write(new SyntheticIhc().size(100, 80).tissueCover(0.7).seed(5).generate().image
                .getBufferedImage(), "jpeg", jpg.toFile());

        String m = "open(\"" + FijiMacroRunner.macroPath(film) + "\");\n"
                + "run(\"Blot Analyze\", \"rows=target,actin control=actin reference=1 lanes=0 polarity=auto "
                + "background=profile minimum=3 cv_limit=20\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(dir.resolve("fiji-blot.csv")) + "\");\n"
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(pg) + "] value=weight group=group"
                + " test=[One-way ANOVA + Tukey HSD] write=[" + FijiMacroRunner.macroPath(dir.resolve("fiji-anova"))
                + "]\");\n"
                + "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(aml) + "] time=time event=status"
                + " group=x write=[" + FijiMacroRunner.macroPath(dir.resolve("fiji-km")) + "]\");\n"
                // the README's IHC-to-statistics path
                + "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(slides) + "] output=["
                + FijiMacroRunner.macroPath(out) + "] slide=[^(P\\\\d+)_] stain=[H DAB] background=auto"
                + " thresholds=0.2,0.4,0.6 tissue=auto marker=MDR-1\");\n"
                + "run(\"Compare Groups\", \"table=[" + FijiMacroRunner.macroPath(out.resolve("images.csv"))
                + "] join=[" + FijiMacroRunner.macroPath(clinical) + "] on=slide value=dab_mean_od group=response"
                + " test=[Welch t-test] error=SD write=[" + FijiMacroRunner.macroPath(dir.resolve("fiji-readme"))
                + "]\");\n"
                + "run(\"Survival Analysis\", \"table=[" + FijiMacroRunner.macroPath(out.resolve("slides.csv"))
                + "] join=[" + FijiMacroRunner.macroPath(clinical) + "] on=slide time=os_months event=death"
                + " score=h_score cut=100 at=0,12,24,36 save=[" + FijiMacroRunner.macroPath(dir.resolve("km.svg"))
                + "]\");\n"
                + "open(\"" + FijiMacroRunner.macroPath(jpg) + "\");\n"
                + "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto clear\");\n"
                + "print(\"NOTES=\" + getResultString(\"notes\", 0));\n"
                + "print(\"END\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(m, dir, 240);
        assertTrue(r.stdout.contains("END"), r.toString());

        // blot: the Results table (9 decimals) against the CLI's CSV (full precision)
        CliRunner cli = CliRunner.run("blot", film.toString(), "--rows", "target,actin", "--control", "actin", "--out",
                dir.resolve("cli-blot.csv").toString());
        assertEquals(0, cli.code, cli.toString());
        assertSameTable(CsvTable.read(dir.resolve("cli-blot.csv")), CsvTable.read(dir.resolve("fiji-blot.csv")), 1e-7);

        // statistics: both written by the jobs' writer, so equal cell for cell
        cli = CliRunner.run("stats", "anova", "--table", pg.toString(), "--value", "weight", "--group", "group", "--csv",
                dir.resolve("cli-anova.csv").toString());
        assertEquals(0, cli.code, cli.toString());
        assertSameTable(CsvTable.read(dir.resolve("cli-anova.csv")),
                CsvTable.read(dir.resolve("fiji-anova").resolve("compare_groups_test.csv")), 0);
        assertSameTable(CsvTable.read(dir.resolve("cli-anova_descriptives.csv")),
                CsvTable.read(dir.resolve("fiji-anova").resolve("compare_groups_descriptives.csv")), 0);
        cli = CliRunner.run("stats", "survival", "--table", aml.toString(), "--time", "time", "--event", "status",
                "--group", "x", "--csv", dir.resolve("cli-km.csv").toString());
        assertEquals(0, cli.code, cli.toString());
        assertSameTable(CsvTable.read(dir.resolve("cli-km.csv")),
                CsvTable.read(dir.resolve("fiji-km").resolve("kaplan_meier.csv")), 0);
        assertSameTable(CsvTable.read(dir.resolve("cli-km_summary.csv")),
                CsvTable.read(dir.resolve("fiji-km").resolve("survival_summary.csv")), 0);

        // the README example: 8 image rows pooled to 4 slides, 2 per group, with a warning
        CsvTable readme = CsvTable.read(dir.resolve("fiji-readme").resolve("compare_groups_descriptives.csv"));
        assertEquals("2", readme.get(0, readme.column("n")), r.toString());
        assertEquals("2", readme.get(1, readme.column("n")));
        assertTrue(r.stderr.contains("8 rows of ") && r.stderr.contains("pooled to 4 by slide"), r.toString());
        cli = CliRunner.run("stats", "ttest", "--table", out.resolve("images.csv").toString(), "--join",
                clinical.toString(), "--on", "slide", "--value", "dab_mean_od", "--group", "response", "--csv",
                dir.resolve("cli-readme.csv").toString());
        assertEquals(0, cli.code, cli.toString());
        assertSameTable(CsvTable.read(dir.resolve("cli-readme.csv")),
                CsvTable.read(dir.resolve("fiji-readme").resolve("compare_groups_test.csv")), 0);
        assertTrue(Files.size(dir.resolve("km.svg")) > 1000, r.toString());
        // IHC Score on a JPEG notes it as the batch does, and warns once
        assertTrue(r.stdout.contains("NOTES=lossy JPEG input"), r.toString());
        assertTrue(r.stderr.contains("IHC Score warning: field.jpg: lossy JPEG input"), r.toString());
    }

    /** Same header and cells: text equal, numbers equal within a relative tolerance. */
    private static void assertSameTable(CsvTable expected, CsvTable actual, double tol) {
        // ImageJ's saveAs("Results") adds a row-number column without a name
        int skip = actual.header().get(0).trim().isEmpty() ? 1 : 0;
        assertEquals(expected.header(), actual.header().subList(skip, actual.header().size()));
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int i = 0; i < expected.rowCount(); i++) {
            for (int c = 0; c < expected.header().size(); c++) {
                String e = expected.get(i, c);
                String a = actual.get(i, c + skip);
                if (tol == 0 || e.equals(a)) {
                    assertEquals(e, a, "row " + i + " " + expected.header().get(c));
                    continue;
                }
                double de = Double.parseDouble(e);
                double da = Double.parseDouble(a);
                assertEquals(de, da, tol * Math.max(1, Math.abs(de)), "row " + i + " " + expected.header().get(c));
            }
        }
    }
}
