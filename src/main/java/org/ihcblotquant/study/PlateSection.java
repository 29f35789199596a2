package org.ihcblotquant.study;

import java.io.IOException;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.PlateJob;
import org.ihcblotquant.job.PlateOutcome;
import org.ihcblotquant.job.PlateRequest;

/**
 * The plate assays of the study through {@link PlateJob}: blank subtraction, normalisation to
 * the control, the tests against the control, per-condition and per-well tables and a bar chart
 * per plate; a plate that cannot be analysed is listed and the study goes on.
 */
final class PlateSection implements StudySection {

    @Override
    public String name() {
        return "plates";
    }

    @Override
    public double weight(StudyRun run) {
        return 0.3 * run.config.plates().size();
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        if (run.config.plates().isEmpty()) {
            return;
        }
        ReportSection sec = run.section("plates", "Plate assays");
        for (PlateSpec p : run.config.plates()) {
            try {
                plate(run, sec, p);
            } catch (InputException e) {
                run.warn("plate " + p.name() + ": not analysed: " + e.getMessage());
                sec.text(p.name() + ": not analysed: " + e.getMessage());
            }
        }
    }

    private static void plate(StudyRun run, ReportSection sec, PlateSpec p) throws IOException {
        PlateOutcome o = new PlateJob().run(PlateRequest.builder(p.reads(), p.layout(), p.settings()).plate(p.plate())
                .title(p.name()).build(), ProgressListener.NONE);
        for (String w : o.warnings()) {
            run.warn("plate " + p.name() + ": " + w);
        }
        Provenance prov = StudyProvenance.of(run.config);
        prov.put("plate_assay", p.name());
        prov.put("reads", p.reads().getFileName());
        prov.put("layout", p.layout().getFileName());
        prov.put("plate", p.plate() == 0 ? "all" : String.valueOf(p.plate()));
        prov.put("blank", p.settings().blank);
        prov.put("control", p.settings().control);
        prov.put("normalise", p.settings().normalisation.key);
        String slug = OutputFolder.slug(p.name());
        Table conditions = OutputFolder.rowsOnly(o.conditionsTable()).addComments(prov.lines());
        Table tests = OutputFolder.rowsOnly(o.testsTable()).addComments(prov.lines());
        Table wells = OutputFolder.rowsOnly(o.wellsTable()).addComments(prov.lines());
        String cf = run.wrote(run.out.table("plate-" + slug, conditions));
        String tf = run.wrote(run.out.table("plate-" + slug + "-tests", tests));
        run.wrote(run.out.table("plate-" + slug + "-wells", wells));
        run.wrote(run.out.json("plate-" + slug, StudyProvenance.withoutDate(o.json())));
        sec.text(p.name() + ": " + p.reads().getFileName() + (p.plate() == 0 ? "" : ", plate " + p.plate())
                + "; blank '" + p.settings().blank + "' subtracted, normalised to '" + p.settings().control + "' ("
                + p.settings().normalisation.unit + ")");
        for (int i = 0; i < o.plates().size(); i++) {
            ReportItem.Figure f = run.out.figure("plate-" + slug + (o.plates().size() > 1 ? "-" + (i + 1) : ""),
                    p.name() + ": mean and SD of the replicate wells per condition, tests against the control",
                    o.chart(i));
            for (String file : f.files) {
                run.wrote(file);
            }
            sec.add(f);
        }
        sec.add(new ReportItem.TableItem(p.name() + ": per condition", conditions, cf));
        sec.add(new ReportItem.TableItem(p.name() + ": tests", tests, tf));
    }
}
