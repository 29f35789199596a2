package org.ihcblotquant.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.blot.BandRow;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotOverlay;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.BlotAnalyzeJob;

/**
 * Each blot of the study: lanes and bands found, background subtracted, every band normalised to
 * the loading control in its lane and to the reference lane(s); the table, the overlay picture,
 * a bar chart of the normalised values per lane, and the warnings (saturated bands, low SNR, a
 * varying loading control). A blot that cannot be analysed is listed and the study goes on.
 */
final class BlotSection implements StudySection {
    private static final int OVERLAY_SIZE = 900;

    @Override
    public String name() {
        return "blots";
    }

    @Override
    public double weight(StudyRun run) {
        return run.config.blots().size();
    }

    @Override
    public void run(StudyRun run, ProgressListener progress) throws IOException {
        if (run.config.blots().isEmpty()) {
            return;
        }
        ReportSection sec = run.section("blots", "Western blots");
        sec.text("signal = band total minus background x area; normalized = signal / loading-control signal in the"
                + " same lane; relative = normalized / mean normalized of the reference lane(s).");
        int i = 0;
        for (BlotSpec b : run.config.blots()) {
            progress.progress(i++ / (double) run.config.blots().size(), "blot " + b.name());
            try {
                blot(run, sec, b);
            } catch (InputException e) {
                run.warn("blot " + b.name() + ": not analysed: " + e.getMessage());
                sec.text(b.name() + ": not analysed: " + e.getMessage());
            }
        }
    }

    private static void blot(StudyRun run, ReportSection sec, BlotSpec b) throws IOException {
        String label = b.image().getFileName().toString();
        BlotSettings s = b.settings();
        BlotAnalyzeJob.Outcome o = new BlotAnalyzeJob().run(new BlotAnalyzeJob.Request(
                Collections.singletonList(BlotAnalyzeJob.BlotImage.file(label, b.image(),
                        b.rows().isEmpty() ? null : b.rows(), null)), s, b.control(), b.referenceLanes(), null, null,
                0, "study: blot " + b.name()), ProgressListener.NONE);
        BlotAnalysis a = o.analyses().get(0);
        if (!b.laneLabels().isEmpty() && a.lanes().size() != b.laneLabels().size()) {
            throw new InputException(b.image() + ": " + a.lanes().size() + " lanes found, " + b.laneLabels().size()
                    + " lane labels given");
        }
        for (String w : o.warnings()) {
            run.warn("blot " + b.name() + ": " + w);
        }
        Table t = withLabels(o.table(), b);
        Provenance p = StudyProvenance.of(run.config);
        p.put("blot", b.name());
        p.put("image", label);
        p.put("background", s.background + " = " + s.background.describe());
        p.put("control", b.control() == null ? "none" : b.control());
        p.put("reference_lanes", java.util.Arrays.toString(b.referenceLanes()));
        t.addComments(p.lines());
        sec.text(b.name() + ": " + label + ", " + a.lanes().size() + " lanes, rows " + rowNames(a) + "; control "
                + (b.control() == null ? "none" : b.control()) + ", reference lane(s) "
                + java.util.Arrays.toString(b.referenceLanes()).replaceAll("[\\[\\]]", "") + ", background "
                + s.background + " (" + s.background.describe() + ")");
        String slug = OutputFolder.slug(b.name());
        String file = run.wrote(run.out.table("blot-" + slug, t));
        ReportItem.Figure overlay = run.out.picture("blot-" + slug + "-overlay", b.name() + ": lanes (blue) and"
                + " measured bands as found", BlotOverlay.render(a, s.minSnr, OVERLAY_SIZE).getBufferedImage());
        run.wrote(overlay.files.get(0));
        sec.add(overlay);
        sec.add(new ReportItem.TableItem(b.name() + ": bands", t, file));
        ReportItem.Figure bars = run.out.figure("blot-" + slug + "-relative", b.name() + ": relative values per lane",
                chart(b, a, t));
        for (String f : bars.files) {
            run.wrote(f);
        }
        sec.add(bars);
    }

    private static String rowNames(BlotAnalysis a) {
        List<String> n = new ArrayList<>();
        for (BandRow r : a.rows()) {
            n.add(r.name());
        }
        return String.join(", ", n);
    }

    /** The quantifier's table with the lane's label (sample id) after the lane number. */
    private static Table withLabels(Table q, BlotSpec b) {
        List<String> cols = new ArrayList<>(q.columns());
        int lane = cols.indexOf("lane");
        cols.add(lane + 1, "lane_label");
        Table t = new Table(cols);
        for (int r = 0; r < q.rowCount(); r++) {
            List<Object> row = new ArrayList<>(java.util.Arrays.asList(q.row(r)));
            int l = ((Number) row.get(lane)).intValue();
            row.add(lane + 1, b.laneLabels().isEmpty() ? String.valueOf(l) : b.laneLabels().get(l - 1));
            t.addRow(row.toArray());
        }
        return t;
    }

    private static LaneBarChart chart(BlotSpec b, BlotAnalysis a, Table t) {
        List<String> proteins = new ArrayList<>();
        for (BandRow r : a.rows()) {
            if (!r.name().equals(b.control())) {
                proteins.add(r.name());
            }
        }
        int lanes = a.lanes().size();
        List<String> labels = new ArrayList<>();
        for (int l = 1; l <= lanes; l++) {
            labels.add(b.laneLabels().isEmpty() ? String.valueOf(l) : b.laneLabels().get(l - 1));
        }
        double[][] v = new double[proteins.size()][lanes];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            int p = proteins.indexOf(String.valueOf(t.get(r, "protein")));
            Object rel = t.get(r, "relative");
            if (p >= 0 && rel instanceof Number) {
                v[p][((Number) t.get(r, "lane")).intValue() - 1] = ((Number) rel).doubleValue();
            }
        }
        String unit = b.control() == null ? "relative to reference lane"
                : String.format(Locale.ROOT, "/ %s, relative to lane %s", b.control(),
                        java.util.Arrays.toString(b.referenceLanes()).replaceAll("[\\[\\]]", ""));
        return new LaneBarChart(b.name(), unit, labels, proteins, v);
    }
}
