package org.ihcblotquant.study;

import java.nio.file.Path;

import org.ihcblotquant.ihc.IhcSettings;

/** One stained marker of a study: where its images are, how they are scored, which score a patient gets. */
public final class MarkerSpec {
    /** Per-patient scores a study can compare: columns of the per-slide table. */
    public static final String[] SCORES = {"positive_fraction", "dab_mean_od", "h_score", "strong_pct"};

    private final String name;
    private final Path folder;
    private final String score;
    private final IhcSettings settings;

    public MarkerSpec(String name, Path folder, String score, IhcSettings settings) {
        this.name = name;
        this.folder = folder;
        this.score = score;
        this.settings = settings.withMarker(name).withSlidePattern(null);
    }

    public String name() {
        return name;
    }

    /** Folder of the marker's images (searched recursively). */
    public Path folder() {
        return folder;
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
