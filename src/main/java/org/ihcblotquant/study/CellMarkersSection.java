package org.ihcblotquant.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellCounts;
import org.ihcblotquant.cells.CellImageResult;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.CellsJob;
import org.ihcblotquant.slide.Overview;
import org.ihcblotquant.slide.SlideFiles;
import org.ihcblotquant.slide.SlideSource;

/**
 * Markers scored cell by cell (mode: cells) through {@link CellsJob}: nuclei found, each cell
 * classified by its DAB, per-image, per-patient (cells pooled over the patient's fields) and
 * per-cell tables; the patient's value is the chosen column of the per-patient table
 * (positive_pct, cell_h_score, allred, irs or nuclear_dab_mean_od). Each analysed field's rows and
 * QC picture are kept in the study's {@link ImageScoreCache} by file content and settings, as
 * pixel-scored images are: a re-run analyses only fields it has not seen.
 */
final class CellMarkersSection implements StudySection {
    private static final int STATUS = Arrays.asList(CellTables.IMAGE_COLUMNS).indexOf("status");

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
        CellSettings s = m.cellSettings();
        List<Path> files = ImageFiles.expand(m.inputs());
        CellImage[] done = new CellImage[files.size()];
        String[] keys = keys(run.cache, s, files);
        // with the background rule "slide" a field's result depends on its patient's other fields (their
        // glass is pooled): a patient with any field to analyse has all of them analysed together
        boolean slideBackground = s.stain().background().isSlide();
        Set<String> slidesToRun = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            ImageScoreCache.Entry hit = keys[i] == null ? null : run.cache.get(keys[i]);
            if (hit != null) {
                done[i] = new CellImage(hit.row, hit.detail, hit.thumbnail, true);
            } else {
                slidesToRun.add(slideOf(s, files.get(i)));
            }
        }
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (done[i] == null || (slideBackground && slidesToRun.contains(slideOf(s, files.get(i))))) {
                toRun.add(i);
            }
        }
        if (!toRun.isEmpty()) {
            analyse(run, m, files, toRun, keys, done, progress);
        }
        int failed = 0;
        int reused = 0;
        Table images = new Table(CellTables.IMAGE_COLUMNS);
        Table cells = new Table(CellTables.CELL_COLUMNS);
        CellTables.SlidePooler pooler = new CellTables.SlidePooler(s);
        ReportItem.Gallery gallery = new ReportItem.Gallery("QC pictures, " + m.name() + ": each field with its"
                + " detected nuclei filled in their class colour (blue negative, yellow 1+, orange 2+, red 3+)");
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = f.getFileName().toString();
            String slide = slideOf(s, f);
            CellImage c = done[i];
            String[] row = c.row.clone();
            row[0] = name;
            row[1] = slide;
            row[2] = s.stain().marker();
            images.addRow((Object[]) row);
            for (String[] cell : c.cells) {
                String[] r = cell.clone();
                r[0] = name;
                r[1] = slide;
                cells.addRow((Object[]) r);
            }
            String status = row[STATUS];
            if ("ok".equals(status)) {
                pooler.add(slide, row[2], counts(row));
            } else {
                failed++;
                run.warn("marker " + m.name() + ": image " + name + " not analysed: " + status);
            }
            reused += c.fromCache ? 1 : 0;
            gallery.add(name + " (" + slide + ")", status, c.thumbnail);
        }
        run.imagesScored += files.size();
        run.imagesReused += reused;
        run.imagesFailed += failed;
        Provenance p = StudyProvenance.of(run.config);
        s.describe(p);
        images.addComments(p.lines());
        cells.addComments(p.lines());
        Table patients = pooler.table().addComments(p.lines());
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
        sec.text(String.format(Locale.ROOT, "%s: %d images (%d not analysed, %d reused from an earlier run with the"
                + " same file content and settings), %d cells; patient score = %s of the cells pooled over the"
                + " patient's fields (column slide = patient id).", m.name(), files.size(), failed, reused,
                cells.rowCount(), m.score()));
        sec.add(new ReportItem.TableItem(m.name() + ": per patient", patients, fp));
        sec.add(new ReportItem.TableItem(m.name() + ": per image", images, fi));
        sec.text(m.name() + ": one row per cell in " + fc + ".");
        sec.add(gallery);
    }

    /** Cache keys of the files (null each when the run keeps no cache). */
    private static String[] keys(ImageScoreCache cache, CellSettings s, List<Path> files) throws IOException {
        String[] keys = new String[files.size()];
        if (!cache.enabled()) {
            return keys;
        }
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ImageScoreCache.key(files.get(i), s);
        }
        if (s.stain().background().isSlide()) {
            // the patient's other fields decide the background too: their content joins the key
            Map<String, List<String>> bySlide = new HashMap<>();
            for (int i = 0; i < keys.length; i++) {
                bySlide.computeIfAbsent(slideOf(s, files.get(i)), k -> new ArrayList<>()).add(keys[i]);
            }
            for (int i = 0; i < keys.length; i++) {
                List<String> group = new ArrayList<>(bySlide.get(slideOf(s, files.get(i))));
                Collections.sort(group);
                keys[i] = keys[i] + "-" + ImageScoreCache.hash(String.join("\n", group));
            }
        }
        return keys;
    }

    /** Analyses the files at the given indexes with the cells job, caching each result as soon as it is done. */
    private static void analyse(StudyRun run, MarkerSpec m, List<Path> files, List<Integer> toRun, String[] keys,
            CellImage[] done, ProgressListener progress) throws IOException {
        CellSettings s = m.cellSettings();
        // the job writes the per-cell table only to a file; the rows are taken from its results instead
        Path part = run.out.cacheDir().resolve("cells-" + OutputFolder.slug(m.name()) + ".part.csv");
        CellsJob.Outcome o;
        int[] next = {0};
        try {
            CellsJob.Builder b = CellsJob.Request.builder(s);
            for (int i : toRun) {
                b.input(files.get(i));
            }
            o = new CellsJob().run(b.cells(part).createFolders(true).command("study: cells " + m.name()).build(),
                    progress, r -> {
                        int i = toRun.get(next[0]++);
                        done[i] = fresh(r, s, files.get(i));
                        if (keys[i] != null && r.isOk()) {
                            try {
                                run.cache.put(keys[i], anonymous(done[i].row, 3), null, done[i].thumbnail,
                                        anonymousRows(done[i].cells));
                            } catch (IOException e) {
                                throw new UncheckedIOException("cannot write the cache: " + e.getMessage(), e);
                            }
                        }
                    });
        } finally {
            Files.deleteIfExists(part);
        }
        for (String w : o.warnings()) {
            run.warn("marker " + m.name() + ": " + w);
        }
    }

    private static CellImage fresh(CellImageResult r, CellSettings s, Path file) {
        List<CellImageResult> one = Collections.singletonList(r);
        String[] row = strings(CellTables.images(one, s).row(0));
        Table t = CellTables.cells(one, s);
        List<String[]> cells = new ArrayList<>();
        for (int k = 0; k < t.rowCount(); k++) {
            cells.add(strings(t.row(k)));
        }
        return new CellImage(row, cells, r.isOk() ? thumbnail(file, r) : null, false);
    }

    /** The QC picture of an analysed field or slide, or null when the file cannot be read again. */
    private static byte[] thumbnail(Path file, CellImageResult r) {
        if (SlideFiles.isSlide(file)) {
            // a whole slide: its overview (never the full level) with the nuclei of the analysed level
            try (SlideSource src = SlideFiles.open(file)) {
                Overview ov = Overview.of(src, ProgressListener.NONE);
                return QcThumbnail.jpeg(CellQcPicture.of(ov.rgb, ov.width, ov.height, r.width(), r.height(),
                        r.nuclei()));
            } catch (InputException | OutOfMemoryError e) {
                return null;
            }
        }
        try {
            LoadedImage img = ImageFiles.read(file);
            if (!img.isRgb()) {
                return null;
            }
            ColorProcessor cp = (ColorProcessor) img.processor();
            return QcThumbnail.jpeg(CellQcPicture.of((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight(),
                    r.nuclei()));
        } catch (InputException | OutOfMemoryError e) {
            return null;
        }
    }

    /** A field's nuclei per class and DAB sums, read back from its row (as {@code ihcq merge} pools them). */
    private static CellCounts counts(String[] row) {
        long[] perClass = new long[4];
        for (int k = 0; k < 4; k++) {
            perClass[k] = Long.parseLong(row[column(CellTables.COUNT_COLUMNS[k])]);
        }
        return CellCounts.of(perClass, Double.parseDouble(row[column("nuclear_dab_sum")]),
                Double.parseDouble(row[column("positive_dab_sum")]),
                Long.parseLong(row[column("positive_dab_cells")]));
    }

    private static int column(String name) {
        return Arrays.asList(CellTables.IMAGE_COLUMNS).indexOf(name);
    }

    private static String slideOf(CellSettings s, Path f) {
        return s.stain().slideOf(f.getFileName().toString(), null);
    }

    private static String[] strings(Object[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = CsvFormat.format(cells[i]);
        }
        return out;
    }

    /** The row with its first {@code n} cells (file name, patient, marker) blank: the cache keeps content only. */
    private static String[] anonymous(String[] row, int n) {
        String[] out = row.clone();
        Arrays.fill(out, 0, n, "");
        return out;
    }

    private static List<String[]> anonymousRows(List<String[]> rows) {
        List<String[]> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(anonymous(r, 2));
        }
        return out;
    }

    /** One field's table cells, per-cell rows and QC picture, analysed now or read from the cache. */
    private static final class CellImage {
        final String[] row;
        final List<String[]> cells;
        final byte[] thumbnail;
        final boolean fromCache;

        CellImage(String[] row, List<String[]> cells, byte[] thumbnail, boolean fromCache) {
            this.row = row;
            this.cells = cells;
            this.thumbnail = thumbnail;
            this.fromCache = fromCache;
        }
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
