package org.ihcblotquant.job;

import java.nio.file.Path;

import org.ihcblotquant.plate.PlateSettings;

/**
 * What {@link PlateJob} analyses: the plate-reader export, the layout, the settings, which
 * plate of the file (0 = all) and where to write the results (each output optional).
 */
public final class PlateRequest {
    public final Path reads;
    public final Path layout;
    public final PlateSettings settings;
    /** 1-based plate of the reads file to analyse, or 0 for every plate. */
    public final int plate;
    public final Path conditionsCsv;
    public final Path wellsCsv;
    public final Path json;
    /** .png or .svg; with several plates, one file per plate ({@code name_plate2.png}). */
    public final Path plot;
    public final String title;

    private PlateRequest(Builder b) {
        this.reads = b.reads;
        this.layout = b.layout;
        this.settings = b.settings;
        this.plate = b.plate;
        this.conditionsCsv = b.conditionsCsv;
        this.wellsCsv = b.wellsCsv;
        this.json = b.json;
        this.plot = b.plot;
        this.title = b.title;
    }

    public static Builder builder(Path reads, Path layout, PlateSettings settings) {
        return new Builder(reads, layout, settings);
    }

    /** Builds a request; only the reads, layout and settings are required. */
    public static final class Builder {
        private final Path reads;
        private final Path layout;
        private final PlateSettings settings;
        private int plate;
        private Path conditionsCsv;
        private Path wellsCsv;
        private Path json;
        private Path plot;
        private String title;

        private Builder(Path reads, Path layout, PlateSettings settings) {
            if (reads == null) {
                throw new FieldException("reads", "give the plate-reader export (CSV, TSV or TXT)");
            }
            if (layout == null) {
                throw new FieldException("layout", "give the plate layout (a grid of condition names or well,condition rows)");
            }
            this.reads = reads;
            this.layout = layout;
            this.settings = settings;
        }

        public Builder plate(int plate) {
            if (plate < 0) {
                throw new FieldException("plate", "must be 1, 2, ... (or 0 for every plate)");
            }
            this.plate = plate;
            return this;
        }

        public Builder conditionsCsv(Path p) {
            this.conditionsCsv = p;
            return this;
        }

        public Builder wellsCsv(Path p) {
            this.wellsCsv = p;
            return this;
        }

        public Builder json(Path p) {
            this.json = p;
            return this;
        }

        public Builder plot(Path p) {
            this.plot = p;
            return this;
        }

        public Builder title(String t) {
            this.title = t;
            return this;
        }

        public PlateRequest build() {
            return new PlateRequest(this);
        }
    }
}
