package org.ihcblotquant.scijava;

import java.io.File;

import ij.measure.ResultsTable;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.job.CompareGroupsJob;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.plot.BarChart;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Descriptives and a t-test, Mann–Whitney U or one-way ANOVA + Tukey of a CSV or a results table. */
@Plugin(type = Command.class, headless = true, menuPath = Commands.MENU + "Compare Groups (script)")
public class CompareGroupsCommand implements Command {
    static final FieldSpelling SPELLING = Commands.spelling("paired-by", "pair", "conf-level", "confidence",
            "plot", "save", "csv-folder", "write", "pool-by", "pool", "table", "table", "adjust", "correction");

    @Parameter(persist = false, required = false, description = "CSV file; or give results")
    private File table;

    @Parameter(persist = false, required = false, description = "a results table instead of the CSV file")
    private ResultsTable results;

    @Parameter(persist = false, required = false, description = "clinical CSV joined on the id column 'on'")
    private File join;

    @Parameter(persist = false, required = false)
    private String on = "";

    @Parameter(persist = false, required = false, description = "id column whose repeated rows are pooled, e.g. slide")
    private String pool = "";

    @Parameter(persist = false)
    private String value;

    @Parameter(persist = false)
    private String group;

    @Parameter(persist = false, required = false)
    private String levels = "";

    @Parameter(persist = false, choices = {"Welch t-test", "Student t-test", "Paired t-test", "Mann-Whitney U",
        "One-way ANOVA + Tukey HSD", "Kruskal-Wallis + Dunn", "Welch ANOVA + Games-Howell",
        "Wilcoxon signed-rank (paired)", "Descriptives only"}, required = false)
    private String test = "Welch t-test";

    @Parameter(persist = false, choices = {"two-sided", "less", "greater"}, required = false,
            description = "two-group tests: x (first level) less / greater than y")
    private String alternative = "two-sided";

    @Parameter(persist = false, choices = {"holm", "bonferroni", "BH", "none"}, required = false,
            description = "correction of Dunn's tests after Kruskal-Wallis")
    private String correction = "holm";

    @Parameter(persist = false, required = false)
    private String pair = "";

    @Parameter(persist = false, choices = {"SD", "SEM"}, required = false)
    private String error = "SD";

    @Parameter(persist = false, required = false)
    private double confidence = 0.95;

    @Parameter(persist = false, required = false, description = "figure, .png or .svg")
    private File save;

    @Parameter(persist = false, required = false, style = "directory", description = "folder for the tables as CSV")
    private File write;

    @Parameter(type = ItemIO.OUTPUT, label = "test (descriptives when no test)")
    private ResultsTable summary;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable descriptives;

    @Parameter(type = ItemIO.OUTPUT)
    private String report;

    @Parameter(type = ItemIO.OUTPUT)
    private String warnings;

    @Override
    public void run() {
        try {
            GroupComparison.Test t;
            try {
                t = GroupComparison.Test.parse(test);
            } catch (IllegalArgumentException e) {
                throw new FieldException("test", e.getMessage());
            }
            CompareGroupsJob.Outcome o = new CompareGroupsJob().run(CompareGroupsJob.Request
                    .builder(StatsParameters.source(table, results, join, on, pool), t).value(value).group(group)
                    .levels(Fields.optionalList(levels))
                    .pairBy(t == GroupComparison.Test.PAIRED || t == GroupComparison.Test.SIGNRANK ? pair : null)
                    .alternative(org.ihcblotquant.stats.Alternative.parse(alternative == null ? "two-sided" : alternative))
                    .adjust(org.ihcblotquant.stats.PValueAdjust.Method.parse(correction == null ? "holm" : correction))
                    .confLevel(confidence)
                    .errorBars("SEM".equalsIgnoreCase(error) ? BarChart.ErrorBars.SEM : BarChart.ErrorBars.SD)
                    .outputs(StatsParameters.outputs(save, write)).command("Compare Groups (script)").build(),
                    ProgressListener.NONE);
            summary = Commands.table(o.mainTable());
            descriptives = Commands.table(o.tables().get("descriptives"));
            report = String.join("\n", o.provenance().lines()) + "\n\n" + o.text();
            warnings = Commands.lines(o.warnings());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw Commands.failure("Compare Groups", e, SPELLING);
        }
    }
}
