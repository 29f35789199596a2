package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.Table;

/**
 * The joined study table: one row per patient (the clinical sheet's order, then ids found only in
 * image names), the sheet's columns, and one column per marker holding the patient's score. The
 * tests read this table back from disk, so they use exactly what the user can open.
 */
final class StudyTableSection implements StudySection {

    @Override
    public String name() {
        return "study table";
    }

    @Override
    public double weight(StudyRun run) {
        return 0.2;
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        if (run.config.markers().isEmpty()) {
            return;
        }
        CsvTable clinical = run.inputs.clinical();
        List<String> columns = new ArrayList<>();
        columns.add("patient");
        List<Integer> clinicalCols = new ArrayList<>();
        if (clinical != null) {
            int idc = clinical.column(run.config.clinical().id());
            for (int c = 0; c < clinical.header().size(); c++) {
                if (c != idc) {
                    clinicalCols.add(c);
                    columns.add(clinical.header().get(c));
                }
            }
        }
        for (MarkerSpec m : run.config.markers()) {
            if (columns.contains(m.column())) {
                throw new InputException(run.config.file().getFileName() + ": marker '" + m.name()
                        + "' has the name of a clinical column; rename the marker");
            }
            columns.add(m.column());
        }
        Set<String> ids = new LinkedHashSet<>();
        if (clinical != null) {
            int idc = clinical.column(run.config.clinical().id());
            for (int r = 0; r < clinical.rowCount(); r++) {
                if (!clinical.get(r, idc).trim().isEmpty()) {
                    ids.add(clinical.get(r, idc).trim());
                }
            }
        }
        List<String> extra = new ArrayList<>();
        for (Map<String, Double> scores : run.markerScores.values()) {
            for (String id : scores.keySet()) {
                if (!ids.contains(id) && !extra.contains(id)) {
                    extra.add(id);
                }
            }
        }
        extra.sort(NaturalOrder.INSTANCE);
        ids.addAll(extra);
        Table t = new Table(columns);
        Provenance p = StudyProvenance.of(run.config);
        if (clinical != null) {
            p.put("clinical_sheet", run.config.clinical().file().getFileName());
        }
        for (MarkerSpec m : run.config.markers()) {
            p.put("score_" + m.name(), m.score() + " (tissue pixels pooled over the patient's fields)");
        }
        t.addComments(p.lines());
        for (String id : ids) {
            List<Object> row = new ArrayList<>();
            row.add(id);
            int r = clinical == null ? -1 : rowOf(clinical, run.config.clinical().id(), id);
            for (int c : clinicalCols) {
                row.add(r < 0 ? null : clinical.get(r, c));
            }
            for (MarkerSpec m : run.config.markers()) {
                row.add(run.markerScores.get(m.name()).get(id));
            }
            t.addRow(row.toArray());
        }
        String file = run.wrote(run.out.table("study", t));
        run.studyTable = CsvTable.read(run.out.root().resolve(file));
        run.studyRows = t;
        run.section("study-table", "Study table (one row per patient)")
                .text("The clinical sheet joined with each marker's patient score; empty cells are missing values"
                        + " (no image, no tissue, or no clinical row).")
                .add(new ReportItem.TableItem("Study table", t, file));
    }

    private static int rowOf(CsvTable t, String idColumn, String id) {
        int c = t.column(idColumn);
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.get(r, c).trim().equals(id)) {
                return r;
            }
        }
        return -1;
    }
}
