package org.ihcblotquant.plugin;

import java.nio.file.Paths;

import ij.macro.Interpreter;
import ij.measure.ResultsTable;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.StatsOutputs;
import org.ihcblotquant.job.StatsSource;

/**
 * What the two statistics commands share: reading a CSV or the Results table, writing a
 * {@link Table} into an ImageJ results table, and reporting errors without a modal dialog in
 * batch mode (a dialog there would hang the macro).
 */
final class StatsPlugins {

    private StatsPlugins() {
    }

    /** The CSV at {@code path}, or the system Results table when the path is empty. */
    static CsvTable readInput(String path) {
        if (path != null && !path.trim().isEmpty()) {
            return CsvTable.read(Paths.get(path.trim()));
        }
        ResultsTable rt = ResultsTable.getResultsTable();
        if (rt == null || rt.size() == 0) {
            throw new org.ihcblotquant.core.InputException(
                    "no table given and the Results table is empty: choose a CSV file or fill the Results table");
        }
        return CsvTable.parse("Results table", toCsv(rt));
    }

    /** The Results table as CSV text (cells as ImageJ shows them), including the Label column. */
    static String toCsv(ResultsTable rt) {
        return ResultsTables.toCsv(rt);
    }

    /** Fills {@code rt} (cleared first) with a table: numbers as numbers, everything else as text. */
    static void fill(ResultsTable rt, Table t) {
        ResultsTables.replace(rt, t);
    }

    /**
     * Shows a results table other than "Results". Not in batch mode: there the newest table
     * window becomes the one a macro's saveAs("Results") writes, which must stay the main result
     * (secondary tables can be written with the command's folder option instead).
     */
    static void showTable(Table t, String title) {
        if (Interpreter.isBatchMode()) {
            return;
        }
        ResultsTable rt = new ResultsTable();
        fill(rt, t);
        rt.show(title);
    }

    /**
     * Puts the main result into the system Results table and brings it to the front, so that a
     * macro's {@code saveAs("Results", path)} saves it rather than a secondary table.
     */
    static void showResults(Table t) {
        ResultsTable rt = ResultsTable.getResultsTable();
        fill(rt, t);
        rt.show("Results");
        java.awt.Window w = ij.WindowManager.getWindow("Results");
        if (w != null) {
            ij.WindowManager.toFront(w);
        }
    }

    /** The rows the statistics read: a CSV or the Results table, joined and pooled as the dialog says. */
    static StatsSource source(String table, String join, String on, String poolBy) {
        StatsSource src = table != null && !table.trim().isEmpty() ? StatsSource.file(Paths.get(table.trim()))
                : StatsSource.table(readInput(null));
        if (join != null && !join.trim().isEmpty() || on != null && !on.trim().isEmpty()) {
            src = src.joinedWith(join == null || join.trim().isEmpty() ? null : Paths.get(join.trim()), on);
        }
        return src.pooledBy(poolBy);
    }

    /** The optional plot file and folder of tables. */
    static StatsOutputs outputs(String plotFile, String folder) {
        StatsOutputs o = StatsOutputs.none();
        if (plotFile != null && !plotFile.trim().isEmpty()) {
            o = o.plot(Paths.get(plotFile.trim()));
        }
        if (folder != null && !folder.trim().isEmpty()) {
            o = o.folder(Paths.get(folder.trim()));
        }
        return o;
    }
}
