package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;

/** Blot Analyze and Blot Measure in a real ImageJ, driven by a -batch macro from options alone. */
class BlotPluginsMacroTest {

    static final double[] TARGET = {22500, 35000, 15000, 50000, 27500, 8750, 40000};
    static final double[] ACTIN = {37500, 33750, 41250, 35000, 38750, 31250, 40000};

    @Test
    void mergeKeyMeasuresADoubletAsOneRow(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = org.ihcblotquant.blot.DoubletTestData.blot();
        Path tif = dir.resolve("doublet.tif");
        new FileSaver(new ImagePlus("doublet", b.image)).saveAsTiff(tif.toString());
        Path r1 = dir.resolve("merged.csv");
        String macro = "open(\"" + FijiMacroRunner.macroPath(tif) + "\");\n"
                + "run(\"Blot Analyze\", \"rows=doublet,actin control=actin reference=1 lanes=0 polarity=auto "
                + "background=profile minimum=3 cv_limit=20 merge\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(r1) + "\");\n";
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro, dir, 120);
        assertTrue(r1.toFile().exists(), res.toString());
        CsvTable t = CsvTable.read(r1);
        assertEquals(12, t.rowCount(), res.toString()); // 6 lanes x 2 rows: the doublet is one row
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.get(i, t.column("protein")).equals("doublet")) {
                int k = Integer.parseInt(t.get(i, t.column("lane")));
                double truth = (b.volumes[0][k - 1] + b.volumes[1][k - 1]) / b.volumes[2][k - 1]
                        / ((b.volumes[0][0] + b.volumes[1][0]) / b.volumes[2][0]);
                assertEquals(truth, Double.parseDouble(t.get(i, t.column("relative"))), 0.05 * truth, "lane " + k);
            }
        }
    }

    @Test
    void analyzeThenMeasureEditedRois(@TempDir Path dir) throws Exception {
        SyntheticBlot.Blot b = new SyntheticBlot().size(440, 300).equalLanes(7, 45).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, TARGET).row("actin", 200, 4, ACTIN).render();
        Path tif = dir.resolve("blot.tif");
        new FileSaver(new ImagePlus("blot", b.image)).saveAsTiff(tif.toString());
        Path r1 = dir.resolve("analyze.csv");
        Path r2 = dir.resolve("measure.csv");
        String macro = "open(\"" + FijiMacroRunner.macroPath(tif) + "\");\n"
                + "run(\"Blot Analyze\", \"rows=target,actin control=actin reference=1 lanes=0 polarity=auto "
                + "background=border minimum=3 cv_limit=20 plot\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(r1) + "\");\n"
                + "selectImage(\"blot.tif\");\n"
                + "print(\"ROIS=\" + roiManager(\"count\"));\n"
                + "print(\"OVERLAY=\" + Overlay.size);\n"
                + "for (i = 0; i < roiManager(\"count\"); i++) {\n"
                + "  roiManager(\"select\", i);\n"
                + "  if (Roi.getName == \"lane3:target\") {\n"
                + "    getSelectionBounds(x, y, w, h);\n"
                + "    makeRectangle(x, y + 40, w, h);\n"
                + "    roiManager(\"update\");\n"
                + "    roiManager(\"rename\", \"lane3:target\");\n"
                + "  }\n"
                + "}\n"
                + "run(\"Select None\");\n"
                + "run(\"Blot Measure\", \"control=actin reference=1 polarity=auto background=border minimum=3 cv_limit=20\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(r2) + "\");\n";
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro, dir, 120);
        assertTrue(r1.toFile().exists(), res.toString());
        assertTrue(res.stdout.contains("ROIS=" + (7 + 14)), res.toString());
        CsvTable t = CsvTable.read(r1);
        assertEquals(14, t.rowCount(), res.toString());
        int protein = t.column("protein");
        int lane = t.column("lane");
        int rel = t.column("relative");
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.get(i, protein).equals("target")) {
                int k = Integer.parseInt(t.get(i, lane));
                double truth = (b.volumes[0][k - 1] / b.volumes[1][k - 1]) / (b.volumes[0][0] / b.volumes[1][0]);
                assertEquals(truth, Double.parseDouble(t.get(i, rel)), 0.05 * truth, "lane " + k);
            }
        }
        assertTrue(r2.toFile().exists(), res.toString());
        CsvTable m = CsvTable.read(r2);
        assertEquals(14, m.rowCount(), res.toString());
        int sig = m.column("signal");
        for (int i = 0; i < m.rowCount(); i++) {
            String p = m.get(i, m.column("protein"));
            int k = Integer.parseInt(m.get(i, m.column("lane")));
            double s = Double.parseDouble(m.get(i, sig));
            if (p.equals("target") && k == 3) {
                // moved off the band onto plain membrane
                assertTrue(Math.abs(s) < 0.1 * b.volumes[0][2], "moved box signal " + s);
            } else if (p.equals("target") && k == 2) {
                assertEquals(b.volumes[0][1], s, 0.06 * b.volumes[0][1]);
            }
        }
    }

    @Test
    void badInputInAMacroIsLoggedWithoutADialog(@TempDir Path dir) throws Exception {
        ij.process.ByteProcessor blank = new ij.process.ByteProcessor(200, 120);
        blank.setValue(180);
        blank.fill();
        Path tif = dir.resolve("blank.tif");
        new FileSaver(new ImagePlus("blank", blank)).saveAsTiff(tif.toString());
        String macro = "open(\"" + FijiMacroRunner.macroPath(tif) + "\");\n"
                + "run(\"Blot Measure\", \"control=[] reference=1 polarity=auto background=border minimum=3 cv_limit=20\");\n"
                + "print(\"NOT REACHED\");\n";
        // a modal error dialog would hang until the timeout
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro, dir, 90);
        String all = res.stdout + res.stderr;
        assertTrue(res.stderr.contains("Blot Measure: no band regions named laneN:protein"), res.toString());
        assertTrue(!all.contains("NOT REACHED"), "[" + all + "]");
    }

    @Test
    void sixteenBitFluorescenceWithLaneBackground(@TempDir Path dir) throws Exception {
        double[] t = new double[6];
        double[] a = new double[6];
        for (int i = 0; i < 6; i++) {
            t[i] = TARGET[i] * 60;
            a[i] = ACTIN[i] * 60;
        }
        SyntheticBlot.Blot b = new SyntheticBlot().size(460, 320).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .laneCentres(50, 120, 185, 260, 330, 400).bandShape(18, 2).background(1500, 1.0, 2.0, 100)
                .smile(4).row("pSTAT3", 110, 5, t).row("STAT3", 230, 5, a).render();
        Path tif = dir.resolve("fluo.tif");
        new FileSaver(new ImagePlus("fluo", b.image)).saveAsTiff(tif.toString());
        Path csv = dir.resolve("fluo.csv");
        String macro = "open(\"" + FijiMacroRunner.macroPath(tif) + "\");\n"
                + "run(\"Blot Analyze\", \"rows=pSTAT3,STAT3 control=STAT3 reference=1 lanes=0 polarity=auto "
                + "background=lane minimum=3 cv_limit=20\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(csv) + "\");\n";
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro, dir, 120);
        assertTrue(csv.toFile().exists(), res.toString());
        CsvTable tab = CsvTable.read(csv);
        assertEquals(12, tab.rowCount(), res.toString());
        for (int i = 0; i < 6; i++) {
            assertEquals("pSTAT3", tab.get(i, tab.column("protein")));
            double truth = (b.volumes[0][i] / b.volumes[1][i]) / (b.volumes[0][0] / b.volumes[1][0]);
            assertEquals(truth, Double.parseDouble(tab.get(i, tab.column("relative"))), 0.05 * truth, "lane " + (i + 1));
        }
        assertTrue(res.stdout.contains("light (detected)"), res.toString());
    }
}
