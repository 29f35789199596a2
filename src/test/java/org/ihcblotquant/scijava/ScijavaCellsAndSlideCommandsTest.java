package org.ihcblotquant.scijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * The SciJava commands of the cell, stain-estimate and whole-slide use cases, run headless as a
 * script runs them, against the ground truth built into synthetic fields and slides (nuclei,
 * classes, known stain vectors, tissue and DAB levels); bad input names the parameter.
 */
class ScijavaCellsAndSlideCommandsTest {
    private static Context context;
    private static CommandService commands;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
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

    private static double[] unit(double... v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    void cellsFindTheTrueNucleiAndClasses(@TempDir Path dir) throws Exception {
        SyntheticNuclei.Field f = new SyntheticNuclei().size(800, 600).seed(11).generate();
        ImagePlus imp = new ImagePlus("nuclei.tif", f.image);
        Path csv = dir.resolve("cells.csv");
        CommandModule m = run(CellsCommand.class, "image", imp, "marker", "Ki67", "save", csv.toFile());
        ResultsTable rt = (ResultsTable) m.getOutput("results");
        assertEquals(1, rt.size());
        assertEquals("ok", rt.getStringValue("status", 0));
        assertEquals("Ki67", rt.getStringValue("marker", 0));
        int truth = f.nuclei.size();
        double found = rt.getValue("nuclei", 0);
        // issue 10's accuracy bars: count within 10 %, positive % within 5 points, cell H-score within 15
        assertEquals(truth, found, 0.10 * truth, "nuclei found vs true");
        assertEquals(f.positivePct(0.2, 0.4, 0.6), rt.getValue("positive_pct", 0), 5);
        assertEquals(f.hScore(0.2, 0.4, 0.6), rt.getValue("cell_h_score", 0), 15);
        ResultsTable cells = (ResultsTable) m.getOutput("cells");
        assertEquals(found, cells.size(), "one row per detected cell");
        assertEquals(cells.size(), CsvTable.read(csv).rowCount(), "the saved per-cell table");

        // a stricter weak threshold can only lower the positive share (same nuclei, same ODs)
        ResultsTable strict = (ResultsTable) run(CellsCommand.class, "image", imp, "thresholds", "0.5,0.6,0.7")
                .getOutput("results");
        assertEquals(found, strict.getValue("nuclei", 0));
        assertTrue(strict.getValue("positive_pct", 0) < rt.getValue("positive_pct", 0));

        String bad = failure(CellsCommand.class, "image", imp, "nucleus", "10");
        assertTrue(bad.startsWith("IHC Cells: nucleus: "), bad);
        bad = failure(CellsCommand.class, "image", imp, "thresholds", "0.6,0.4,0.2");
        assertTrue(bad.startsWith("IHC Cells: thresholds: "), bad);
    }

    @Test
    void estimatedVectorsAreTheKnownOnesWithinThreeDegrees() throws Exception {
        double[] h = unit(0.55, 0.75, 0.37);
        double[] dab = unit(0.35, 0.60, 0.72);
        StainVectors truth = StainVectors.parse("H:" + h[0] + "," + h[1] + "," + h[2] + ";DAB:" + dab[0] + ","
                + dab[1] + "," + dab[2]);
        SyntheticNuclei.Field f = new SyntheticNuclei().size(700, 500).vectors(truth).blush(0.8).seed(3).generate();
        CommandModule m = run(EstimateStainVectorsCommand.class, "image", new ImagePlus("field.tif", f.image));
        ResultsTable rt = (ResultsTable) m.getOutput("results");
        assertEquals(2, rt.size());
        StainVectors got = StainVectors.parse((String) m.getOutput("vectors"));
        double[][] est = {got.stains().get(0).vector(), got.stains().get(1).vector()};
        assertTrue(StainVectorEstimator.angleDeg(est[0], h) < 3, "hematoxylin");
        assertTrue(StainVectorEstimator.angleDeg(est[1], dab) < 3, "DAB");
        assertEquals(1, got.dabIndex());
        // the table holds the same vectors as the spec
        assertTrue(StainVectorEstimator.angleDeg(new double[] {rt.getValue("r", 1), rt.getValue("g", 1),
            rt.getValue("b", 1)}, dab) < 3);

        // glass with next to no tissue: refused, naming the parameter
        ImagePlus empty = new ImagePlus("glass.tif", new SyntheticIhc().size(300, 200).tissueCover(0).seed(2)
                .generate().image);
        String bad = failure(EstimateStainVectorsCommand.class, "image", empty);
        assertTrue(bad.startsWith("Estimate Stain Vectors: image: ") && bad.contains("too little stain"), bad);
    }

    @Test
    void slideScoreEqualsTheTruthOfItsPixels(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(900, 700).tissueCover(0.5).seed(21).generate();
        Path png = Vips.png((int[]) s.image.getPixels(), 900, 700, dir.resolve("slide.png"));
        Path slide = dir.resolve("S3_slide.tif");
        Vips.run("vips", "tiffsave", png.toString(), slide.toString(), "--tile", "--pyramid", "--compression",
                "deflate", "--tile-width", "256", "--tile-height", "256");
        CommandModule m = run(IhcSlideCommand.class, "open", slide.toFile(), "level", "0", "marker", "p-STAT3");
        ResultsTable rt = (ResultsTable) m.getOutput("results");
        assertEquals(1, rt.size());
        assertEquals("ok", rt.getStringValue("status", 0));
        assertEquals("p-STAT3", rt.getStringValue("marker", 0));
        assertEquals(0, rt.getValue("level", 0));
        assertEquals(s.tissueFraction(), rt.getValue("tissue_fraction", 0), 0.03);
        assertEquals(s.hScore(0.2, 0.4, 0.6), rt.getValue("h_score", 0), 12);
        ImagePlus ov = (ImagePlus) m.getOutput("overview");
        assertTrue(ov.getOverlay() != null && ov.getWidth() > 0);

        String bad = failure(IhcSlideCommand.class, "open", slide.toFile(), "level", "x");
        assertTrue(bad.startsWith("IHC Score Slide: level: "), bad);
        bad = failure(IhcSlideCommand.class, "open", dir.resolve("none.svs").toFile());
        assertTrue(bad.contains("none.svs: file not found"), bad);
        assertTrue(Files.exists(slide), "input untouched");
    }
}
