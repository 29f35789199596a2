package org.ihcblotquant.plugin;

import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.PlateJob;
import org.ihcblotquant.job.PlateOutcome;
import org.ihcblotquant.job.PlateRequest;
import org.ihcblotquant.plate.Normalisation;
import org.ihcblotquant.plate.PlateSettings;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Analyze &gt; IHC Blot Quant &gt; Plate Assay: CCK-8 viability, Caspase-Glo activity and other
 * plate assays from a plate-reader export and its layout, with the options of {@code ihcq plate}.
 * Macro-recordable, e.g.
 * {@code run("Plate Assay", "reads=[/data/reads.csv] layout=[/data/layout.csv] blank=Blank control=Control normalise=percent-of-control");}
 * The per-condition table goes to the Results table, the tests to "Plate Tests" and the wells to
 * "Plate Wells" (not in batch mode), and the bar chart of each plate is shown as an image.
 */
public class PlateAssayPlugin implements PlugIn {

    private static final String TITLE = "Plate Assay";
    private static final String[] NORMALISE = {Normalisation.PERCENT_OF_CONTROL.key, Normalisation.FOLD.key,
        Normalisation.NONE.key};

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Reads (plate-reader export: CSV, TSV or TXT)", "", 30);
        gd.addFileField("Layout (grid of condition names, or well,condition[,dose])", "", 30);
        gd.addStringField("Blank condition", "Blank", 16);
        gd.addStringField("Control condition", "Control", 16);
        gd.addChoice("Normalise", NORMALISE, NORMALISE[0]);
        gd.addStringField("Exclude wells (e.g. A1,B7 or 2:B7; optional)", "", 20);
        gd.addNumericField("Max_OD (flag absorbance above; 0 = no check)", PlateSettings.DEFAULT_MAX_OD, 2);
        gd.addNumericField("Plate of the file (0 = all)", 0, 0);
        gd.addFileField("Save plot (.png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV and JSON to folder (optional)", "", 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Path reads = path(gd.getNextString(), "reads");
            Path layout = path(gd.getNextString(), "layout");
            String blank = gd.getNextString();
            String control = gd.getNextString();
            Normalisation norm = Normalisation.parse(NORMALISE[gd.getNextChoiceIndex()]);
            String exclude = gd.getNextString();
            double maxOd = gd.getNextNumber();
            double plate = gd.getNextNumber();
            String save = gd.getNextString().trim();
            String folder = gd.getNextString().trim();
            if (Double.isNaN(maxOd) || maxOd < 0) {
                throw new FieldException("max-od", "must be a positive optical density, or 0 for no check");
            }
            if (Double.isNaN(plate) || plate < 0 || plate != Math.rint(plate)) {
                throw new FieldException("plate", "must be 1, 2, ... or 0 for every plate");
            }
            PlateSettings settings = new PlateSettings(blank, control, norm, PlateSettings.parseExclude(exclude),
                    maxOd == 0 ? Double.NaN : maxOd, 0.95);
            PlateRequest.Builder b = PlateRequest.builder(reads, layout, settings).plate((int) plate);
            if (!save.isEmpty()) {
                b.plot(Paths.get(save));
            }
            if (!folder.isEmpty()) {
                Path dir = Paths.get(folder);
                b.conditionsCsv(dir.resolve("plate_conditions.csv")).wellsCsv(dir.resolve("plate_wells.csv"))
                        .json(dir.resolve("plate_results.json"));
            }
            PlateOutcome o = new PlateJob().run(b.build(), ProgressListener.NONE);
            for (String w : o.warnings()) {
                UserMessages.warn(TITLE, w);
            }
            StatsPlugins.showTable(o.testsTable(), "Plate Tests");
            StatsPlugins.showTable(o.wellsTable(), "Plate Wells");
            StatsPlugins.showResults(o.conditionsTable());
            IJ.log(TITLE + ": " + String.join("; ", o.provenance().lines()));
            for (int i = 0; i < o.plates().size(); i++) {
                new ImagePlus(TITLE + " plate " + o.plates().get(i).plate, PlotFiles.render(o.chart(i), 1.0)).show();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.PLATE);
        }
    }

    private static Path path(String s, String field) {
        if (s == null || s.trim().isEmpty()) {
            throw new FieldException(field, "give a file");
        }
        return Paths.get(s.trim());
    }
}
