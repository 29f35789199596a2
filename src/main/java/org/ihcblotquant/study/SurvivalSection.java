package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.StatsSource;
import org.ihcblotquant.job.SurvivalJob;
import org.ihcblotquant.stats.CutPoint;
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
                CutPoint.Assignment cut = a.data.cut();
                String slug = OutputFolder.slug(e.name + "-" + s.marker());
                summary = append(summary, a.summaryTable(), e.name, cut);
                run.wrote(run.out.table("km-" + slug, a.kmTable()));
                Map<String, Object> j = StudyProvenance.withoutDate(o.json());
                j.put("endpoint", e.name);
                j.put("marker", s.marker());
                json.put(e.name + " by " + s.marker(), j);
                String caption = String.format(Locale.ROOT, "%s: Kaplan-Meier by %s; log-rank p = %s", e.name,
                        cut.rule, Report.p(a.logRank.p));
                if (cut.search != null) {
                    caption += String.format(Locale.ROOT, " (too optimistic: the cut was chosen on these data;"
                            + " Lausen-Schumacher adjusted p = %s)", Report.p(cut.search.pAdjusted));
                }
                ReportItem.Figure f = run.out.figure("km-" + slug, caption, new KaplanMeierChart(a, c.timeLabel(),
                        false, e.name + " by " + s.marker()));
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
                    + " ratio vs the low group; an optimal cut is data-chosen: use its adjusted p)", summary, file));
        }
    }

    private static Table append(Table into, Table t, String endpoint, CutPoint.Assignment cut) {
        List<String> cols = new ArrayList<>();
        cols.add("endpoint");
        cols.add("marker");
        cols.add("cut_mode");
        cols.add("cut");
        cols.add("cut_rule");
        cols.add("cut_p_adjusted");
        cols.addAll(t.columns());
        Table out = into == null ? new Table(cols) : into;
        StringBuilder at = new StringBuilder();
        for (double v : cut.thresholds) {
            at.append(at.length() == 0 ? "" : ";").append(CsvFormat.format(v));
        }
        for (int i = 0; i < t.rowCount(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(endpoint);
            row.add(cut.score);
            row.add(cut.dataChosen ? "optimal (data-chosen)" : cut.cut.mode.name().toLowerCase(Locale.ROOT));
            row.add(at.toString());
            row.add(cut.rule);
            row.add(cut.search == null ? null : cut.search.pAdjusted);
            for (Object o : t.row(i)) {
                row.add(o);
            }
            out.addRow(row.toArray());
        }
        return out;
    }
}
