package org.ihcblotquant.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.ihcblotquant.blot.SyntheticBlot;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.plate.ExamplePlates;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;

/**
 * A realistic, entirely synthetic example study, made the same way every time (fixed seeds): 23
 * patients (9 chemotherapy-sensitive, 14 resistant), two DAB fields per patient for each of
 * p-STAT3, MRP, MDR-1 and IL-6 (Beer–Lambert fields, staining higher in resistant patients, least
 * so for IL-6), one blank field (no tissue) among the IL-6 images as real folders have, a
 * p-STAT3 / STAT3 / β-actin blot of six patients, the CCK-8 and Caspase-Glo 3/7 plates of
 * Saos-2 cells under doxorubicin, IL-6 and AG490 ({@link ExamplePlates}), a clinical sheet with response, overall and
 * recurrence-free survival (shorter with high p-STAT3), and the study file that ties them
 * together; {@code truth.csv} and {@code blot-truth.csv} hold the true values the images were made
 * from. No patient data.
 */
public final class DemoStudy {
    /** Changes whenever the generated data change, so an old demo folder is made anew. */
    static final String VERSION = "demo-study 4";
    static final String STAMP = ".demo-study-version";
    static final String[] MARKERS = {"p-STAT3", "MRP", "MDR-1", "IL-6"};
    /** Mean DAB OD over tissue aimed at, per marker: sensitive mean, resistant mean, SD within groups. */
    private static final double[][] TARGET = {{0.36, 0.57, 0.08}, {0.30, 0.44, 0.07}, {0.27, 0.39, 0.08},
        {0.32, 0.37, 0.08}};
    static final int PATIENTS = 23;
    private static final int[] SENSITIVE = {1, 3, 4, 7, 9, 12, 15, 18, 21};
    static final int FIELDS = 2;
    /** Blot lanes: the first three sensitive and the first three resistant patients. */
    private static final int BLOT_LANES = 6;

    private DemoStudy() {
    }

    /**
     * The demo folder, made when missing or made anew when an older generator wrote it; returns
     * its study file. A folder of that name that this generator did not write is left alone.
     */
    public static Path ensure(Path dir) throws IOException {
        Path stamp = dir.resolve(STAMP);
        if (Files.isRegularFile(stamp)
                && VERSION.equals(new String(Files.readAllBytes(stamp), StandardCharsets.UTF_8).trim())) {
            return dir.resolve("study.yaml");
        }
        if (Files.exists(dir) && !Files.isRegularFile(stamp)) {
            throw new InputException(dir + " exists but was not made by the demo generator (no " + STAMP
                    + "); move it away to let the demo make its study there");
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".part");
        deleteTree(tmp);
        write(tmp);
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir.resolve("study.yaml");
    }

    static boolean sensitive(int patient) {
        for (int s : SENSITIVE) {
            if (s == patient) {
                return true;
            }
        }
        return false;
    }

    static String id(int patient) {
        return String.format(Locale.ROOT, "P%02d", patient);
    }

    /** Writes the whole demo study into {@code dir}. */
    static void write(Path dir) throws IOException {
        Random rnd = new Random(2013);
        double[][] level = new double[MARKERS.length][PATIENTS + 1];
        for (int m = 0; m < MARKERS.length; m++) {
            for (int p = 1; p <= PATIENTS; p++) {
                double mean = sensitive(p) ? TARGET[m][0] : TARGET[m][1];
                level[m][p] = Math.max(0.08, mean + TARGET[m][2] * rnd.nextGaussian());
            }
        }
        long seed = 1000;
        // the random draws in a fixed order first, then the fields rendered in parallel
        List<Object[]> fields = new ArrayList<>();
        for (int m = 0; m < MARKERS.length; m++) {
            for (int p = 1; p <= PATIENTS; p++) {
                for (int f = 1; f <= FIELDS; f++) {
                    double target = Math.max(0.05, level[m][p] * (1 + 0.06 * rnd.nextGaussian()));
                    fields.add(new Object[] {MARKERS[m], p, f, target, 0.5 + 0.15 * rnd.nextDouble(), seed++});
                }
            }
        }
        Object[][] truthRows = new Object[fields.size()][];
        IntStream.range(0, fields.size()).parallel().forEach(i -> {
            Object[] a = fields.get(i);
            SyntheticIhc.Sample s = field((Double) a[3], (Double) a[4], (Long) a[5]);
            String name = id((Integer) a[1]) + "_field" + a[2] + ".png";
            try {
                png(s, dir.resolve("images").resolve((String) a[0]).resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            truthRows[i] = new Object[] {a[0], name, id((Integer) a[1]), s.tissuePixels(), s.meanDab(),
                s.hScore(0.2, 0.4, 0.6)};
        });
        Table truth = new Table("marker", "image", "patient", "tissue_px", "dab_mean_od", "h_score");
        truth.addComment("Ground truth of the synthetic demo fields (Beer-Lambert, H DAB vectors, thresholds 0.2/0.4/0.6)");
        for (Object[] row : truthRows) {
            truth.addRow(row);
        }
        CsvFormat.write(truth, dir.resolve("truth.csv"));
        // a blank field (glass only), as every real folder has one: the report lists it
        png(new SyntheticIhc().size(256, 192).tissueCover(0).seed(seed).generate(),
                dir.resolve("images").resolve("IL-6").resolve(id(7) + "_field3.png"));
        clinical(dir.resolve("clinical.csv"), level[0], new Random(7));
        CsvFormat.write(blot(dir.resolve("blots").resolve("stat3-blot.png"), level[0]), dir.resolve("blot-truth.csv"));
        ExamplePlates.write(dir.resolve("plates"));
        AtomicFiles.writeText(dir.resolve("study.yaml"), studyFile());
        AtomicFiles.writeText(dir.resolve(STAMP), VERSION + "\n");
    }

    /**
     * A field whose cells carry DAB around {@code 2 x target} (cells cover about half of the
     * tissue, so the mean over tissue is near the target), spread over five levels.
     */
    private static SyntheticIhc.Sample field(double target, double cover, long seed) {
        double[] levels = {0.0, 0.4, 0.8, 1.2, 1.6};
        double centre = 2 * target;
        double[] w = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            double d = (levels[k] - centre) / 0.4;
            w[k] = Math.exp(-0.5 * d * d);
        }
        w[0] += 0.1;
        int[][] glass = {{240, 236, 238}, {232, 230, 236}, {236, 233, 239}};
        int[] g = glass[(int) (seed % glass.length)];
        return new SyntheticIhc().size(256, 192).glass(g[0], g[1], g[2]).noise(2.0).tissueCover(cover)
                .dab(levels, w).seed(seed).generate();
    }

    private static void png(SyntheticIhc.Sample s, Path file) throws IOException {
        AtomicFiles.write(file, out -> ImageIO.write(s.image.getBufferedImage(), "png", out));
    }

    /**
     * Response group, overall survival and recurrence-free survival in months with their event
     * columns. Hazards are higher for resistant patients and for high p-STAT3 staining; follow-up
     * ends between 36 and 72 months (censored).
     */
    private static void clinical(Path file, double[] pstat3, Random rnd) throws IOException {
        Table t = new Table("patient", "response", "age", "os_months", "death", "rfs_months", "relapse");
        t.addComment("Synthetic clinical sheet of the IHC Blot Quant demo study (not patient data)");
        for (int p = 1; p <= PATIENTS; p++) {
            double hazard = 0.012 * Math.exp((sensitive(p) ? 0 : 0.7) + (pstat3[p] >= 0.5 ? 1.1 : 0));
            double death = -Math.log(1 - rnd.nextDouble()) / hazard;
            double relapse = -Math.log(1 - rnd.nextDouble()) / (2.2 * hazard);
            double followUp = 36 + 36 * rnd.nextDouble();
            double os = Math.min(death, followUp);
            double rfs = Math.min(relapse, os);
            t.addRow(id(p), sensitive(p) ? "sensitive" : "resistant", 45 + rnd.nextInt(30), round1(os),
                    death <= followUp ? 1 : 0, round1(rfs), relapse <= os ? 1 : 0);
        }
        CsvFormat.write(t, file);
    }

    private static double round1(double v) {
        return Math.max(0.5, Math.round(v * 10) / 10.0);
    }

    /**
     * p-STAT3, STAT3 and β-actin in six lanes; p-STAT3 follows the patients' staining, STAT3 only
     * the loading. Returns the true relative values (to β-actin, lane 1 = 1).
     */
    private static Table blot(Path file, double[] pstat3) throws IOException {
        int n = BLOT_LANES;
        double[] p = new double[n];
        double[] total = new double[n];
        double[] actin = new double[n];
        double[] loading = {1.0, 0.92, 1.08, 0.96, 1.05, 0.9};
        for (int i = 0; i < n; i++) {
            int patient = blotPatient(i);
            p[i] = 70000 * pstat3[patient] * loading[i];
            total[i] = 26000 * loading[i];
            actin[i] = 34000 * loading[i];
        }
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 320).mode(SyntheticBlot.Mode.FILM_8BIT)
                .equalLanes(n, 40).bandShape(18, 1.5).background(40, 0.03, 0.05, 2).seed(31)
                .row("p-STAT3", 80, 4, p).row("STAT3", 160, 4, total).row("β-actin", 250, 4, actin).render();
        AtomicFiles.write(file, out -> ImageIO.write(b.image.getBufferedImage(), "png", out));
        Table truth = new Table("lane", "protein", "relative");
        truth.addComment("True band volumes of the synthetic blot, normalised to beta-actin and to lane 1");
        for (int lane = 1; lane <= n; lane++) {
            truth.addRow(lane, "p-STAT3", b.relative(0, 2, lane, 1));
            truth.addRow(lane, "STAT3", b.relative(1, 2, lane, 1));
        }
        return truth;
    }

    static int blotPatient(int lane) {
        int[] resistant = new int[PATIENTS - SENSITIVE.length];
        int k = 0;
        for (int p = 1; p <= PATIENTS; p++) {
            if (!sensitive(p)) {
                resistant[k++] = p;
            }
        }
        return lane < 3 ? SENSITIVE[lane] : resistant[lane - 3];
    }

    private static String studyFile() {
        List<String> lanes = new ArrayList<>();
        for (int i = 0; i < BLOT_LANES; i++) {
            lanes.add(id(blotPatient(i)));
        }
        StringBuilder m = new StringBuilder();
        for (String marker : MARKERS) {
            m.append("  - name: ").append(marker).append("\n    images: images/").append(marker)
                    .append("\n    score: dab_mean_od\n");
        }
        return "# IHC Blot Quant study file (YAML; see docs/study.md). Paths are relative to this file.\n"
                + "study: Chemoresistance markers (synthetic demo study)\n"
                + "# group 1 of the image file name is the patient id: P07_field2.png -> P07\n"
                + "id-pattern: '^(P\\d+)_'\n"
                + "markers:\n"
                + "  # every marker: a folder of fields, scored pixel by pixel (H DAB, thresholds 0.2/0.4/0.6)\n"
                + m
                + "blots:\n"
                + "  - name: STAT3 blot\n"
                + "    image: blots/stat3-blot.png\n"
                + "    rows: [p-STAT3, STAT3, β-actin]\n"
                + "    control: β-actin\n"
                + "    lanes: [" + String.join(", ", lanes) + "]\n"
                + "plates:\n"
                + "  - name: CCK-8 viability\n"
                + "    reads: plates/saos2-reads.csv\n"
                + "    layout: plates/saos2-layout.csv\n"
                + "    plate: 1\n"
                + "    blank: Blank\n"
                + "    control: Control\n"
                + "    normalise: percent-of-control\n"
                + "  - name: Caspase-3/7 activity\n"
                + "    reads: plates/saos2-reads.csv\n"
                + "    layout: plates/saos2-layout.csv\n"
                + "    plate: 2\n"
                + "    blank: Blank\n"
                + "    control: Control\n"
                + "    normalise: fold\n"
                + "clinical:\n"
                + "  file: clinical.csv\n"
                + "  id: patient\n"
                + "  group: response\n"
                + "  levels: [sensitive, resistant]\n"
                + "  time-label: Months\n"
                + "  endpoints:\n"
                + "    OS: {time: os_months, event: death}\n"
                + "    RFS: {time: rfs_months, event: relapse}\n"
                + "tests:\n"
                + "  compare: welch\n"
                + "  error-bars: SD\n"
                + "  correction: holm\n"
                + "  survival:\n"
                + "    - marker: p-STAT3\n"
                + "      cut: 0.5\n"
                + "      at: [0, 12, 24, 36, 48, 60]\n";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            s.sorted(Comparator.reverseOrder()).forEach(all::add);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
