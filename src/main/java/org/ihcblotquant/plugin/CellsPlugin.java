package org.ihcblotquant.plugin;

import java.awt.Color;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.cells.Compartment;
import org.ihcblotquant.cells.Nucleus;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.CellScoreJob;
import org.ihcblotquant.job.Fields;

/**
 * Analyze &gt; IHC Blot Quant &gt; IHC Cells: detects nuclei in the current RGB image (inside its
 * area ROI if it has one), adds the summary row (columns as the per-image table of {@code ihcq
 * cells}) to the Results table, can save one row per cell to a CSV file, and draws the
 * nuclei, filled semi-transparently by class (blue negative, yellow 1+, orange 2+, red 3+), as an
 * overlay. Macro: {@code run("IHC Cells", "stain=[H DAB] background=auto thresholds=0.2,0.4,0.6
 * tissue=auto marker=Ki67 pixel=0.5 compartment=nucleus nucleus=10,400 hematoxylin=auto
 * smoothing=0.5 split=0.25 cell=5 show save=/path/cells.csv");}
 */
public class CellsPlugin implements PlugIn {
    private static final String TITLE = "IHC Cells";
    /** Fill colours of negative, 1+, 2+, 3+ nuclei. */
    static final Color[] CLASS_COLOURS = {new Color(40, 90, 255), new Color(255, 255, 0), new Color(255, 150, 0),
        new Color(255, 0, 0)};

    @Override
    public void run(String arg) {
        ImagePlus imp = UserMessages.currentRgbImage(TITLE);
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        IhcDialogFields.add(gd);
        addCellFields(gd, defaultPixelSize(imp));
        gd.addCheckbox("Estimate stain vectors from the image", false);
        gd.addCheckbox("Show nuclei overlay coloured by class", true);
        gd.addStringField("Save cells to CSV (optional path):", "", 30);
        gd.addCheckbox("Clear Results first", false);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            CellSettings settings = readCellFields(gd, IhcDialogFields.read(gd));
            boolean estimate = gd.getNextBoolean();
            boolean overlay = gd.getNextBoolean();
            String cellsPath = gd.getNextString().trim();
            boolean clear = gd.getNextBoolean();
            ColorProcessor cp = (ColorProcessor) imp.getProcessor();
            CellScoreJob.Outcome o = new CellScoreJob().run(new CellScoreJob.Request(imp.getTitle(), cp,
                    IhcScorePlugin.roiMask(imp), settings, estimate, ImageSources.isLossyJpeg(imp),
                    cellsPath.isEmpty() ? null : java.nio.file.Paths.get(cellsPath)), new IjProgress());
            ResultsTable rt = ResultsTable.getResultsTable();
            if (clear) {
                rt.reset();
            }
            ResultsTables.append(rt, o.summary());
            rt.show("Results");
            imp.setProperty("IHC Blot Quant settings", String.join("\n", o.provenance().lines()));
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
            if (overlay) {
                imp.setOverlay(overlay(o.result().nuclei()));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.CELLS);
        }
    }

    /** Pixel size from the image calibration when it is in µm, else the default 0.5 µm. */
    public static double defaultPixelSize(ImagePlus imp) {
        Calibration c = imp.getCalibration();
        String unit = c.getUnit() == null ? "" : c.getUnit().toLowerCase(Locale.ROOT);
        if (c.scaled() && (unit.equals("µm") || unit.equals("um") || unit.equals("micron") || unit.equals("microns")
                || unit.equals("\u00b5m"))) {
            return c.pixelWidth;
        }
        return CellSettings.DEFAULT_PIXEL_SIZE;
    }

    static void addCellFields(GenericDialog gd, double pixelSize) {
        gd.addNumericField("Pixel size (µm):", pixelSize, 4);
        gd.addChoice("Compartment:", new String[] {"nucleus", "cytoplasm", "cell"}, "nucleus");
        gd.addStringField("Nucleus area (min,max µm²):", "10,400", 12);
        gd.addStringField("Hematoxylin threshold (auto or OD):", "auto", 10);
        gd.addNumericField("Smoothing sigma (µm):", 0.5, 2);
        gd.addNumericField("Split prominence (µm):", 0.25, 2);
        gd.addNumericField("Cell expansion (µm):", 5, 1);
    }

    static CellSettings readCellFields(GenericDialog gd, IhcSettings stain) {
        double pixel = gd.getNextNumber();
        String compartment = gd.getNextChoice();
        String area = gd.getNextString().trim();
        String hema = gd.getNextString().trim();
        double smoothing = gd.getNextNumber();
        double split = gd.getNextNumber();
        double expansion = gd.getNextNumber();
        CellSettings s = CellSettings.defaults().withStain(stain).withPixelSize(checked("pixel-size", pixel))
                .withCompartment(Compartment.parse(compartment));
        double[] a = Fields.numbers("nucleus-area", area);
        if (a.length != 2) {
            throw new org.ihcblotquant.job.FieldException("nucleus-area", "need MIN,MAX in µm², got '" + area + "'");
        }
        s = s.withAreaLimits(a[0], a[1]);
        if (!hema.isEmpty() && !hema.equalsIgnoreCase("auto")) {
            s = s.withNucleusOd(Fields.number("nucleus-od", hema));
        }
        return s.withSmoothing(checked("smoothing", smoothing)).withSplit(checked("split", split))
                .withExpansion(checked("cell-expansion", expansion));
    }

    private static double checked(String field, double v) {
        if (Double.isNaN(v)) {
            throw new org.ihcblotquant.job.FieldException(field, "is not a number");
        }
        return v;
    }

    /** Each nucleus as a traced polygon filled semi-transparently in its class colour. */
    static Overlay overlay(java.util.List<Nucleus> nuclei) {
        Overlay o = new Overlay();
        Color[] fill = new Color[4];
        for (int k = 0; k < 4; k++) {
            Color c = CLASS_COLOURS[k];
            fill[k] = new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
        }
        for (Nucleus n : nuclei) {
            if (n.outlineX == null) {
                continue;
            }
            PolygonRoi roi = new PolygonRoi(n.outlineX, n.outlineY, n.outlineX.length, Roi.TRACED_ROI);
            roi.setFillColor(fill[n.cellClass]);
            roi.setName(CellTables.CLASS_NAMES[n.cellClass]);
            o.add(roi);
        }
        return o;
    }
}
