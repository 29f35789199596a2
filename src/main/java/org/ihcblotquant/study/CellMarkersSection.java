package org.ihcblotquant.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.cells.CellImageResult;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.CellsJob;

/**
 * Markers scored cell by cell (mode: cells) through {@link CellsJob}: nuclei found, each cell
 * classified by its DAB, per-image, per-patient (cells pooled over the patient's fields) and
 * per-cell tables; the patient's value is the chosen column of the per-patient table
 * (positive_pct, cell_h_score, allred, irs or nuclear_dab_mean_od).
 */
final class CellMarkersSection implements StudySection {

    @Override
    public String name() {
        return "cell scoring";
    }

    @Override
    public double weight(StudyRun run) {
        return 10 * run.config.cellMarkers().size();
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        List<MarkerSpec> markers = run.config.cellMarkers();
        if (markers.isEmpty()) {
            return;
        }
        ReportSection sec = run.section("cells", "IHC markers (cell scoring)");
        for (int i = 0; i < markers.size(); i++) {
            marker(run, sec, markers.get(i), slice(progress, i, markers.size()));
        }
    }

    private static void marker(StudyRun run, ReportSection sec, MarkerSpec m, ProgressListener progress)
            throws IOException {
        String slug = OutputFolder.slug(m.name());
        // the job writes the per-cell table only to a file; it is rewritten below without the run's date
        Path part = run.out.cacheDir().resolve("cells-" + slug + ".part.csv");
        CellsJob.Outcome o;
        try {
            CellsJob.Builder b = CellsJob.Request.builder(m.cellSettings());
            for (Path in : m.inputs()) {
                b.input(in);
            }
            o = new CellsJob().run(b.cells(part).createFolders(true).command("study: cells " + m.name()).build(),
                    progress);
        } finally {
            Files.deleteIfExists(part);
        }
        for (String w : o.warnings()) {
            run.warn("marker " + m.name() + ": " + w);
        }
        int failed = 0;
        for (CellImageResult r : o.results()) {
            if (!r.isOk()) {
                failed++;
                run.warn("marker " + m.name() + ": image " + r.image() + " not analysed: " + r.status());
            }
        }
        run.imagesScored += o.results().size();
        run.imagesFailed += failed;
        Provenance p = StudyProvenance.of(run.config);
        m.cellSettings().describe(p);
        Table images = OutputFolder.rowsOnly(o.images()).addComments(p.lines());
        Table patients = OutputFolder.rowsOnly(o.slides()).addComments(p.lines());
        Table cells = OutputFolder.rowsOnly(o.cells()).addComments(p.lines());
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < patients.rowCount(); r++) {
            Object v = patients.get(r, m.score());
            scores.put(String.valueOf(patients.get(r, "slide")), v instanceof Number ? ((Number) v).doubleValue()
                    : Double.NaN);
        }
        run.markerScores.put(m.name(), scores);
        String fi = run.wrote(run.out.table("cells-" + slug + "-images", images));
        String fp = run.wrote(run.out.table("cells-" + slug + "-patients", patients));
        String fc = run.wrote(run.out.table("cells-" + slug + "-cells", cells));
        sec.text(m.name() + ": " + o.results().size() + " images (" + failed + " not analysed), " + cells.rowCount()
                + " cells; patient score = " + m.score() + " of the cells pooled over the patient's fields"
                + " (column slide = patient id). No QC pictures here: Fiji's IHC Cells shows the nuclei overlay"
                + " of a field.");
        sec.add(new ReportItem.TableItem(m.name() + ": per patient", patients, fp));
        sec.add(new ReportItem.TableItem(m.name() + ": per image", images, fi));
        sec.text(m.name() + ": one row per cell in " + fc + ".");
    }

    private static ProgressListener slice(ProgressListener all, int index, int count) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                all.progress((index + fraction) / count, message);
            }

            @Override
            public boolean isCancelled() {
                return all.isCancelled();
            }
        };
    }
}
