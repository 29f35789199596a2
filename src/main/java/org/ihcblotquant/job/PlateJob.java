package org.ihcblotquant.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.plate.PlateAnalyzer;
import org.ihcblotquant.plate.PlateGrid;
import org.ihcblotquant.plate.PlateResult;
import org.ihcblotquant.plate.PlateSettings;
import org.ihcblotquant.plate.PlateText;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Plate assay (CCK-8 viability, Caspase-Glo activity...): reads a plate-reader export and its
 * layout, analyses each plate ({@link PlateAnalyzer}) and writes the requested outputs, each
 * completely or not at all, never over an input.
 */
public final class PlateJob implements Job<PlateRequest, PlateOutcome> {

    @Override
    public PlateOutcome run(PlateRequest q, ProgressListener progress) {
        List<Path> inputs = Arrays.asList(q.reads, q.layout);
        checkOutput(q.conditionsCsv, "out", inputs);
        checkOutput(q.wellsCsv, "wells", inputs);
        checkOutput(q.json, "json", inputs);
        checkOutput(q.plot, "plot", inputs);
        if (q.plot != null && !q.plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|svg)")) {
            throw new FieldException("plot", q.plot + ": must end in .png or .svg");
        }
        List<PlateGrid> readGrids = PlateText.read(q.reads);
        List<PlateGrid> layoutGrids = PlateText.read(q.layout);
        Provenance prov = Provenance.start("plate").put("reads", q.reads.toAbsolutePath().normalize())
                .put("layout", q.layout.toAbsolutePath().normalize()).put("plates_in_file", readGrids.size())
                .put("plate", q.plate == 0 ? "all" : String.valueOf(q.plate)).put("blank", q.settings.blank)
                .put("control", q.settings.control).put("normalise", q.settings.normalisation.key)
                .put("exclude", excludeText(q.settings))
                .put("max_od", Double.isNaN(q.settings.maxOd) ? "none" : Report.num(q.settings.maxOd))
                .put("conf_level", q.settings.confLevel)
                .put("outliers", "Grubbs two-sided alpha 0.05; robust z > 3.5 with n >= 6 (flagged, not removed)");
        if (progress != null) {
            progress.checkCancelled();
        }
        List<PlateResult> results = PlateAnalyzer.analyseAll(readGrids, layoutGrids, q.settings, q.plate);
        List<String> warnings = new ArrayList<>();
        for (PlateResult r : results) {
            warnings.addAll(r.warnings);
            if (!r.maxOdChecked && !Double.isNaN(q.settings.maxOd)) {
                prov.put("max_od_plate_" + r.plate, "not applied: readings above "
                        + Report.num(PlateSettings.ABSORBANCE_CEILING) + " are counts, not absorbance");
            }
        }
        PlateOutcome outcome = new PlateOutcome(prov, warnings, results, new ArrayList<Path>(), q.title);
        List<Path> written = write(q, outcome);
        return new PlateOutcome(prov, warnings, results, written, q.title);
    }

    private static List<Path> write(PlateRequest q, PlateOutcome o) {
        List<Path> written = new ArrayList<>();
        try {
            if (q.conditionsCsv != null) {
                writeTable(o.conditionsTable(), o, q.conditionsCsv);
                written.add(q.conditionsCsv);
            }
            if (q.wellsCsv != null) {
                writeTable(o.wellsTable(), o, q.wellsCsv);
                written.add(q.wellsCsv);
            }
            if (q.json != null) {
                AtomicFiles.writeText(q.json, Json.write(o.json()));
                written.add(q.json);
            }
            if (q.plot != null) {
                for (int i = 0; i < o.plates().size(); i++) {
                    Path file = o.plates().size() == 1 ? q.plot : plateFile(q.plot, o.plates().get(i).plate);
                    PlotFiles.write(o.chart(i), file);
                    written.add(file);
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot write the results: " + e.getMessage(), e);
        }
        return written;
    }

    private static void writeTable(Table t, PlateOutcome o, Path file) throws IOException {
        t.addComments(o.provenance().lines());
        for (String w : o.warnings()) {
            t.addComment("warning: " + w);
        }
        CsvFormat.write(t, file);
    }

    /** {@code bars.png} becomes {@code bars_plate2.png}. */
    static Path plateFile(Path plot, int plate) {
        String name = plot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return plot.resolveSibling(name.substring(0, dot) + "_plate" + plate + name.substring(dot));
    }

    private static String excludeText(PlateSettings s) {
        List<String> parts = new ArrayList<>();
        for (java.util.Map.Entry<Integer, java.util.Set<String>> e : s.exclude.entrySet()) {
            for (String w : e.getValue()) {
                parts.add(e.getKey() == 0 ? w : e.getKey() + ":" + w);
            }
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static void checkOutput(Path out, String field, List<Path> inputs) {
        if (out != null) {
            OutputFiles.checkFile(out, field, inputs, true);
        }
    }
}
