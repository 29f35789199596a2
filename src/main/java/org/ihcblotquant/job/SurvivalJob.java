package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.ColumnData;
import org.ihcblotquant.stats.ConfType;
import org.ihcblotquant.stats.EventCodes;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.KaplanMeier;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.SurvivalData;
import org.ihcblotquant.stats.Warnings;
import org.ihcblotquant.stats.plot.KaplanMeierChart;

/**
 * Survival analysis: Kaplan–Meier per group (a group column, a score cut-off, or all subjects),
 * median survival, numbers at risk, log-rank test and hazard ratios. Tables: {@code kaplan_meier},
 * {@code summary} (one row per group) and {@code numbers_at_risk}.
 */
public final class SurvivalJob implements Job<SurvivalJob.Request, SurvivalJob.Outcome> {

    /** Immutable request; build with {@link #builder}. */
    public static final class Request {
        final StatsSource source;
        final String time;
        final String event;
        final EventCodes codes;
        final String group;
        final String score;
        final double cut;
        final org.ihcblotquant.stats.CutPoint cutPoint;
        final String strata;
        final boolean trend;
        final double[] trendScores;
        final SurvivalAnalysis.Options options;
        final List<String> covariates;
        final List<String> factors;
        final String references;
        final List<String> levels;
        final ConfType confType;
        final double confLevel;
        final double[] at;
        final boolean bands;
        final String timeLabel;
        final String title;
        final StatsOutputs outputs;
        final String command;

        private Request(Builder b) {
            this.source = b.source;
            this.time = b.time;
            this.event = b.event;
            this.codes = b.codes;
            this.group = blankToNull(b.group);
            this.score = blankToNull(b.score);
            this.cut = b.cut;
            this.cutPoint = b.cutPoint;
            this.strata = blankToNull(b.strata);
            this.trend = b.trend;
            this.trendScores = b.trendScores == null ? null : b.trendScores.clone();
            this.options = b.options;
            this.covariates = b.covariates;
            this.factors = b.factors;
            this.references = b.references;
            this.levels = b.levels == null ? null : Collections.unmodifiableList(new ArrayList<>(b.levels));
            this.confType = b.confType;
            this.confLevel = b.confLevel;
            this.at = b.at == null ? null : b.at.clone();
            this.bands = b.bands;
            this.timeLabel = b.timeLabel;
            this.title = b.title;
            this.outputs = b.outputs;
            this.command = b.command;
        }

        public static Builder builder(StatsSource source) {
            return new Builder(source);
        }
    }

    public static final class Builder {
        private final StatsSource source;
        private String time;
        private String event;
        private EventCodes codes = EventCodes.defaults();
        private String group;
        private String score;
        private double cut = Double.NaN;
        private org.ihcblotquant.stats.CutPoint cutPoint;
        private String strata;
        private boolean trend;
        private double[] trendScores;
        private SurvivalAnalysis.Options options = new SurvivalAnalysis.Options();
        private List<String> covariates = Collections.emptyList();
        private List<String> factors = Collections.emptyList();
        private String references;
        private List<String> levels;
        private ConfType confType = ConfType.LOG;
        private double confLevel = 0.95;
        private double[] at;
        private boolean bands;
        private String timeLabel;
        private String title;
        private StatsOutputs outputs = StatsOutputs.none();
        private String command = "survival";

        private Builder(StatsSource source) {
            this.source = source;
        }

        public Builder time(String column) {
            this.time = column;
            return this;
        }

        public Builder event(String column) {
            this.event = column;
            return this;
        }

        public Builder codes(EventCodes codes) {
            this.codes = codes;
            return this;
        }

        /** Curves per value of this column. */
        public Builder group(String column) {
            this.group = column;
            return this;
        }

        /** Curves for score &lt; cut (low) and score &gt;= cut (high). */
        public Builder scoreCut(String column, double cut) {
            this.score = column;
            this.cut = cut;
            return this;
        }

        /**
         * Curves by a score cut at a value, the median, the tertiles or the data-chosen optimal
         * cut (maximally selected log-rank with the Lausen-Schumacher adjusted p).
         */
        public Builder scoreCut(String column, org.ihcblotquant.stats.CutPoint cut) {
            this.score = column;
            this.cutPoint = cut;
            this.cut = cut.mode == org.ihcblotquant.stats.CutPoint.Mode.VALUE ? cut.value : 0;
            return this;
        }

        /** Stratified log-rank test and Cox model by this column. */
        public Builder strata(String column) {
            this.strata = column;
            return this;
        }

        /**
         * Adjust the groups' hazard ratios for these covariates (numeric) and factors (reference
         * levels as {@code factor=level,...}) in one Cox model; null or empty lists: no adjustment.
         */
        public Builder adjustFor(List<String> numeric, List<String> categorical, String referenceLevels) {
            this.covariates = numeric == null ? Collections.<String>emptyList() : new ArrayList<>(numeric);
            this.factors = categorical == null ? Collections.<String>emptyList() : new ArrayList<>(categorical);
            this.references = referenceLevels;
            return this;
        }

        /** Log-rank test for trend over the ordered groups; scores null = 0, 1, 2, ... */
        public Builder trend(boolean on, double[] scores) {
            this.trend = on;
            this.trendScores = scores;
            return this;
        }

        /**
         * The further analysis settings (median rule, separate Cox fits, pairwise tests and their
         * correction, RMST, survival at times); confidence, at-times, strata and trend are set by
         * this builder's own methods.
         */
        public Builder options(SurvivalAnalysis.Options o) {
            this.options = o;
            return this;
        }

        public Builder levels(List<String> levels) {
            this.levels = levels;
            return this;
        }

        public Builder conf(ConfType type, double level) {
            this.confType = type;
            this.confLevel = level;
            return this;
        }

        /** Times of the numbers-at-risk table; null chooses round times. */
        public Builder at(double[] times) {
            this.at = times;
            return this;
        }

        public Builder figure(boolean bands, String timeLabel, String title) {
            this.bands = bands;
            this.timeLabel = timeLabel;
            this.title = title;
            return this;
        }

        public Builder outputs(StatsOutputs outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Request build() {
            return new Request(this);
        }
    }

    /** The analysis, its tables, text and JSON. */
    public static final class Outcome extends JobOutcome {
        private final SurvivalAnalysis analysis;
        private final Map<String, Table> tables;
        private final String text;
        private final Map<String, Object> json;
        private final List<Path> written;
        private org.ihcblotquant.stats.CoxRegression adjusted;

        /** The covariate-adjusted Cox model of the groups, or null when no covariate was given. */
        public org.ihcblotquant.stats.CoxRegression adjusted() {
            return adjusted;
        }

        Outcome(Provenance p, List<String> warnings, SurvivalAnalysis analysis, Map<String, Table> tables, String text,
                Map<String, Object> json, List<Path> written) {
            super(p, warnings);
            this.analysis = analysis;
            this.tables = Collections.unmodifiableMap(tables);
            this.text = text;
            this.json = json;
            this.written = Collections.unmodifiableList(written);
        }

        public SurvivalAnalysis analysis() {
            return analysis;
        }

        /** {@code kaplan_meier}, {@code summary}, {@code numbers_at_risk}. */
        public Map<String, Table> tables() {
            return tables;
        }

        public String text() {
            return text;
        }

        public Map<String, Object> json() {
            return json;
        }

        public List<Path> written() {
            return written;
        }
    }

    /** File names of the tables in an output folder. */
    static final List<String> FOLDER_NAMES = Arrays.asList("kaplan_meier", "survival_summary", "numbers_at_risk");

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        String time = Fields.required("time", q.time);
        String event = Fields.required("event", q.event);
        if (q.group != null && q.score != null) {
            throw new FieldException("group", "give either a group column or a score column with a cut, not both");
        }
        if (q.score != null && Double.isNaN(q.cut)) {
            throw new FieldException("cut", "a score column needs a cut-off value");
        }
        if (!(q.confLevel > 0 && q.confLevel < 1)) {
            throw new FieldException("conf-level", "must be between 0 and 1, e.g. 0.95");
        }
        if (q.at != null) {
            for (double t : q.at) {
                if (t < 0) {
                    throw new FieldException("at", "times must not be negative");
                }
            }
        }
        q.source.check();
        List<String> names = Arrays.asList("kaplan_meier", "summary", "numbers_at_risk");
        q.outputs.check(q.source.files(), names, FOLDER_NAMES);

        StatsInput.Grouping grouping = q.group != null ? StatsInput.Grouping.byColumn(q.group)
                : q.score != null ? StatsInput.Grouping.byCut(q.score, q.cutPoint != null ? q.cutPoint
                        : org.ihcblotquant.stats.CutPoint.at(q.cut)) : StatsInput.Grouping.none();
        Provenance prov = Provenance.start(q.command);
        Warnings w = new Warnings();
        ColumnData d = q.source.load(prov, w);
        prov.put("time", time).put("event", event).put("event_codes", q.codes.describe())
                .put("grouping", grouping.describe()).put("conf_type", q.confType.label).put("conf_level", q.confLevel)
                .put("ties", "efron (Cox); hypergeometric variance (log-rank)");
        SurvivalData data = StatsInput.survival(d, time, event, grouping, q.codes, q.levels, q.strata, w);
        SurvivalAnalysis.Options options = q.options.conf(q.confType, q.confLevel).atTimes(q.at);
        if (q.strata != null) {
            options.strata(q.strata, data.strata(), data.strataLevels());
            prov.put("strata", q.strata);
        }
        if (q.trend) {
            double[] scores = q.trendScores;
            if (scores == null) {
                // the groups in their analysis order, scored 0, 1, 2, ...
                scores = new double[data.levelCount()];
                for (int g = 0; g < scores.length; g++) {
                    scores[g] = g;
                }
            }
            options.trend(scores);
        }
        SurvivalAnalysis analysis = SurvivalAnalysis.run(data, options, w);
        Map<String, Object> json = analysis.toJson();
        org.ihcblotquant.stats.CoxRegression adjusted = null;
        if (!q.covariates.isEmpty() || !q.factors.isEmpty()) {
            if (data.levelCount() < 2) {
                throw FieldException.notFitting("covariates", "adjusting needs at least two groups to compare");
            }
            Map<String, String> refs = new CoxRegressionJob.Builder().references(q.references).referenceMap();
            org.ihcblotquant.stats.CoxData cd = org.ihcblotquant.stats.CoxData.groupsAdjusted(data, d, q.covariates,
                    q.factors, refs, w);
            adjusted = org.ihcblotquant.stats.CoxRegression.fit(cd, org.ihcblotquant.stats.CoxModel.Ties.EFRON,
                    q.confLevel, w);
            prov.put("adjusted_for", String.join(",", q.covariates) + (q.factors.isEmpty() ? "" : ";"
                    + String.join(",", q.factors)));
            Map<String, Object> aj = adjusted.toJson();
            aj.put("label", "groups vs '" + data.levels().get(0) + "' adjusted for "
                    + String.join(", ", concat(q.covariates, q.factors)) + " (one Cox model, Efron ties)");
            json.put("cox_adjusted", aj);
        }
        CompareGroupsJob.joinJson(d, json);
        String text = analysis.toText();
        if (grouping.isCut()) {
            json.put("cut", data.cut().toJson());
            prov.put("cut", data.cut().rule);
            text = data.cut().describe() + "\n\n" + text;
        }
        json.put("warnings", w.all());
        Map<String, Object> p = Json.object();
        p.putAll(prov.entries());
        json.put("provenance", p);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("kaplan_meier", analysis.kmTable());
        tables.put("summary", analysis.summaryTable());
        tables.put("numbers_at_risk", atRiskTable(analysis));
        List<Path> written = q.outputs.write(tables, FOLDER_NAMES, json, prov, w.all(),
                new KaplanMeierChart(analysis, q.timeLabel == null ? time : q.timeLabel, q.bands, q.title));
        if (adjusted != null) {
            text += "\nAdjusted hazard ratios (groups as the factor 'group'):\n" + adjusted.toText();
        }
        Outcome out = new Outcome(prov, w.all(), analysis, tables, text, json, written);
        out.adjusted = adjusted;
        return out;
    }

    /** Numbers at risk per group at the chosen times. */
    static Table atRiskTable(SurvivalAnalysis a) {
        List<String> cols = new ArrayList<>();
        cols.add("group");
        for (double t : a.atTimes) {
            cols.add("t=" + Report.num(t));
        }
        Table t = new Table(cols);
        for (KaplanMeier km : a.curves) {
            Object[] row = new Object[cols.size()];
            row[0] = km.level;
            for (int i = 0; i < a.atTimes.length; i++) {
                row[i + 1] = km.atRisk(a.atTimes[i]);
            }
            t.addRow(row);
        }
        return t;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
