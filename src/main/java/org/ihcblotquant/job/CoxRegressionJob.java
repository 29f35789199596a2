package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.CoxData;
import org.ihcblotquant.stats.CoxModel;
import org.ihcblotquant.stats.CoxRegression;
import org.ihcblotquant.stats.DecimalMark;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.Warnings;

/**
 * Cox regression of a table (or a score table joined with a clinical sheet): numeric
 * covariates, factors with a chosen reference level, strata, Efron or Breslow ties. The same
 * numbers for {@code ihcq stats cox} and the Fiji "Cox Regression" command.
 */
public final class CoxRegressionJob implements Job<CoxRegressionJob.Request, CoxRegressionJob.Outcome> {

    /** What to fit; built with {@link Builder}. */
    public static final class Request {
        final StatsSource source;
        final StatsOutputs outputs;
        final String title;
        final String command;
        final String time;
        final String event;
        final String eventCodes;
        final List<String> covariates;
        final List<String> factors;
        final Map<String, String> references;
        final String strata;
        final CoxModel.Ties ties;
        final double confLevel;

        private Request(Builder b) {
            this.source = b.source.decimal(b.decimal);
            this.outputs = b.outputs;
            this.title = b.title;
            this.command = b.command;
            this.time = b.time;
            this.event = b.event;
            this.eventCodes = b.eventCodes;
            this.covariates = Collections.unmodifiableList(new ArrayList<>(b.covariates));
            this.factors = Collections.unmodifiableList(new ArrayList<>(b.factors));
            this.references = Collections.unmodifiableMap(new LinkedHashMap<>(b.references));
            this.strata = b.strata;
            this.ties = b.ties;
            this.confLevel = b.confLevel;
        }
    }

    /** Builder of a {@link Request}; field names as the CLI options without dashes. */
    public static final class Builder {
        private StatsSource source;
        private StatsOutputs outputs = StatsOutputs.none();
        private String title;
        private String command = "cox";
        private String time;
        private String event;
        private String eventCodes;
        private List<String> covariates = new ArrayList<>();
        private List<String> factors = new ArrayList<>();
        private Map<String, String> references = new LinkedHashMap<>();
        private String strata;
        private CoxModel.Ties ties = CoxModel.Ties.EFRON;
        private double confLevel = 0.95;
        private DecimalMark decimal = DecimalMark.AUTO;

        /** The rows: a file, Fiji's Results table, optionally joined with a clinical sheet. */
        public Builder source(StatsSource s) {
            this.source = s;
            return this;
        }

        /** JSON, CSV tables (coefficients, then tests) and the forest plot to write. */
        public Builder outputs(StatsOutputs o, String plotTitle) {
            this.outputs = o;
            this.title = plotTitle;
            return this;
        }

        /** The command line (or macro call) for the provenance. */
        public Builder command(String c) {
            this.command = c;
            return this;
        }

        public Builder time(String c) {
            this.time = c;
            return this;
        }

        public Builder event(String c) {
            this.event = c;
            return this;
        }

        /** EVENT:CENSORED words, e.g. dead:alive; null for 1/0 and true/false. */
        public Builder eventCodes(String spec) {
            this.eventCodes = spec;
            return this;
        }

        public Builder covariates(List<String> c) {
            this.covariates = c == null ? new ArrayList<String>() : new ArrayList<>(c);
            return this;
        }

        public Builder factors(List<String> f) {
            this.factors = f == null ? new ArrayList<String>() : new ArrayList<>(f);
            return this;
        }

        /** Parses {@code factor=level,...}: the reference level of each named factor. */
        public Builder references(String spec) {
            references = new LinkedHashMap<>();
            if (spec == null) {
                return this;
            }
            for (String part : spec.split(",")) {
                if (part.trim().isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new FieldException("reference", "'" + part.trim() + "' is not FACTOR=LEVEL");
                }
                references.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
            return this;
        }

        /** The reference levels parsed by {@link #references}. */
        Map<String, String> referenceMap() {
            return new LinkedHashMap<>(references);
        }

        public Builder strata(String c) {
            this.strata = c == null || c.trim().isEmpty() ? null : c.trim();
            return this;
        }

        /** efron | breslow. */
        public Builder ties(String t) {
            String v = t.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("efron")) {
                ties = CoxModel.Ties.EFRON;
            } else if (v.equals("breslow")) {
                ties = CoxModel.Ties.BRESLOW;
            } else {
                throw new FieldException("ties", "'" + t + "' is not efron or breslow");
            }
            return this;
        }

        public Builder confLevel(double c) {
            if (!(c > 0 && c < 1)) {
                throw new FieldException("conf-level", "must be between 0 and 1, e.g. 0.95");
            }
            this.confLevel = c;
            return this;
        }

        public Builder decimal(DecimalMark d) {
            this.decimal = d;
            return this;
        }

        public Request build() {
            if (source == null) {
                throw new FieldException("table", "is required");
            }
            if (time == null || time.trim().isEmpty()) {
                throw new FieldException("time", "is required");
            }
            if (event == null || event.trim().isEmpty()) {
                throw new FieldException("event", "is required");
            }
            if (covariates.isEmpty() && factors.isEmpty()) {
                throw new FieldException("covariates", "name at least one covariate or factor");
            }
            return new Request(this);
        }
    }

    /** The fitted model with its tables, JSON and text. */
    public static final class Outcome extends JobOutcome {
        public final CoxRegression model;
        private final Map<String, Object> json;
        private final List<Path> written;

        Outcome(CoxRegression model, Map<String, Object> json, List<Path> written, Provenance provenance,
                List<String> warnings) {
            super(provenance, warnings);
            this.model = model;
            this.json = json;
            this.written = Collections.unmodifiableList(written);
        }

        /** The JSON of {@code ihcq stats cox}: model keys, join report, warnings, provenance. */
        public Map<String, Object> json() {
            return json;
        }

        /** Files written (JSON, CSV tables, plot). */
        public List<Path> written() {
            return written;
        }

        public String text() {
            return model.toText();
        }

        /** One row per coefficient. */
        public Table coefficients() {
            Table t = new Table("term", "variable", "level", "reference", "coef", "se", "hr", "ci_low", "ci_high", "z",
                    "p");
            for (CoxRegression.Coefficient c : model.coefficients) {
                t.addRow(c.term(), c.column.variable, c.column.level == null ? "" : c.column.level,
                        c.column.reference == null ? "" : c.column.reference, c.coef, c.se, c.hr, c.ciLow, c.ciHigh,
                        c.z, c.p);
            }
            return t;
        }

        /** Model tests, concordance and the proportional-hazards tests. */
        public Table tests() {
            Table t = new Table("test", "term", "statistic", "df", "p");
            t.addRow("likelihood ratio", "model", model.lrTest.statistic, model.lrTest.df, model.lrTest.p);
            t.addRow("Wald", "model", model.waldTest.statistic, model.waldTest.df, model.waldTest.p);
            t.addRow("score (log-rank)", "model", model.scoreTest.statistic, model.scoreTest.df, model.scoreTest.p);
            t.addRow("concordance", "model", model.concordance.concordance, "", "");
            for (CoxRegression.ChiSquareTest z : model.zphTerms) {
                t.addRow("proportional hazards (cox.zph, km)", z.name, z.statistic, z.df, z.p);
            }
            t.addRow("proportional hazards (cox.zph, km)", "GLOBAL", model.zphGlobal.statistic, model.zphGlobal.df,
                    model.zphGlobal.p);
            return t;
        }
    }

    /** File names of the tables in an output folder. */
    static final List<String> FOLDER_NAMES = java.util.Arrays.asList("cox_coefficients", "cox_tests");

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        q.source.check();
        q.outputs.check(q.source.files(), java.util.Arrays.asList("coefficients", "tests"), FOLDER_NAMES);
        Provenance prov = Provenance.start(q.command);
        Warnings w = new Warnings();
        ColumnData d = q.source.load(prov, w);
        EventCodes codes;
        try {
            codes = q.eventCodes == null ? EventCodes.defaults() : EventCodes.parse(q.eventCodes);
        } catch (IllegalArgumentException e) {
            throw new FieldException("event-codes", e.getMessage());
        }
        prov.put("time", q.time).put("event", q.event).put("event_codes", codes.describe())
                .put("covariates", String.join(",", q.covariates)).put("factors", String.join(",", q.factors))
                .put("strata", q.strata == null ? "" : q.strata)
                .put("ties", q.ties.name().toLowerCase(java.util.Locale.ROOT)).put("conf_level", q.confLevel);
        CoxData data = CoxData.read(d, q.time, q.event, codes, q.covariates, q.factors, q.references, q.strata, w);
        CoxRegression fit = CoxRegression.fit(data, q.ties, q.confLevel, w);
        Map<String, Object> json = fit.toJson();
        CompareGroupsJob.joinJson(d, json);
        json.put("warnings", w.all());
        Map<String, Object> p = Json.object();
        p.putAll(prov.entries());
        json.put("provenance", p);
        Outcome partial = new Outcome(fit, json, Collections.<Path>emptyList(), prov, w.all());
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("coefficients", partial.coefficients());
        tables.put("tests", partial.tests());
        List<Path> written = q.outputs.write(tables, FOLDER_NAMES, json, prov, w.all(),
                new org.ihcblotquant.stats.plot.ForestPlotChart(fit, q.title));
        return new Outcome(fit, json, written, prov, w.all());
    }
}
