package org.ihcblotquant.scijava;

import java.io.File;

import ij.measure.ResultsTable;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.StatsOutputs;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.plugin.ResultsTables;

/** The input and output parameters the two statistics commands share. */
final class StatsParameters {

    private StatsParameters() {
    }

    /** A CSV file, else a ResultsTable (e.g. the output of IHC Batch), joined and pooled as asked. */
    static StatsSource source(File table, ResultsTable results, File join, String on, String pool) {
        StatsSource src;
        if (Commands.path(table) != null) {
            src = StatsSource.file(Commands.path(table));
        } else if (results != null && results.size() > 0) {
            src = StatsSource.table(CsvTable.parse("results table", ResultsTables.toCsv(results)));
        } else {
            throw new FieldException("table", "give a CSV file or a results table");
        }
        if (Commands.path(join) != null || on != null && !on.trim().isEmpty()) {
            src = src.joinedWith(Commands.path(join), on);
        }
        return src.pooledBy(pool);
    }

    static StatsOutputs outputs(File save, File write) {
        StatsOutputs o = StatsOutputs.none();
        if (Commands.path(save) != null) {
            o = o.plot(Commands.path(save));
        }
        if (Commands.path(write) != null) {
            o = o.folder(Commands.path(write));
        }
        return o;
    }
}
