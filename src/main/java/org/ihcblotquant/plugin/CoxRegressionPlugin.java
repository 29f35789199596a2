package org.ihcblotquant.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.CoxRegressionJob;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.stats.CoxRegression;
import org.ihcblotquant.stats.plot.ForestPlotChart;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Analyze &gt; IHC Blot Quant &gt; Cox Regression: a multivariable Cox model (numeric
 * covariates, factors with a chosen reference level, strata, Efron or Breslow ties) of the
 * Results table or a CSV, optionally joined with a clinical sheet. Macro-recordable, e.g.
 * {@code run("Cox Regression", "table=/d/cohort.csv time=os event=death covariates=age,pstat3 factors=stage");}
 * The coefficients (hazard ratios with CI and p) go to the Results table, the model tests,
 * concordance and proportional-hazards tests to "Cox Tests", and a forest plot is shown.
 */
public class CoxRegressionPlugin implements PlugIn {

    private static final String TITLE = "Cox Regression";
    private static final String[] TIES = {"efron", "breslow"};

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Table (CSV file; empty = Results table)", "", 30);
        gd.addFileField("Join with (clinical CSV; optional)", "", 30);
        gd.addStringField("On (id column for the join; TABLE_COL:JOIN_COL if named differently)", "", 16);
        gd.addStringField("Pool rows by (id column, e.g. slide for per-image tables; optional)", "", 16);
        gd.addStringField("Time column", "", 16);
        gd.addStringField("Event column (1 = event, 0 = censored)", "", 16);
        gd.addStringField("Codes for other event words (EVENT:CENSORED, e.g. dead:alive)", "", 16);
        gd.addStringField("Covariates (numeric columns, comma-separated)", "", 24);
        gd.addStringField("Factors (categorical columns, comma-separated)", "", 24);
        gd.addStringField("Reference levels (FACTOR=LEVEL,...; default: first level)", "", 24);
        gd.addStringField("Strata column (optional)", "", 16);
        gd.addChoice("Ties", TIES, "efron");
        gd.addNumericField("Confidence level", 0.95, 2);
        gd.addFileField("Save plot (forest plot, .png or .svg; optional)", "", 30);
        gd.addDirectoryField("Write tables as CSV to folder (optional)", "", 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            StatsSource source = StatsPlugins.source(gd.getNextString(), gd.getNextString(), gd.getNextString(),
                    gd.getNextString());
            CoxRegressionJob.Builder b = new CoxRegressionJob.Builder().source(source).time(gd.getNextString().trim())
                    .event(gd.getNextString().trim());
            String codes = gd.getNextString().trim();
            b.eventCodes(codes.isEmpty() ? null : codes);
            b.covariates(Fields.optionalList(gd.getNextString())).factors(Fields.optionalList(gd.getNextString()))
                    .references(gd.getNextString()).strata(gd.getNextString())
                    .ties(TIES[gd.getNextChoiceIndex()]).confLevel(gd.getNextNumber());
            b.outputs(StatsPlugins.outputs(gd.getNextString(), gd.getNextString()), null).command(TITLE);
            CoxRegressionJob.Outcome o = new CoxRegressionJob().run(b.build(), ProgressListener.NONE);
            for (String m : o.warnings()) {
                UserMessages.warn(TITLE, m);
            }
            StatsPlugins.showTable(o.tests(), "Cox Tests");
            StatsPlugins.showResults(o.coefficients());
            IJ.log(TITLE + ": " + String.join("; ", o.provenance().lines()));
            IJ.log(o.text());
            new ImagePlus(TITLE + " (forest plot)", PlotFiles.render(new ForestPlotChart(o.model, null), 1.0)).show();
        } catch (RuntimeException | OutOfMemoryError e) {
            UserMessages.report(TITLE, e, MacroKeys.COX);
        }
    }

    /** The coefficients of a fitted model as a table (also used for the adjusted model of Survival Analysis). */
    static Table coefficients(CoxRegression fit) {
        Table t = new Table("term", "variable", "level", "reference", "coef", "se", "hr", "ci_low", "ci_high", "z",
                "p");
        for (CoxRegression.Coefficient c : fit.coefficients) {
            t.addRow(c.term(), c.column.variable, c.column.level == null ? "" : c.column.level,
                    c.column.reference == null ? "" : c.column.reference, c.coef, c.se, c.hr, c.ciLow, c.ciHigh, c.z,
                    c.p);
        }
        return t;
    }
}
