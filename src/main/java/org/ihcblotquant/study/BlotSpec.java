package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.blot.BlotSettings;

/** One membrane image of a study with its band-row names, loading control and lane labels. */
public final class BlotSpec {
    private final String name;
    private final Path image;
    private final List<String> rows;
    private final String control;
    private final int[] referenceLanes;
    private final List<String> laneLabels;
    private final BlotSettings settings;

    public BlotSpec(String name, Path image, List<String> rows, String control, int[] referenceLanes,
            List<String> laneLabels, BlotSettings settings) {
        this.name = name;
        this.image = image;
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.control = control;
        this.referenceLanes = referenceLanes.clone();
        this.laneLabels = Collections.unmodifiableList(new ArrayList<>(laneLabels));
        this.settings = settings.copy();
    }

    public String name() {
        return name;
    }

    public Path image() {
        return image;
    }

    /** Band-row names top to bottom (empty: row1, row2, ...). */
    public List<String> rows() {
        return rows;
    }

    /** Loading control (or total protein), or null. */
    public String control() {
        return control;
    }

    public int[] referenceLanes() {
        return referenceLanes.clone();
    }

    /** A label per lane (sample or patient id), or empty for lane numbers. */
    public List<String> laneLabels() {
        return laneLabels;
    }

    public BlotSettings settings() {
        return settings.copy();
    }
}
