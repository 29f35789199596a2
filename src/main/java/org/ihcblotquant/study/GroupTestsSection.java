package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.CompareGroupsJob;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.plot.BarChart;

/**
 * Each marker's patient score compared between the response groups of the clinical sheet (mean
 * and SD or SEM per group, the chosen test, a bar chart with every patient as a point). A marker
 * whose test cannot run (a group with fewer than two patients) gets a warning; the others go on.
 */
final class GroupTestsSection implements StudySection {

    @Override
    public String name() {
        return "group tests";
    }

    @Override
    public double weight(StudyRun run) {
        return 0.5;
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        ClinicalSpec c = run.config.clinical();
        if (c == null || c.group() == null || run.studyTable == null || run.config.markers().isEmpty()) {
            return;
        }
        List<String> levels = c.levels().isEmpty() ? null : c.levels();
        List<GroupComparison> results = new ArrayList<>();
        List<MarkerSpec> tested = new ArrayList<>();
        Map<String, Object> json = Json.object();
        ReportSection sec = run.section("group-tests", "Markers by " + c.group());
        for (MarkerSpec m : run.config.markers()) {
            try {
                CompareGroupsJob.Outcome o = new CompareGroupsJob().run(CompareGroupsJob.Request
                        .builder(StatsSource.table(run.studyTable), run.config.compareTest()).value(m.column())
                        .group(c.group()).levels(levels).errorBars(run.config.errorBars())
                        .command("study: compare " + m.name()).build(), ProgressListener.NONE);
                results.add(o.result());
                tested.add(m);
                json.put(m.name(), StudyProvenance.withoutDate(o.json()));
                for (String s : o.warnings()) {
                    run.warn("marker " + m.name() + " by " + c.group() + ": " + s);
                }
            } catch (InputException e) {
                run.warn("marker " + m.name() + ": no comparison between groups: " + e.getMessage());
            }
        }
        if (results.isEmpty()) {
            sec.text("No marker could be compared between the groups (see the warnings).");
            return;
        }
        double[] raw = new double[results.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = results.get(i).p();
        }
        PValueAdjust.Method correction = run.config.correction();
        double[] adjusted = PValueAdjust.adjust(raw, correction);
        for (int i = 0; i < raw.length; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> j = (Map<String, Object>) json.get(tested.get(i).name());
            j.put("p_adjusted", adjusted[i]);
            j.put("correction", correction.label + " over " + raw.length + " markers");
        }
        Table t = table(tested, results, adjusted, correction);
        t.addComments(StudyProvenance.of(run.config).lines());
        String file = run.wrote(run.out.table("group-tests", t));
        run.wrote(run.out.json("group-tests", json));
        sec.text("Per marker: patient scores by " + c.group() + ", " + results.get(0).testLabel()
                + "; bars are means, error bars " + run.config.errorBars() + ", points are patients. "
                + (correction == PValueAdjust.Method.NONE || raw.length < 2 ? "p-values are not corrected."
                        : raw.length + " markers tested: p_adjusted is the " + correction.label
                                + "-corrected p next to each raw p."));
        sec.add(new ReportItem.TableItem("Group comparison per marker", t, file));
        for (int i = 0; i < results.size(); i++) {
            MarkerSpec m = tested.get(i);
            String name = "bars-" + OutputFolder.slug(m.name());
            String adj = correction == PValueAdjust.Method.NONE || raw.length < 2 ? ""
                    : "; " + correction.label + "-adjusted p = " + Report.p(adjusted[i]) + " (" + raw.length
                            + " markers)";
            ReportItem.Figure f = run.out.figure(name, m.name() + " (" + m.score() + ") by " + c.group() + ": "
                    + results.get(i).pLabel() + adj, new BarChart(results.get(i), m.name() + " " + m.score(),
                    run.config.errorBars(), m.name() + " by " + c.group()));
            for (String s : f.files) {
                run.wrote(s);
            }
            sec.add(f);
        }
    }

    private static Table table(List<MarkerSpec> markers, List<GroupComparison> results, double[] adjusted,
            PValueAdjust.Method correction) {
        List<String> cols = new ArrayList<>();
        cols.add("marker");
        cols.add("score");
        cols.add("test");
        cols.add("p");
        cols.add("p_adjusted");
        cols.add("correction");
        cols.add("statistic");
        cols.add("df");
        List<String> levels = results.get(0).data.levels();
        for (String l : levels) {
            cols.add("n_" + l);
            cols.add("mean_" + l);
            cols.add("sd_" + l);
        }
        Table t = new Table(cols);
        for (int i = 0; i < results.size(); i++) {
            GroupComparison g = results.get(i);
            List<Object> row = new ArrayList<>();
            row.add(markers.get(i).name());
            row.add(markers.get(i).score());
            row.add(g.testLabel());
            row.add(g.p());
            row.add(adjusted[i]);
            row.add(correction.label);
            row.add(statistic(g));
            row.add(df(g));
            for (String l : levels) {
                Descriptives d = null;
                for (Descriptives x : g.groups) {
                    if (x.level.equals(l)) {
                        d = x;
                    }
                }
                row.add(d == null ? null : d.n);
                row.add(d == null ? null : d.mean);
                row.add(d == null ? null : d.sd);
            }
            t.addRow(row.toArray());
        }
        return t;
    }

    private static Double statistic(GroupComparison g) {
        if (g.tTest != null) {
            return g.tTest.t;
        }
        if (g.mannWhitney != null) {
            return g.mannWhitney.w;
        }
        return g.anova != null ? g.anova.f : null;
    }

    private static Double df(GroupComparison g) {
        if (g.tTest != null) {
            return g.tTest.df;
        }
        return g.anova != null ? (double) g.anova.dfBetween : null;
    }
}
