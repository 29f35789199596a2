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
                : q.score != null ? StatsInput.Grouping.byCut(q.score, q.cut) : StatsInput.Grouping.none();
        Provenance prov = Provenance.start(q.command);
        Warnings w = new Warnings();
        ColumnData d = q.source.load(prov, w);
        prov.put("time", time).put("event", event).put("event_codes", q.codes.describe())
                .put("grouping", grouping.describe()).put("conf_type", q.confType.label).put("conf_level", q.confLevel)
                .put("ties", "efron (Cox); hypergeometric variance (log-rank)");
        SurvivalData data = StatsInput.survival(d, time, event, grouping, q.codes, q.levels, w);
        SurvivalAnalysis analysis = SurvivalAnalysis.run(data, q.confType, q.confLevel, q.at, w);
        Map<String, Object> json = analysis.toJson();
        CompareGroupsJob.joinJson(d, json);
        String text = analysis.toText();
        if (grouping.isCut()) {
            Map<String, Object> cut = Json.object();
            cut.put("score", q.score);
            cut.put("cut", q.cut);
            cut.put("rule", "score < cut: low; score >= cut: high");
            Map<String, Object> counts = Json.object();
            StringBuilder sb = new StringBuilder("Groups by " + grouping.describe() + ":");
            for (int g = 0; g < data.levelCount(); g++) {
                counts.put(data.levels().get(g), data.count(g));
                sb.append(" ").append(data.levels().get(g)).append(" n = ").append(data.count(g))
                        .append(g + 1 < data.levelCount() ? "," : "");
            }
            cut.put("counts", counts);
            json.put("cut", cut);
            text = sb + "\n\n" + text;
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
        return new Outcome(prov, w.all(), analysis, tables, text, json, written);
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

    private static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
