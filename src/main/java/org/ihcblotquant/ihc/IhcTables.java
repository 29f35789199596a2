package org.ihcblotquant.ihc;

import java.util.ArrayList;
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
        "dab_iod", "hema_mean_od", "tissue_od_threshold", "background_source", "notes"};

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
                    String.join("; ", r.notes()));
        }
        return t;
    }

    /** One row per slide and marker, pooling the ok images in first-seen order. */
    public static Table slides(List<IhcImageResult> results) {
        Map<String, List<IhcImageResult>> groups = new LinkedHashMap<>();
        for (IhcImageResult r : results) {
            if (r.isOk()) {
                groups.computeIfAbsent(r.slide() + "\u0000" + r.marker(), k -> new ArrayList<>()).add(r);
            }
        }
        Table t = new Table(SLIDE_COLUMNS);
        for (List<IhcImageResult> g : groups.values()) {
            PixelCounts pooled = new PixelCounts();
            for (IhcImageResult r : g) {
                pooled.add(r.counts());
            }
            t.addRow(g.get(0).slide(), g.get(0).marker(), g.size(), pooled.tissue(), pooled.meanChromogen(),
                    pooled.positiveFraction(), pooled.percent(1), pooled.percent(2), pooled.percent(3),
                    pooled.hScore());
        }
        return t;
    }
}
