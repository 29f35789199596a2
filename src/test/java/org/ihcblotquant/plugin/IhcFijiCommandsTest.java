package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the three IHC menu commands in a real ImageJ from a macro, by their menu labels and with
 * options alone (as a recorded macro or a -batch run does), and checks the Results against the
 * synthetic ground truth.
 */
class IhcFijiCommandsTest {

    @Test
    void menuCommandsRunFromAMacro(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(360, 270).tissueCover(0.6).seed(77).generate();
        Path slides = Files.createDirectories(dir.resolve("slides"));
        Path field = slides.resolve("S1_field.tif");
        new FileSaver(new ImagePlus("S1_field.tif", s.image)).saveAsTiff(field.toString());
        SyntheticIhc.Sample s2 = new SyntheticIhc().size(300, 200).tissueCover(0.5).seed(78).generate();
        new FileSaver(new ImagePlus("S1_other.tif", s2.image)).saveAsTiff(slides.resolve("S1_other.tif").toString());
        Path out = Files.createDirectories(dir.resolve("out"));
        String p = FijiMacroRunner.macroPath(dir);
        String macro = ""
                + "open(\"" + FijiMacroRunner.macroPath(field) + "\");\n"
                + "run(\"IHC Score\", \"stain=[H DAB] third=[cross product] background=auto thresholds=0.2,0.4,0.6 "
                + "tissue=auto marker=p-STAT3 show clear\");\n"
                + "saveAs(\"Results\", \"" + p + "/score.csv\");\n"
                + "File.saveString(\"\" + Overlay.size, \"" + p + "/overlay.txt\");\n"
                + "makeRectangle(0, 0, 120, 90);\n"
                + "run(\"IHC Score\", \"stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto clear\");\n"
                + "saveAs(\"Results\", \"" + p + "/roi.csv\");\n"
                + "run(\"Select None\");\n"
                + "run(\"Colour Deconvolution (OD)\", \"stain=[H DAB] third=[cross product] background=white\");\n"
                + "selectImage(\"S1_field.tif-DAB\");\n"
                + "getStatistics(area, mean);\n"
                + "File.saveString(\"\" + bitDepth() + \" \" + d2s(mean, 9), \"" + p + "/dab.txt\");\n"
                + "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(slides) + "] output=["
                + FijiMacroRunner.macroPath(out) + "] slide=[^(S\\\\d+)_] stain=[H DAB] background=auto "
                + "thresholds=0.2,0.4,0.6 tissue=auto marker=MDR-1\");\n"
                + "saveAs(\"Results\", \"" + p + "/batch.csv\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 180);

        Path score = dir.resolve("score.csv");
        assertTrue(Files.exists(score), r.toString());
        CsvTable t = CsvTable.read(score);
        assertEquals(1, t.rowCount(), r.toString());
        assertEquals("ok", t.get(0, t.column("status")));
        assertEquals("p-STAT3", t.get(0, t.column("marker")));
        double dab = Double.parseDouble(t.get(0, t.column("dab_mean_od")));
        assertTrue(Math.abs(dab - s.meanDab()) <= Math.max(0.01, 0.03 * s.meanDab()), dab + " vs " + s.meanDab());
        assertEquals(s.tissueFraction(), Double.parseDouble(t.get(0, t.column("tissue_fraction"))), 0.02);
        assertEquals(s.hScore(0.2, 0.4, 0.6), Double.parseDouble(t.get(0, t.column("h_score"))), 5);
        assertTrue(Integer.parseInt(new String(Files.readAllBytes(dir.resolve("overlay.txt")), "UTF-8").trim()) >= 2,
                "overlay with positive pixels and tissue outline");

        CsvTable roi = CsvTable.read(dir.resolve("roi.csv"));
        long roiTissue = 0;
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                if (s.tissue[y * 360 + x]) {
                    roiTissue++;
                }
            }
        }
        assertEquals(roiTissue / (120.0 * 90), Double.parseDouble(roi.get(0, roi.column("tissue_fraction"))), 0.03);

        String[] dabLine = new String(Files.readAllBytes(dir.resolve("dab.txt")), "UTF-8").trim().split(" ");
        assertEquals("32", dabLine[0]);
        int[] px = (int[]) s.image.getPixels();
        double oracle = 0;
        for (int q : px) {
            double odR = -Math.log10(Math.max((q >> 16) & 0xff, 1) / 255.0);
            double odG = -Math.log10(Math.max((q >> 8) & 0xff, 1) / 255.0);
            double odB = -Math.log10(Math.max(q & 0xff, 1) / 255.0);
            oracle += -0.689388 * odR + 0.023597 * odG + 1.508706 * odB;
        }
        assertEquals(oracle / px.length, Double.parseDouble(dabLine[1]), 1e-5);

        CsvTable batch = CsvTable.read(dir.resolve("batch.csv"));
        assertEquals(2, batch.rowCount());
        assertTrue(Files.exists(out.resolve("images.csv")) && Files.exists(out.resolve("slides.csv")));
        CsvTable slideTable = CsvTable.read(out.resolve("slides.csv"));
        assertEquals(1, slideTable.rowCount());
        assertEquals("S1", slideTable.get(0, 0));
        assertEquals("MDR-1", slideTable.get(0, 1));
        assertEquals("2", slideTable.get(0, slideTable.column("images")));

        // the same settings from the command line give the same numbers as the Fiji batch
        Path cliOut = dir.resolve("cli-images.csv");
        org.ihcblotquant.cli.CliRunner cliRun = org.ihcblotquant.cli.CliRunner.run("ihc", "--slide-pattern", "^(S\\d+)_", "--marker", "MDR-1", "--out",
                cliOut.toString(), "--quiet", slides.toString());
        assertEquals(0, cliRun.code, cliRun.toString());
        CsvTable fiji = CsvTable.read(out.resolve("images.csv"));
        CsvTable cli = CsvTable.read(cliOut);
        assertEquals(fiji.header(), cli.header());
        assertEquals(fiji.rowCount(), cli.rowCount());
        for (int i = 0; i < fiji.rowCount(); i++) {
            assertEquals(fiji.row(i), cli.row(i), "row " + i);
        }
    }

    // bad input in a batch macro: see MacroErrorPolicyTest (every command, one ImageJ run)

    /** IHC Batch with a mask folder gives the same table as ihcq ihc --masks. */
    @Test
    void batchWithMaskFolderMatchesTheCommandLine(@TempDir Path dir) throws Exception {
        Path slides = Files.createDirectories(dir.resolve("slides"));
        SyntheticIhc.Sample s = new SyntheticIhc().size(200, 150).tissueCover(0.7).seed(5).generate();
        new FileSaver(new ImagePlus("X_1.tif", s.image)).saveAsTiff(slides.resolve("X_1.tif").toString());
        Path masks = Files.createDirectories(dir.resolve("masks"));
        ij.process.ByteProcessor m = new ij.process.ByteProcessor(200, 150);
        m.setColor(255);
        m.setRoi(50, 0, 100, 150);
        m.fill();
        new FileSaver(new ImagePlus("mask", m)).saveAsPng(masks.resolve("X_1.png").toString());
        Path out = Files.createDirectories(dir.resolve("out"));
        String macro = "run(\"IHC Batch\", \"input=[" + FijiMacroRunner.macroPath(slides) + "] output=["
                + FijiMacroRunner.macroPath(out) + "] mask=[" + FijiMacroRunner.macroPath(masks)
                + "] stain=[H DAB] background=auto thresholds=0.2,0.4,0.6 tissue=auto marker=IL-6\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 120);
        assertTrue(Files.exists(out.resolve("images.csv")), r.toString());
        Path cliOut = dir.resolve("cli.csv");
        org.ihcblotquant.cli.CliRunner cli = org.ihcblotquant.cli.CliRunner.run("ihc", "--masks", masks.toString(),
                "--marker", "IL-6", "--out", cliOut.toString(), "--quiet", slides.toString());
        assertEquals(0, cli.code, cli.toString());
        CsvTable fiji = CsvTable.read(out.resolve("images.csv"));
        CsvTable c = CsvTable.read(cliOut);
        assertEquals(c.row(0), fiji.row(0));
        assertEquals("ok", c.get(0, c.column("status")));
        long tissue = 0;
        for (int y = 0; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                if (s.tissue[y * 200 + x]) {
                    tissue++;
                }
            }
        }
        assertEquals(tissue / (100.0 * 150), Double.parseDouble(c.get(0, c.column("tissue_fraction"))), 0.02);
    }
}
