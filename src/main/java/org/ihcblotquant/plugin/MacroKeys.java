package org.ihcblotquant.plugin;

import java.util.HashMap;
import java.util.Map;

import org.ihcblotquant.job.FieldSpelling;

/**
 * How each ImageJ 1 command spells the jobs' neutral field names: the macro key of a dialog
 * field (the first word of its label, lower case) followed by {@code =}. Keys that differ from
 * the neutral name are listed here, next to the dialogs that define them.
 */
final class MacroKeys {

    /** Colour Deconvolution (OD), IHC Score: stain, vectors, third, background, thresholds, tissue, marker. */
    static final FieldSpelling IHC = FieldSpelling.macro(map("tissue-od", "tissue"));

    /** IHC Batch: the IHC keys plus input, output, mask, slide. */
    static final FieldSpelling IHC_BATCH = IHC.with(map("out", "output", "slides", "output", "masks", "mask",
            "slide-pattern", "slide"));

    /**
     * IHC Cells and Estimate Stain Vectors: the IHC keys plus pixel, compartment, nucleus, hematoxylin,
     * smoothing, split, cell, estimate, show, save, clear.
     */
    static final FieldSpelling CELLS = IHC.with(map("pixel-size", "pixel", "nucleus-area", "nucleus", "nucleus-od",
            "hematoxylin", "cell-expansion", "cell", "stain-estimate", "estimate", "cells-out", "save"));

    /** Blot Analyze and Blot Measure: rows, control, reference, lanes, polarity, background, minimum, cv_limit. */
    static final FieldSpelling BLOT = FieldSpelling.macro(map("reference-lane", "reference", "min-snr", "minimum",
            "max-control-cv", "cv_limit", "roi", "selection"));

    /** Compare Groups: table, join, on, pool, value, group, levels, test, pair, error, confidence, save, write. */
    static final FieldSpelling COMPARE = FieldSpelling.macro(map("paired-by", "pair", "conf-level", "confidence",
            "plot", "save", "csv-folder", "write", "pool-by", "pool", "adjust", "correction"));

    /** Survival Analysis: table, join, on, pool, time, event, codes, group, score, cut, levels, confidence, level, at. */
    static final FieldSpelling SURVIVAL = FieldSpelling.macro(map("event-codes", "codes", "conf-type", "confidence",
            "conf-level", "level", "plot", "save", "csv-folder", "write", "pool-by", "pool", "survival-at", "survival",
            "median-rule", "median", "adjust", "correction"));

    /**
     * Cox Regression: table, join, on, pool, time, event, codes, covariates, factors, reference,
     * strata, ties, confidence, save, write.
     */
    static final FieldSpelling COX = FieldSpelling.macro(map("event-codes", "codes", "conf-level", "confidence",
            "plot", "save", "csv-folder", "write", "pool-by", "pool"));

    /** Plate Assay: reads, layout, blank, control, normalise, exclude, max_od, plate, save, write. */
    static final FieldSpelling PLATE = FieldSpelling.macro(map("plot", "save", "out", "write", "wells", "write",
            "json", "write"));

    private MacroKeys() {
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
