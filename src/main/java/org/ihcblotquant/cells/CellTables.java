package org.ihcblotquant.cells;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.Table;

/**
 * The per-image, per-slide and per-cell tables of cell-level scoring. Percentages are of detected
 * nuclei; slides pool their images' cells (never average per-image percentages).
 */
public final class CellTables {

    public static final String[] IMAGE_COLUMNS = {"image", "slide", "marker", "status", "nuclei", "positive_nuclei",
        "positive_pct", "weak_pct", "moderate_pct", "strong_pct", "cell_h_score", "nuclear_dab_mean_od", "allred",
        "irs", "width", "height", "nucleus_od_threshold", "tissue_od_threshold", "background_r", "background_g",
        "background_b", "background_source", "stain_vectors", "notes", "level", "pixel_size_um",
        "negative_nuclei", "weak_nuclei", "moderate_nuclei", "strong_nuclei", "nuclear_dab_sum", "positive_dab_sum", "positive_dab_cells"};

    /**
     * The per-image counts and sums a merge of shard tables ({@code ihcq merge}) pools slides from,
     * so merged per-slide numbers equal a single run's: nuclei per class, the sum of nuclear mean
     * DAB OD, and the sum and count of the positive cells' compartment DAB OD (Allred/IRS intensity).
     */
    public static final String[] COUNT_COLUMNS = {"negative_nuclei", "weak_nuclei", "moderate_nuclei",
        "strong_nuclei", "nuclear_dab_sum", "positive_dab_sum", "positive_dab_cells"};

    public static final String[] SLIDE_COLUMNS = {"slide", "marker", "images", "nuclei", "positive_nuclei",
        "positive_pct", "weak_pct", "moderate_pct", "strong_pct", "cell_h_score", "nuclear_dab_mean_od", "allred",
        "irs"};

    public static final String[] CELL_COLUMNS = {"image", "slide", "cell", "x_px", "y_px", "x_um", "y_um",
        "nucleus_area_um2", "nucleus_hema_mean_od", "nucleus_dab_mean_od", "nucleus_dab_max_od", "ring_area_um2",
        "ring_dab_mean_od", "ring_dab_max_od", "cell_dab_mean_od", "class"};

    /** Class names as pathologists write them. */
    public static final String[] CLASS_NAMES = {"negative", "1+", "2+", "3+"};

    private CellTables() {
    }

    public static Table images(List<CellImageResult> results, CellSettings s) {
        Table t = new Table(IMAGE_COLUMNS);
        for (CellImageResult r : results) {
            CellCounts c = r.counts();
            boolean ok = r.isOk() && c != null;
            boolean any = ok && c.nuclei() > 0;
            t.addRow(r.image(), r.slide(), r.marker(), r.status(),
                    ok ? c.nuclei() : null, ok ? c.positive() : null,
                    any ? c.positivePct() : null, any ? c.percent(1) : null, any ? c.percent(2) : null,
                    any ? c.percent(3) : null, any ? c.hScore() : null, any ? c.nuclearDabMean() : null,
                    ok ? ClinicalScores.allred(c, s) : null, ok ? ClinicalScores.irs(c, s) : null,
                    r.width(), r.height(),
                    Double.isNaN(r.nucleusOd()) ? null : r.nucleusOd(),
                    Double.isNaN(r.tissueOd()) ? null : r.tissueOd(),
                    r.background() == null ? null : r.background().r(),
                    r.background() == null ? null : r.background().g(),
                    r.background() == null ? null : r.background().b(),
                    r.background() == null ? null : r.background().source().label(),
                    r.vectors(), String.join("; ", r.notes()), r.level() < 0 ? null : r.level(),
                    Double.isNaN(r.pixelSizeUm()) ? null : r.pixelSizeUm(),
                    ok ? c.count(0) : null, ok ? c.count(1) : null, ok ? c.count(2) : null, ok ? c.count(3) : null,
                    ok ? c.nuclearDabSum() : null, ok ? c.positiveDabSum() : null,
                    ok ? c.positiveWithValue() : null);
        }
        return t;
    }

    /** One row per slide and marker, pooling the cells of its ok images in first-seen order. */
    public static Table slides(List<CellImageResult> results, CellSettings s) {
        SlidePooler pooler = new SlidePooler(s);
        for (CellImageResult r : results) {
            if (r.isOk()) {
                pooler.add(r.slide(), r.marker(), r.counts());
            }
        }
        return pooler.table();
    }

    /**
     * Pools cell counts per slide and marker in first-seen order: the per-slide table of a single
     * run, or of a merge that reads the counts back from per-image tables.
     */
    public static final class SlidePooler {
        private final CellSettings settings;
        private final Map<String, Pool> pools = new LinkedHashMap<>();

        private static final class Pool {
            final String slide;
            final String marker;
            final CellCounts counts = new CellCounts();
            int images;

            Pool(String slide, String marker) {
                this.slide = slide;
                this.marker = marker;
            }
        }

        /** @param settings the thresholds of the Allred and IRS intensity score */
        public SlidePooler(CellSettings settings) {
            this.settings = settings;
        }

        public void add(String slide, String marker, CellCounts counts) {
            Pool p = pools.computeIfAbsent(slide + "\u0000" + marker, k -> new Pool(slide, marker));
            p.counts.add(counts);
            p.images++;
        }

        public Table table() {
            Table t = new Table(SLIDE_COLUMNS);
            for (Pool p : pools.values()) {
                CellCounts c = p.counts;
                boolean any = c.nuclei() > 0;
                t.addRow(p.slide, p.marker, p.images, c.nuclei(), c.positive(),
                        any ? c.positivePct() : null, any ? c.percent(1) : null, any ? c.percent(2) : null,
                        any ? c.percent(3) : null, any ? c.hScore() : null, any ? c.nuclearDabMean() : null,
                        ClinicalScores.allred(c, settings), ClinicalScores.irs(c, settings));
            }
            return t;
        }
    }

    /** One row per detected cell, numbered from 1 within each image. */
    public static Table cells(List<CellImageResult> results, CellSettings s) {
        Table t = new Table(CELL_COLUMNS);
        for (CellImageResult r : results) {
            // a slide level states its own pixel size
            double px = Double.isNaN(r.pixelSizeUm()) ? s.pixelSize() : r.pixelSizeUm();
            double px2 = px * px;
            int id = 0;
            for (Nucleus n : r.nuclei()) {
                id++;
                t.addRow(r.image(), r.slide(), id, n.x, n.y, n.x * px, n.y * px, n.areaPx * px2, n.meanHema,
                        n.meanDab, n.maxDab, n.ringPx * px2, nan(n.ringMeanDab), nan(n.ringMaxDab), n.cellMeanDab(),
                        CLASS_NAMES[n.cellClass]);
            }
        }
        return t;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : (Object) v;
    }
}
