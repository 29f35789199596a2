package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;

/**
 * Pixel scoring of the markers' images (in parallel, resumable): the per-image table, the
 * per-patient table (tissue pixels pooled over a patient's fields), a QC picture of every image,
 * and the warnings: images that failed or had no tissue, fields counted as patients.
 */
final class PixelMarkersSection implements StudySection {

    @Override
    public String name() {
        return "pixel scoring";
    }

    @Override
    public double weight(StudyRun run) {
        return run.config.pixelMarkers().isEmpty() ? 0 : 10;
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        if (run.config.pixelMarkers().isEmpty()) {
            return;
        }
        int[] reused = new int[1];
        List<ScoredImage> images = new MarkerScoring(run.config, run.cache).run(run.inputs, progress, reused);
        run.imagesScored = images.size();
        run.imagesReused = reused[0];
        Provenance p = StudyProvenance.of(run.config);
        for (MarkerSpec m : run.config.pixelMarkers()) {
            Provenance mp = new Provenance();
            m.settings().describe(mp);
            for (String line : mp.lines()) {
                p.put(m.name() + " " + line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
            }
        }
        Table imageTable = new Table(MarkerScoring.imageColumns());
        imageTable.addComments(p.lines());
        for (ScoredImage s : images) {
            imageTable.addRow((Object[]) s.row());
        }
        ReportSection sec = run.section("markers", "IHC markers (pixel scoring)");
        sec.text(String.format(Locale.ROOT, "%d images of %d markers scored (%d reused from an earlier run with the"
                + " same file content and settings). Patient score = %s of the tissue pixels pooled over the"
                + " patient's fields.", images.size(), run.config.pixelMarkers().size(), reused[0], scoreNames(run)));
        Table patients = patientTable(run, images);
        patients.addComments(p.lines());
        String patientsFile = run.wrote(run.out.table("patients", patients));
        String imagesFile = run.wrote(run.out.table("images", imageTable));
        sec.add(new ReportItem.TableItem("Per patient and marker (pooled fields)", patients, patientsFile));
        sec.add(new ReportItem.TableItem("Per image", imageTable, imagesFile));
        failures(run, images);
        for (MarkerSpec m : run.config.pixelMarkers()) {
            ReportItem.Gallery g = new ReportItem.Gallery("QC pictures, " + m.name() + ": each field or slide with"
                    + " its tissue outlined in green and the positive pixels painted (yellow weak, orange moderate,"
                    + " red strong)");
            for (ScoredImage s : images) {
                if (s.marker().equals(m.name())) {
                    g.add(s.name() + " (" + s.patient() + ")", s.status(), s.thumbnail());
                }
            }
            sec.add(g);
        }
    }

    private static String scoreNames(StudyRun run) {
        List<String> s = new ArrayList<>();
        for (MarkerSpec m : run.config.pixelMarkers()) {
            s.add(m.name() + ": " + m.score());
        }
        return String.join(", ", s);
    }

    /** One row per patient and marker; also fills {@link StudyRun#markerScores}. */
    private static Table patientTable(StudyRun run, List<ScoredImage> images) {
        Map<String, Map<String, MarkerScoring.PooledScore>> pooled = MarkerScoring.pool(images);
        Table t = new Table("patient", "marker", "images", "tissue_px", "dab_mean_od", "positive_fraction", "weak_pct",
                "moderate_pct", "strong_pct", "h_score", "score", "score_column");
        for (MarkerSpec m : run.config.pixelMarkers()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, MarkerScoring.PooledScore> byPatient = pooled.get(m.name());
            if (byPatient == null) {
                run.markerScores.put(m.name(), scores);
                continue;
            }
            List<String> ids = new ArrayList<>(byPatient.keySet());
            ids.sort(NaturalOrder.INSTANCE);
            for (String id : ids) {
                MarkerScoring.PooledScore ps = byPatient.get(id);
                double score = ps.score(m.score());
                scores.put(id, score);
                t.addRow(id, m.name(), ps.images, ps.counts.tissue(), ps.counts.meanChromogen(),
                        ps.counts.positiveFraction(), ps.counts.percent(1), ps.counts.percent(2), ps.counts.percent(3),
                        ps.counts.hScore(), score, m.score());
            }
            run.markerScores.put(m.name(), scores);
        }
        return t;
    }

    private static void failures(StudyRun run, List<ScoredImage> images) {
        Map<String, List<String>> noTissue = new LinkedHashMap<>();
        for (ScoredImage s : images) {
            if (s.isOk()) {
                continue;
            }
            run.imagesFailed++;
            if (s.status().contains("no tissue")) {
                noTissue.computeIfAbsent(s.marker(), k -> new ArrayList<>()).add(s.name());
            } else {
                run.warn("marker " + s.marker() + ": image " + s.file() + " not scored: " + s.status());
            }
        }
        for (Map.Entry<String, List<String>> e : noTissue.entrySet()) {
            run.warn("marker " + e.getKey() + ": " + e.getValue().size() + " image(s) with no tissue, left out of the"
                    + " patient scores: " + StudyPreflight.sample(e.getValue()));
        }
    }
}
