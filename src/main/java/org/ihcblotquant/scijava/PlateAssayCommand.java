package org.ihcblotquant.scijava;

import java.io.File;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.PlateJob;
import org.ihcblotquant.job.PlateOutcome;
import org.ihcblotquant.job.PlateRequest;
import org.ihcblotquant.plate.Normalisation;
import org.ihcblotquant.plate.PlateSettings;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plate assay (CCK-8, Caspase-Glo...) of a plate-reader export and its layout: the use case of {@link PlateJob}. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Plate Assay (script)")
public class PlateAssayCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("max-od", "max_od", "plot", "save", "out", "write",
            "wells", "write", "json", "write");

    @Parameter(persist = false, description = "plate-reader export (CSV, TSV or TXT)")
    private File reads;

    @Parameter(persist = false, description = "grid of condition names, or well,condition[,dose] rows")
    private File layout;

    @Parameter(persist = false)
    private String blank = "Blank";

    @Parameter(persist = false)
    private String control = "Control";

    @Parameter(persist = false, choices = {"percent-of-control", "fold", "none"}, required = false)
    private String normalise = "percent-of-control";

    @Parameter(persist = false, required = false, description = "wells to leave out, e.g. A1,B7 or 2:B7")
    private String exclude = "";

    @Parameter(persist = false, required = false, description = "flag absorbance above this OD; 0 = no check")
    private double max_od = PlateSettings.DEFAULT_MAX_OD;

    @Parameter(persist = false, required = false, description = "plate of the file, 0 = all")
    private int plate = 0;

    @Parameter(persist = false, required = false, description = "figure, .png or .svg")
    private File save;

    @Parameter(persist = false, required = false, style = "directory", description = "folder for the tables and JSON")
    private File write;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable conditions;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable tests;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable wells;

    @Parameter(type = ItemIO.OUTPUT)
    private String report;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            if (reads == null) {
                throw new FieldException("reads", "give the plate-reader export");
            }
            if (layout == null) {
                throw new FieldException("layout", "give the plate layout");
            }
            if (!(max_od >= 0)) {
                throw new FieldException("max-od", "must be a positive optical density, or 0 for no check");
            }
            PlateSettings settings = new PlateSettings(blank, control, Normalisation.parse(normalise),
                    PlateSettings.parseExclude(exclude), max_od == 0 ? Double.NaN : max_od, 0.95);
            PlateRequest.Builder b = PlateRequest.builder(reads.toPath(), layout.toPath(), settings).plate(plate);
            Path plot = Commands.path(save);
            if (plot != null) {
                b.plot(plot);
            }
            Path dir = Commands.path(write);
            if (dir != null) {
                b.conditionsCsv(dir.resolve("plate_conditions.csv")).wellsCsv(dir.resolve("plate_wells.csv"))
                        .json(dir.resolve("plate_results.json"));
            }
            PlateOutcome o = new PlateJob().run(b.build(), ProgressListener.NONE);
            conditions = Commands.table(o.conditionsTable());
            tests = Commands.table(o.testsTable());
            wells = Commands.table(o.wellsTable());
            report = String.join("\n", o.provenance().lines());
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Plate Assay", e, SPELLING);
        }
    }
}
