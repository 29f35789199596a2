package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.job.SurvivalJob;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.plot.KaplanMeierChart;

/**
 * Kaplan–Meier curves, numbers at risk and the log-rank test for every endpoint of the clinical
 * sheet, patients split by a marker's score at the study's cut-off (low below, high at or above).
 * A cut that leaves a group empty gives no test and a warning that says so with the scores'
 * range (from the statistics input), never a silent one-curve "comparison".
 */
final class SurvivalSection implements StudySection {

    @Override
    public String name() {
        return "survival";
    }

    @Override
    public double weight(StudyRun run) {
        return 0.5;
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        ClinicalSpec c = run.config.clinical();
        if (c == null || run.studyTable == null || run.config.survival().isEmpty()) {
            return;
        }
        ReportSection sec = run.section("survival", "Survival by marker score");
        Table summary = null;
        Map<String, Object> json = Json.object();
        for (SurvivalSpec s : run.config.survival()) {
            for (ClinicalSpec.Endpoint e : c.endpoints()) {
                String label = e.name + " by " + s.marker();
                SurvivalJob.Outcome o;
                try {
                    o = new SurvivalJob().run(SurvivalJob.Request.builder(StatsSource.table(run.studyTable))
                            .time(e.time).event(e.event).codes(c.eventCodes()).scoreCut(s.marker(), s.cut())
                            .at(s.atTimes()).command("study: survival " + label).build(), ProgressListener.NONE);
                } catch (InputException ex) {
                    // e.g. a cut-off outside the scores, which leaves a group empty
                    run.warn(label + ": not compared: " + ex.getMessage());
                    sec.text(label + ": not compared: " + ex.getMessage());
                    continue;
                }
                for (String m : o.warnings()) {
                    run.warn(label + ": " + m);
                }
                SurvivalAnalysis a = o.analysis();
                String slug = OutputFolder.slug(e.name + "-" + s.marker());
                Table t = a.summaryTable();
                summary = append(summary, t, e.name, s);
                run.wrote(run.out.table("km-" + slug, a.kmTable()));
                Map<String, Object> j = StudyProvenance.withoutDate(o.json());
                j.put("endpoint", e.name);
                j.put("marker", s.marker());
                j.put("cut", s.cut());
                j.put("cut_method", s.cutLabel());
                json.put(e.name + " by " + s.marker(), j);
                String title = e.name + " by " + s.marker() + " (" + s.cutLabel() + ")";
                ReportItem.Figure f = run.out.figure("km-" + slug, String.format(Locale.ROOT,
                        "%s: Kaplan-Meier, %s < %s low, >= %s high (%s); log-rank p = %s", e.name, s.marker(),
                        Report.num(s.cut()), Report.num(s.cut()), s.cutLabel(), Report.p(a.logRank.p)),
                        new KaplanMeierChart(a, c.timeLabel(), false, title));
                for (String file : f.files) {
                    run.wrote(file);
                }
                sec.add(f);
            }
        }
        if (summary != null) {
            summary.addComments(StudyProvenance.of(run.config).lines());
            String file = run.wrote(run.out.table("survival", summary));
            run.wrote(run.out.json("survival", json));
            sec.items.add(0, new ReportItem.TableItem("Survival per endpoint and group (median, log-rank, Cox hazard"
                    + " ratio vs the low group)", summary, file));
        }
    }

    private static Table append(Table into, Table t, String endpoint, SurvivalSpec s) {
        List<String> cols = new ArrayList<>();
        cols.add("endpoint");
        cols.add("marker");
        cols.add("cut");
        cols.add("cut_method");
        cols.addAll(t.columns());
        Table out = into == null ? new Table(cols) : into;
        for (int i = 0; i < t.rowCount(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(endpoint);
            row.add(s.marker());
            row.add(s.cut());
            row.add(s.cutLabel());
            for (Object o : t.row(i)) {
                row.add(o);
            }
            out.addRow(row.toArray());
        }
        return out;
    }
}
