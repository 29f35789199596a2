package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.ihc.IhcSettings;

/** One stained marker of a study: where its images are, how they are scored, which score a patient gets. */
public final class MarkerSpec {
    /** Per-patient scores of pixel scoring: columns of the per-patient table. */
    public static final String[] SCORES = {"positive_fraction", "dab_mean_od", "h_score", "strong_pct"};
    /** Per-patient scores of cell scoring: columns of the cells job's per-slide table. */
    public static final String[] CELL_SCORES = {"positive_pct", "cell_h_score", "allred", "irs",
        "nuclear_dab_mean_od"};

    private final String name;
    private final List<Path> inputs;
    private final String score;
    private final IhcSettings settings;
    /** Null for pixel scoring. */
    private final CellSettings cells;

    /** A marker scored pixel by pixel. */
    public MarkerSpec(String name, List<Path> inputs, String score, IhcSettings settings) {
        this(name, inputs, score, settings, null);
    }

    /** A marker scored cell by cell ({@code cells} non-null; its stain settings carry the study's id pattern). */
    public MarkerSpec(String name, List<Path> inputs, String score, IhcSettings settings, CellSettings cells) {
        this.name = name;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        this.score = score;
        this.settings = settings.withMarker(name).withSlidePattern(null);
        this.cells = cells;
    }

    /** True for cell scoring (mode: cells), false for pixel scoring. */
    public boolean byCells() {
        return cells != null;
    }

    /** Cell scoring settings, or null for a pixel-scored marker. */
    public CellSettings cellSettings() {
        return cells;
    }

    public String name() {
        return name;
    }

    /** The marker's image folders (searched recursively) and files (fields or whole slides). */
    public List<Path> inputs() {
        return inputs;
    }

    /** The per-slide column that becomes the patient's value in the study table. */
    public String score() {
        return score;
    }

    /** Pixel scoring settings; the patient id comes from the study's id pattern, not from these. */
    public IhcSettings settings() {
        return settings;
    }

    /** Column name of this marker's score in the joined study table, e.g. {@code p-STAT3}. */
    public String column() {
        return name;
    }
}
