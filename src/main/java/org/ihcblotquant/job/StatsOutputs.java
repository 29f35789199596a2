package org.ihcblotquant.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Files a statistics job may write, all optional: the result as JSON, the tables as CSV (the
 * first to a named file and the others beside it as {@code FILE_<name>.csv}, or each into a
 * folder as {@code <name>.csv}) and a figure (.png or .svg). All are checked before the input is
 * read and written atomically, with the provenance and warnings as '#' lines above each table.
 */
public final class StatsOutputs {
    final Path json;
    final Path csv;
    final Path folder;
    final Path plot;

    private StatsOutputs(Path json, Path csv, Path folder, Path plot) {
        this.json = json;
        this.csv = csv;
        this.folder = folder;
        this.plot = plot;
    }

    public static StatsOutputs none() {
        return new StatsOutputs(null, null, null, null);
    }

    /** JSON of the whole result to this file. */
    public StatsOutputs json(Path file) {
        return new StatsOutputs(file, csv, folder, plot);
    }

    /** The first table to {@code file}, the others beside it as {@code FILE_<name>.csv}. */
    public StatsOutputs csv(Path file) {
        return new StatsOutputs(json, file, folder, plot);
    }

    /** Every table into {@code dir} (created if needed) as {@code <name>.csv}. */
    public StatsOutputs folder(Path dir) {
        return new StatsOutputs(json, csv, dir, plot);
    }

    /** The figure (.png or .svg). */
    public StatsOutputs plot(Path file) {
        return new StatsOutputs(json, csv, folder, file);
    }

    /** Checks every path before the work; {@code names} are the tables' names in order. */
    void check(List<Path> inputs, List<String> tableNames, List<String> folderNames) {
        if (plot != null) {
            String n = plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!n.endsWith(".png") && !n.endsWith(".svg")) {
                throw new FieldException("plot", plot + ": give a .png or .svg file name");
            }
        }
        for (Path p : targets(tableNames, folderNames)) {
            OutputFiles.checkFile(p, p.equals(json) ? "json" : p.equals(plot) ? "plot" : folder != null
                    && p.startsWith(folder) ? "csv-folder" : "csv", inputs, folder != null && p.startsWith(folder));
        }
    }

    private List<Path> targets(List<String> tableNames, List<String> folderNames) {
        List<Path> out = new ArrayList<>();
        if (json != null) {
            out.add(json);
        }
        if (plot != null) {
            out.add(plot);
        }
        if (csv != null) {
            for (int i = 0; i < tableNames.size(); i++) {
                out.add(i == 0 ? csv : sibling(csv, tableNames.get(i)));
            }
        }
        if (folder != null) {
            for (String n : folderNames) {
                out.add(folder.resolve(n + ".csv"));
            }
        }
        return out;
    }

    /**
     * Writes what was asked for. {@code tables} in order, {@code folderNames} their file names in
     * a folder; {@code figure} draws the plot. Returns the files written.
     */
    List<Path> write(Map<String, Table> tables, List<String> folderNames, Map<String, Object> result,
            Provenance prov, List<String> warnings, PlotFiles.Chart figure) {
        List<Path> written = new ArrayList<>();
        try {
            if (json != null) {
                AtomicFiles.writeText(json, Json.write(result));
                written.add(json);
            }
            List<String> names = new ArrayList<>(tables.keySet());
            for (int i = 0; i < names.size(); i++) {
                Table t = copy(tables.get(names.get(i)));
                t.addComments(prov.lines());
                for (String w : warnings) {
                    t.addComment("warning: " + w);
                }
                if (csv != null) {
                    Path p = i == 0 ? csv : sibling(csv, names.get(i));
                    CsvFormat.write(t, p);
                    written.add(p);
                }
                if (folder != null) {
                    Path p = folder.resolve(folderNames.get(i) + ".csv");
                    CsvFormat.write(t, p);
                    written.add(p);
                }
            }
            if (plot != null) {
                PlotFiles.write(figure, plot);
                written.add(plot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results: " + e.getMessage(), e);
        }
        return written;
    }

    /** The table with its rows, so the comments added for the file stay off the outcome's table. */
    private static Table copy(Table t) {
        Table c = new Table(t.columns());
        c.addComments(t.comments());
        for (int i = 0; i < t.rowCount(); i++) {
            c.addRow(t.row(i));
        }
        return c;
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.length() - 4 : name.length();
        return file.resolveSibling(name.substring(0, dot) + "_" + suffix + ".csv");
    }
}
