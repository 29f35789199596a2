package org.ihcblotquant.scijava;

import java.io.File;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.SurvivalJob;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.EventCodes;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Kaplan–Meier, median survival, numbers at risk, log-rank test and hazard ratios. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Survival Analysis (script)")
public class SurvivalCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("event-codes", "codes", "conf-type", "confidence",
            "conf-level", "level", "plot", "save", "csv-folder", "write", "pool-by", "pool", "table", "table",
            "adjust", "correction");

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

    @Parameter(persist = false, required = false)
    private String group = "";

    @Parameter(persist = false, required = false)
    private String score = "";

    @Parameter(persist = false, required = false)
    private double cut = 0.5;

    @Parameter(persist = false, required = false, description = "median, tertiles or optimal: overrides the cut value")
    private String cutMode = "";

    @Parameter(persist = false, required = false, description = "stratified log-rank and Cox model by this column")
    private String strata = "";

    @Parameter(persist = false, required = false, description = "numeric columns: adjusted hazard ratios")
    private String covariates = "";

    @Parameter(persist = false, required = false, description = "categorical columns: adjusted hazard ratios")
    private String factors = "";

    @Parameter(persist = false, required = false, description = "log-rank test for trend over the ordered groups")
    private boolean trend;

    @Parameter(persist = false, required = false, description = "log-rank test of every pair of groups")
    private boolean pairwise;

    @Parameter(persist = false, choices = {"holm", "bonferroni", "BH", "none"}, required = false)
    private String correction = "holm";

    @Parameter(persist = false, required = false, description = "restricted mean survival time up to this time (0 = none)")
    private double rmst;

    @Parameter(persist = false, required = false)
    private String levels = "";

    @Parameter(persist = false, choices = {"log", "log-log", "plain"}, required = false)
    private String confidence = "log";

    @Parameter(persist = false, required = false)
    private double level = 0.95;

    @Parameter(persist = false, required = false, description = "times for the numbers at risk, e.g. 0,12,24")
    private String at = "";

    @Parameter(persist = false, required = false)
    private boolean bands;

    @Parameter(persist = false, required = false)
    private File save;

    @Parameter(persist = false, required = false, style = "directory")
    private File write;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable summary;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable kaplan_meier;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable numbers_at_risk;

    @Parameter(type = ItemIO.OUTPUT)
    private String report;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            SurvivalJob.Builder b = SurvivalJob.Request.builder(StatsParameters.source(table, results, join, on, pool))
                    .time(time).event(event).group(group);
            if (score != null && !score.trim().isEmpty()) {
                if (cutMode != null && !cutMode.trim().isEmpty()) {
                    b.scoreCut(score, org.ihcblotquant.stats.CutPoint.parse(cutMode));
                } else {
                    b.scoreCut(score, cut);
                }
            }
            org.ihcblotquant.stats.SurvivalAnalysis.Options options = new org.ihcblotquant.stats.SurvivalAnalysis.Options()
                    .pairwise(pairwise, org.ihcblotquant.stats.PValueAdjust.Method.parse(
                            correction == null ? "holm" : correction));
            if (rmst > 0) {
                options.rmst(rmst);
            }
            b.options(options).strata(strata).trend(trend, null)
                    .adjustFor(Fields.optionalList(covariates), Fields.optionalList(factors), null);
            if (codes != null && !codes.trim().isEmpty()) {
                try {
                    b.codes(EventCodes.parse(codes));
                } catch (IllegalArgumentException e) {
                    throw new FieldException("event-codes", e.getMessage());
                }
            }
            ConfType type;
            try {
                type = ConfType.parse(confidence);
            } catch (IllegalArgumentException e) {
                throw new FieldException("conf-type", e.getMessage());
            }
            b.conf(type, level).levels(Fields.optionalList(levels))
                    .at(at == null || at.trim().isEmpty() ? null : Fields.numbers("at", at))
                    .figure(bands, time, null).outputs(StatsParameters.outputs(save, write))
                    .command("Survival Analysis (script)");
            SurvivalJob.Outcome o = new SurvivalJob().run(b.build(), ProgressListener.NONE);
            summary = Commands.table(o.tables().get("summary"));
            kaplan_meier = Commands.table(o.tables().get("kaplan_meier"));
            numbers_at_risk = Commands.table(o.tables().get("numbers_at_risk"));
            report = String.join("\n", o.provenance().lines()) + "\n\n" + o.text();
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Survival Analysis", e, SPELLING);
        }
    }
}
