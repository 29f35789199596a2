package org.ihcblotquant.scijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Every SciJava command, run headless the way a Fiji script or PyImageJ runs it: a context with
 * scijava-common alone, {@code CommandService.run(..., inputs).get()}, outputs by parameter name.
 * Values are checked against independent oracles (ground truth built into synthetic images,
 * formulas, R's survival results); bad input fails with the parameter's name.
 */
class ScijavaCommandsTest {
    private static Context context;
    private static CommandService commands;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
        // the expected failures below would each log a stack trace; the tests check their messages
        context.service(org.scijava.log.LogService.class).setLevel(org.scijava.log.LogLevel.NONE);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... kv) throws Exception {
        Map<String, Object> in = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            in.put((String) kv[i], kv[i + 1]);
        }
        return commands.run(c, true, in).get();
    }

    private static String failure(Class<? extends org.scijava.command.Command> c, Object... kv) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(c, kv));
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void everyCommandIsFoundWithAMenuLabelOfItsOwn() {
        List<CommandInfo> ours = new java.util.ArrayList<>();
        for (CommandInfo ci : commands.getCommands()) {
            if (ci.getClassName().startsWith("org.ihcblotquant.scijava.")) {
                ours.add(ci);
            }
        }
        assertEquals(13, ours.size(), ours.toString()); // 9 + Cox Regression (issue 11) + IHC Cells, Estimate Stain Vectors, IHC Score Slide
        for (CommandInfo ci : ours) {
            String label = ci.getMenuPath().getLeaf().getName();
            assertTrue(label.endsWith(" (script)") && ci.getMenuPath().get(0).getName().equals("Analyze")
                    && ci.getMenuPath().get(1).getName().equals("IHC Blot Quant"), ci.getMenuPath().toString());
            assertTrue(ci.canRunHeadless(), ci.getClassName());
        }
    }

    @Test
    void ihcScoreAndDeconvolutionOfASyntheticSlide() throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(240, 180).tissueCover(0.6).seed(3).generate();
        ImagePlus imp = new ImagePlus("field.tif", s.image);
        CommandModule m = run(IhcScoreCommand.class, "image", imp, "marker", "p-STAT3");
        ResultsTable rt = (ResultsTable) m.getOutput("results");
        assertEquals(1, rt.size());
        assertEquals("ok", rt.getStringValue("status", 0));
        assertEquals("p-STAT3", rt.getStringValue("marker", 0));
        assertEquals(s.tissueFraction(), rt.getValue("tissue_fraction", 0), 0.03);
        assertEquals(s.hScore(0.2, 0.4, 0.6), rt.getValue("h_score", 0), 12);

        String bad = failure(IhcScoreCommand.class, "image", imp, "thresholds", "0.6,0.4,0.2");
        assertTrue(bad.startsWith("IHC Score: thresholds: 0.6,0.4,0.2 must increase"), bad);
        assertTrue(failure(IhcScoreCommand.class, "image", imp, "tissue", "9").startsWith("IHC Score: tissue: "));

        CommandModule d = run(DeconvolveCommand.class, "image", imp);
        ImagePlus dab = (ImagePlus) d.getOutput("od2");
        assertEquals("field.tif-DAB", dab.getTitle());
        assertTrue(dab.getProcessor() instanceof FloatProcessor);
        // mean DAB OD over true tissue pixels equals the synthetic truth
        float[] od = (float[]) dab.getProcessor().getPixels();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < od.length; i++) {
            if (s.tissue[i]) {
                sum += od[i];
                n++;
            }
        }
        assertEquals(s.meanDab(), sum / n, 0.03);
        assertTrue(((String) dab.getProperty("Info")).contains("stain: DAB"));
        assertTrue(failure(DeconvolveCommand.class, "image", imp, "background", "0,0,0")
                .startsWith("Colour Deconvolution: background: "));
    }

    @Test
    void ihcBatchWritesTablesAndReturnsThem(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 1; i <= 2; i++) {
            SyntheticIhc.Sample s = new SyntheticIhc().size(120, 90).tissueCover(0.6).seed(i).generate();
            new FileSaver(new ImagePlus("P1_" + i, s.image)).saveAsTiff(in.resolve("P1_" + i + ".tif").toString());
        }
        Path out = dir.resolve("out");
        CommandModule m = run(IhcBatchCommand.class, "input", in.toFile(), "output", out.toFile(), "slide",
                "^(P\\d+)_");
        ResultsTable images = (ResultsTable) m.getOutput("images");
        ResultsTable slides = (ResultsTable) m.getOutput("slides");
        assertEquals(2, images.size());
        assertEquals(1, slides.size());
        assertEquals("P1", slides.getStringValue("slide", 0));
        assertEquals(2, CsvTable.read(out.resolve("images.csv")).rowCount());
        String bad = failure(IhcBatchCommand.class, "input", in.toFile(), "output", out.toFile(), "mask",
                dir.resolve("none").toFile());
        assertTrue(bad.startsWith("IHC Batch: mask: "), bad);
    }

    @Test
    void blotAnalyzeAndMeasureFindTheTrueRatios() throws Exception {
        double[] target = {22500, 35000, 15000, 50000, 27500, 8750};
        double[] actin = {37500, 33750, 41250, 35000, 38750, 31250};
        SyntheticBlot.Blot b = new SyntheticBlot().size(420, 300).equalLanes(6, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, target).row("actin", 200, 4, actin).render();
        ImagePlus imp = new ImagePlus("blot.tif", b.image);
        CommandModule m = run(BlotAnalyzeCommand.class, "image", imp, "rows", "target,actin", "control", "actin");
        ResultsTable rt = (ResultsTable) m.getOutput("results");
        assertEquals(12, rt.size());
        StringBuilder boxes = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            assertEquals("target", rt.getStringValue("protein", i));
            double truth = b.relative(0, 1, i + 1, 1);
            assertEquals(truth, rt.getValue("relative", i), 0.05 * truth, "lane " + (i + 1));
        }
        for (int i = 0; i < 12; i++) {
            boxes.append(boxes.length() == 0 ? "" : ";").append("lane").append((int) rt.getValue("lane", i)).append(':')
                    .append(rt.getStringValue("protein", i)).append('=').append((int) rt.getValue("x", i)).append(',')
                    .append((int) rt.getValue("y", i)).append(',').append((int) rt.getValue("width", i)).append(',')
                    .append((int) rt.getValue("height", i));
        }
        assertTrue(((String) m.getOutput("provenance")).contains("control: actin"));
        // the same boxes re-measured give the same numbers
        CommandModule again = run(BlotMeasureCommand.class, "image", imp, "boxes", boxes.toString(), "control", "actin");
        ResultsTable rt2 = (ResultsTable) again.getOutput("results");
        for (int i = 0; i < 6; i++) {
            assertEquals(rt.getValue("relative", i), rt2.getValue("relative", i), 0.02 * rt.getValue("relative", i));
        }
        assertTrue(failure(BlotAnalyzeCommand.class, "image", imp, "polarity", "sideways")
                .startsWith("Blot Analyze: polarity: 'sideways'"));
        String ref = failure(BlotAnalyzeCommand.class, "image", imp, "rows", "target,actin", "reference", "9");
        assertTrue(ref.startsWith("Blot Analyze: reference: 9: lanes are numbered 1..6"), ref);
        assertTrue(failure(BlotMeasureCommand.class, "image", imp, "boxes", "lane1:actin=1,2")
                .startsWith("Blot Measure: boxes: "));
    }

    @Test
    void compareGroupsGivesWelchsTest(@TempDir Path dir) throws Exception {
        double[] x = {4.2, 5.1, 3.9, 4.8, 5.5};
        double[] y = {6.1, 5.9, 7.2, 6.6, 6.0, 7.4};
        StringBuilder csv = new StringBuilder("value,arm\n");
        for (double v : x) {
            csv.append(v).append(",a\n");
        }
        for (double v : y) {
            csv.append(v).append(",b\n");
        }
        Path f = Files.write(dir.resolve("t.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        CommandModule m = run(CompareGroupsCommand.class, "table", f.toFile(), "value", "value", "group", "arm");
        ResultsTable t = (ResultsTable) m.getOutput("summary");
        // Welch's t from its formula
        double mx = mean(x);
        double my = mean(y);
        double vx = var(x, mx) / x.length;
        double vy = var(y, my) / y.length;
        double tw = (mx - my) / Math.sqrt(vx + vy);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        assertEquals(tw, t.getValue("value", 0), 1e-9);
        assertEquals(df, t.getValue("df", 0), 1e-9);
        ResultsTable d = (ResultsTable) m.getOutput("descriptives");
        assertEquals(mx, d.getValue("mean", 0), 1e-12);
        String bad = failure(CompareGroupsCommand.class, "table", f.toFile(), "value", "value", "group", "arm",
                "confidence", 2.0);
        assertTrue(bad.startsWith("Compare Groups: confidence: must be between 0 and 1"), bad);
        // a ResultsTable as input (e.g. the output of another command) gives the same test
        CommandModule fromTable = run(CompareGroupsCommand.class, "results", t.size() > 0 ? resultsOf(x, y) : null,
                "value", "value", "group", "arm");
        assertEquals(tw, ((ResultsTable) fromTable.getOutput("summary")).getValue("value", 0), 1e-9);
    }

    private static ResultsTable resultsOf(double[] x, double[] y) {
        ResultsTable rt = new ResultsTable();
        for (double v : x) {
            rt.incrementCounter();
            rt.addValue("value", v);
            rt.addValue("arm", "a");
        }
        for (double v : y) {
            rt.incrementCounter();
            rt.addValue("value", v);
            rt.addValue("arm", "b");
        }
        return rt;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double var(double[] v, double m) {
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s / (v.length - 1);
    }

    @Test
    void survivalMatchesR(@TempDir Path dir) throws Exception {
        File aml = ScijavaCommandsTestData.aml(dir.resolve("aml.csv")).toFile();
        Path tables = dir.resolve("tables");
        CommandModule m = run(SurvivalCommand.class, "table", aml, "time", "time", "event", "status", "group", "x",
                "write", tables.toFile());
        ResultsTable s = (ResultsTable) m.getOutput("summary");
        // survfit(Surv(time, status) ~ x, aml): medians 31 and 23; survdiff chisq 3.396
        assertEquals(31.0, s.getValue("median", 0), 0);
        assertEquals(23.0, s.getValue("median", 1), 0);
        assertEquals(3.396388698977602, s.getValue("logrank_chisq", 0), 1e-6);
        assertEquals(20, ((ResultsTable) m.getOutput("kaplan_meier")).size());
        assertTrue(Files.exists(tables.resolve("kaplan_meier.csv")));
        // a path given as text (as PyImageJ passes a Python string) is converted to the File parameter
        CommandModule fromText = run(SurvivalCommand.class, "table", aml.toString(), "time", "time", "event",
                "status", "group", "x");
        assertEquals(31.0, ((ResultsTable) fromText.getOutput("summary")).getValue("median", 0), 0);
        String bad = failure(SurvivalCommand.class, "table", aml, "time", "time", "event", "status", "level", 1.5);
        assertTrue(bad.startsWith("Survival Analysis: level: must be between 0 and 1"), bad);
    }
}
