package org.ihcblotquant.study;

import java.nio.file.Path;

import org.ihcblotquant.plate.PlateSettings;

/** One plate assay of a study (CCK-8, Caspase-Glo...): the reader export, its layout, which plate, the settings. */
public final class PlateSpec {
    private final String name;
    private final Path reads;
    private final Path layout;
    private final int plate;
    private final PlateSettings settings;

    public PlateSpec(String name, Path reads, Path layout, int plate, PlateSettings settings) {
        this.name = name;
        this.reads = reads;
        this.layout = layout;
        this.plate = plate;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    /** The plate-reader export. */
    public Path reads() {
        return reads;
    }

    public Path layout() {
        return layout;
    }

    /** 1-based plate of the export, or 0 for every plate in it. */
    public int plate() {
        return plate;
    }

    public PlateSettings settings() {
        return settings;
    }
}
