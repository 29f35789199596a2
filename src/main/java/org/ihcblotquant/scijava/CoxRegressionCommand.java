package org.ihcblotquant.scijava;

import java.io.File;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CoxRegressionJob;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Multivariable Cox regression: covariates, factors, strata; tests, concordance, proportional hazards. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Cox Regression (script)")
public class CoxRegressionCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("event-codes", "codes", "conf-level", "confidence",
            "plot", "save", "csv-folder", "write", "pool-by", "pool", "table", "table");

    @Parameter(persist = false, required = false)
    private File table;

    @Parameter(persist = false, required = false)
    private ResultsTable results;

    @Parameter(persist = false, required = false)
    private File join;

    @Parameter(persist = false, required = false)
    private String on = "";

    @Parameter(persist = false, required = false)
    private String pool = "";

    @Parameter(persist = false)
    private String time;

    @Parameter(persist = false)
    private String event;

    @Parameter(persist = false, required = false, description = "EVENT:CENSORED, e.g. dead:alive")
    private String codes = "";

    @Parameter(persist = false, required = false, description = "numeric columns, comma-separated")
    private String covariates = "";

    @Parameter(persist = false, required = false, description = "categorical columns, comma-separated")
    private String factors = "";

    @Parameter(persist = false, required = false, description = "FACTOR=LEVEL,... (default: first level)")
    private String reference = "";

    @Parameter(persist = false, required = false)
    private String strata = "";

    @Parameter(persist = false, choices = {"efron", "breslow"}, required = false)
    private String ties = "efron";

    @Parameter(persist = false, required = false)
    private double confidence = 0.95;

    @Parameter(persist = false, required = false, description = "forest plot, .png or .svg")
    private File save;

    @Parameter(persist = false, required = false, style = "directory")
    private File write;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable coefficients;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable tests;

    @Parameter(type = ItemIO.OUTPUT)
    private String report;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            CoxRegressionJob.Builder b = new CoxRegressionJob.Builder()
                    .source(StatsParameters.source(table, results, join, on, pool)).time(time).event(event)
                    .eventCodes(codes == null || codes.trim().isEmpty() ? null : codes.trim())
                    .covariates(Fields.optionalList(covariates)).factors(Fields.optionalList(factors))
                    .references(reference).strata(strata).ties(ties == null ? "efron" : ties).confLevel(confidence)
                    .outputs(StatsParameters.outputs(save, write), null).command("Cox Regression (script)");
            CoxRegressionJob.Outcome o = new CoxRegressionJob().run(b.build(), ProgressListener.NONE);
            coefficients = Commands.table(o.coefficients());
            tests = Commands.table(o.tests());
            report = String.join("\n", o.provenance().lines()) + "\n\n" + o.text();
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Cox Regression", e, SPELLING);
        }
    }
}
