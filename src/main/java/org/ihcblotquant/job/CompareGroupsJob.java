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
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.GroupedValues;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.StatsInput;
import org.ihcblotquant.stats.Warnings;
import org.ihcblotquant.stats.plot.BarChart;

/**
 * Compare groups: descriptives, and a Welch/Student/paired t-test, Mann–Whitney U, or one-way
 * ANOVA with Tukey HSD, of a numeric column split by a group column. Tables: {@code test} (not
 * for descriptives only) and {@code descriptives}.
 */
public final class CompareGroupsJob implements Job<CompareGroupsJob.Request, CompareGroupsJob.Outcome> {

    /** Immutable request; build with {@link #builder}. */
    public static final class Request {
        final StatsSource source;
        final GroupComparison.Test test;
        final String value;
        final String group;
        final List<String> levels;
        final String pairBy;
        final double confLevel;
        final org.ihcblotquant.stats.Alternative alternative;
        final org.ihcblotquant.stats.PValueAdjust.Method adjust;
        final BarChart.ErrorBars errorBars;
        final String title;
        final StatsOutputs outputs;
        final String command;

        private Request(Builder b) {
            this.source = b.source;
            this.test = b.test;
            this.value = b.value;
            this.group = b.group;
            this.levels = b.levels == null ? null : Collections.unmodifiableList(new ArrayList<>(b.levels));
            this.pairBy = b.pairBy;
            this.confLevel = b.confLevel;
            this.alternative = b.alternative;
            this.adjust = b.adjust;
            this.errorBars = b.errorBars;
            this.title = b.title;
            this.outputs = b.outputs;
            this.command = b.command;
        }

        public static Builder builder(StatsSource source, GroupComparison.Test test) {
            return new Builder(source, test);
        }
    }

    public static final class Builder {
        private final StatsSource source;
        private final GroupComparison.Test test;
        private String value;
        private String group;
        private List<String> levels;
        private String pairBy;
        private org.ihcblotquant.stats.Alternative alternative = org.ihcblotquant.stats.Alternative.TWO_SIDED;
        private org.ihcblotquant.stats.PValueAdjust.Method adjust = org.ihcblotquant.stats.PValueAdjust.Method.HOLM;
        private double confLevel = 0.95;
        private BarChart.ErrorBars errorBars = BarChart.ErrorBars.SD;
        private String title;
        private StatsOutputs outputs = StatsOutputs.none();
        private String command = "compare groups";

        private Builder(StatsSource source, GroupComparison.Test test) {
            this.source = source;
            this.test = test;
        }

        public Builder value(String column) {
            this.value = column;
            return this;
        }

        public Builder group(String column) {
            this.group = column;
            return this;
        }

        /** Groups to use in this order; null for all. */
        public Builder levels(List<String> levels) {
            this.levels = levels;
            return this;
        }

        /** Column pairing the rows of the paired t-test (e.g. the patient id). */
        /** One-sided alternatives of the two-group tests (x = first level). */
        public Builder alternative(org.ihcblotquant.stats.Alternative a) {
            this.alternative = a;
            return this;
        }

        /** Correction of Dunn's pairwise p-values after Kruskal-Wallis (Holm by default). */
        public Builder adjust(org.ihcblotquant.stats.PValueAdjust.Method m) {
            this.adjust = m;
            return this;
        }

        public Builder pairBy(String column) {
            this.pairBy = column;
            return this;
        }

        public Builder confLevel(double c) {
            this.confLevel = c;
            return this;
        }

        public Builder errorBars(BarChart.ErrorBars bars) {
            this.errorBars = bars;
            return this;
        }

        /** Figure title, or null for the default. */
        public Builder title(String title) {
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

    /** The comparison, its tables (test first), text and JSON. */
    public static final class Outcome extends JobOutcome {
        private final GroupComparison result;
        private final Map<String, Table> tables;
        private final Map<String, Object> json;
        private final List<Path> written;

        Outcome(Provenance p, List<String> warnings, GroupComparison result, Map<String, Table> tables,
                Map<String, Object> json, List<Path> written) {
            super(p, warnings);
            this.result = result;
            this.tables = Collections.unmodifiableMap(tables);
            this.json = json;
            this.written = Collections.unmodifiableList(written);
        }

        public GroupComparison result() {
            return result;
        }

        /** {@code test} (unless descriptives only), then {@code descriptives}. */
        public Map<String, Table> tables() {
            return tables;
        }

        /** The table a single-table front end shows: the test, or the descriptives when there is none. */
        public Table mainTable() {
            return tables.values().iterator().next();
        }

        public String text() {
            return result.toText();
        }

        /** The result with warnings and provenance, as {@code --json} writes it. */
        public Map<String, Object> json() {
            return json;
        }

        public List<Path> written() {
            return written;
        }
    }

    /** File names of the tables in an output folder. */
    static final List<String> FOLDER_NAMES = Arrays.asList("compare_groups_test", "compare_groups_descriptives");

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        String value = Fields.required("value", q.value);
        String group = Fields.required("group", q.group);
        if (!(q.confLevel > 0 && q.confLevel < 1)) {
            throw new FieldException("conf-level", "must be between 0 and 1, e.g. 0.95");
        }
        boolean paired = q.test == GroupComparison.Test.PAIRED || q.test == GroupComparison.Test.SIGNRANK;
        if (paired) {
            Fields.required("paired-by", q.pairBy);
        } else if (q.pairBy != null && !q.pairBy.trim().isEmpty()) {
            throw new FieldException("paired-by", "belongs to the paired tests only (paired t, signed-rank)");
        }
        q.source.check();
        List<String> names = q.test == GroupComparison.Test.NONE ? Collections.singletonList("descriptives")
                : Arrays.asList("test", "descriptives");
        List<String> folderNames = q.test == GroupComparison.Test.NONE
                ? Collections.singletonList(FOLDER_NAMES.get(1)) : FOLDER_NAMES;
        q.outputs.check(q.source.files(), names, folderNames);

        Provenance prov = Provenance.start(q.command);
        Warnings w = new Warnings();
        ColumnData d = q.source.load(prov, w);
        prov.put("test", q.test.label).put("value", value).put("group", group).put("conf_level", q.confLevel);
        GroupedValues gv = StatsInput.grouped(d, value, group, q.levels, w);
        prov.put("levels", String.join(",", gv.levels()));
        double[][] pairs = null;
        if (paired) {
            if (gv.levelCount() != 2) {
                throw FieldException.notFitting("levels", "a paired test compares exactly 2 groups, found "
                        + gv.levelCount() + " (" + String.join(", ", gv.levels()) + "); choose two");
            }
            prov.put("paired_by", q.pairBy.trim());
            pairs = StatsInput.pairs(d, value, group, q.pairBy.trim(), gv.levels().get(0), gv.levels().get(1), w);
        }
        if (q.alternative != org.ihcblotquant.stats.Alternative.TWO_SIDED) {
            prov.put("alternative", q.alternative.key);
        }
        if (q.test == GroupComparison.Test.KRUSKAL) {
            prov.put("adjust", q.adjust.label);
        }
        GroupComparison result = GroupComparison.run(q.test, gv, pairs, q.confLevel, q.alternative, q.adjust);
        Map<String, Table> tables = new LinkedHashMap<>();
        if (q.test != GroupComparison.Test.NONE) {
            tables.put("test", result.testTable());
        }
        tables.put("descriptives", result.descriptivesTable());
        Map<String, Object> json = result.toJson();
        joinJson(d, json);
        json.put("warnings", w.all());
        Map<String, Object> p = Json.object();
        p.putAll(prov.entries());
        json.put("provenance", p);
        List<Path> written = q.outputs.write(tables, folderNames, json, prov, w.all(),
                new BarChart(result, value, q.errorBars, q.title));
        return new Outcome(prov, w.all(), result, tables, json, written);
    }

    /** The join report in the JSON result, as the CLI has always written it. */
    static void joinJson(ColumnData d, Map<String, Object> json) {
        ColumnData.JoinReport j = d.joinReport();
        if (j == null) {
            return;
        }
        Map<String, Object> m = Json.object();
        m.put("on", j.on);
        m.put("matched", j.matched);
        m.put("only_in_table", j.onlyInLeft);
        m.put("only_in_join", j.onlyInRight);
        json.put("join", m);
    }
}
