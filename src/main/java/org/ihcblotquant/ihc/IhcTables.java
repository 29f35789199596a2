package org.ihcblotquant.ihc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.Table;

/**
 * The per-image and per-slide results tables, with the column names the user guide documents.
 * Slides pool the pixels of their images (tissue-weighted), never average per-image means.
 */
public final class IhcTables {

    public static final String[] IMAGE_COLUMNS = {"image", "slide", "marker", "status", "width", "height",
        "tissue_px", "tissue_fraction", "background_r", "background_g", "background_b", "dab_mean_od",
        "dab_mean_od_positive", "positive_fraction", "weak_pct", "moderate_pct", "strong_pct", "h_score",
        "dab_iod", "hema_mean_od", "tissue_od_threshold", "background_source", "notes",
        "analysed_px", "negative_px", "weak_px", "moderate_px", "strong_px", "dab_positive_iod", "hema_iod"};

    /**
     * The raw counts at the end of the per-image table: with {@code dab_iod} they are everything
     * {@link PixelCounts} holds, so shard tables can be merged and slides pooled again exactly.
     */
    public static final String[] COUNT_COLUMNS = {"analysed_px", "negative_px", "weak_px", "moderate_px",
        "strong_px", "dab_iod", "dab_positive_iod", "hema_iod"};

    public static final String[] SLIDE_COLUMNS = {"slide", "marker", "images", "tissue_px", "dab_mean_od",
        "positive_fraction", "weak_pct", "moderate_pct", "strong_pct", "h_score"};

    private IhcTables() {
    }

    public static Table images(List<IhcImageResult> results) {
        Table t = new Table(IMAGE_COLUMNS);
        for (IhcImageResult r : results) {
            PixelCounts c = r.counts();
            boolean scored = r.isOk();
            Object bgR = r.background() == null ? null : r.background().r();
            Object bgG = r.background() == null ? null : r.background().g();
            Object bgB = r.background() == null ? null : r.background().b();
            // an image that could not be scored has every column after status empty (README)
            t.addRow(r.image(), r.slide(), r.marker(), r.status(), scored ? r.width() : null,
                    scored ? r.height() : null,
                    c == null ? null : c.tissue(),
                    c == null || c.analysed == 0 ? null : c.tissueFraction(),
                    bgR, bgG, bgB,
                    scored ? c.meanChromogen() : null,
                    scored ? c.meanChromogenPositive() : null,
                    scored ? c.positiveFraction() : null,
                    scored ? c.percent(1) : null,
                    scored ? c.percent(2) : null,
                    scored ? c.percent(3) : null,
                    scored ? c.hScore() : null,
                    scored ? c.chromogenSum : null,
                    scored ? c.meanCounter() : null,
                    Double.isNaN(r.tissueOd()) ? null : r.tissueOd(),
                    r.background() == null ? null : r.background().source().label(),
                    String.join("; ", r.notes()),
                    c == null ? null : c.analysed,
                    c == null ? null : c.classes[0],
                    c == null ? null : c.classes[1],
                    c == null ? null : c.classes[2],
                    c == null ? null : c.classes[3],
                    c == null ? null : c.chromogenPositiveSum,
                    c == null ? null : c.counterSum);
        }
        return t;
    }

    /** One row per slide and marker, pooling the ok images in first-seen order. */
    public static Table slides(List<IhcImageResult> results) {
        SlidePooler pooler = new SlidePooler();
        for (IhcImageResult r : results) {
            if (r.isOk()) {
                pooler.add(r.slide(), r.marker(), r.counts());
            }
        }
        return pooler.table();
    }

    /**
     * Pools the counts of ok images per slide and marker, in first-seen order. One place for the
     * per-slide numbers, whether the images were scored in this run or read back from shard tables.
     */
    public static final class SlidePooler {
        private final Map<String, Pool> pools = new LinkedHashMap<>();

        private static final class Pool {
            final String slide;
            final String marker;
            final PixelCounts counts = new PixelCounts();
            int images;

            Pool(String slide, String marker) {
                this.slide = slide;
                this.marker = marker;
            }
        }

        public void add(String slide, String marker, PixelCounts counts) {
            Pool p = pools.computeIfAbsent(slide + "\u0000" + marker, k -> new Pool(slide, marker));
            p.counts.add(counts);
            p.images++;
        }

        public Table table() {
            Table t = new Table(SLIDE_COLUMNS);
            for (Pool p : pools.values()) {
                PixelCounts c = p.counts;
                t.addRow(p.slide, p.marker, p.images, c.tissue(), c.meanChromogen(), c.positiveFraction(),
                        c.percent(1), c.percent(2), c.percent(3), c.hScore());
            }
            return t;
        }
    }
}
