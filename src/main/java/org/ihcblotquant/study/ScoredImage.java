package org.ihcblotquant.study;

import java.nio.file.Path;

import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.PixelCounts;

/**
 * One scored image of a study: its row of the per-image table (cells as written, so a result
 * read back from the cache writes the same bytes), its raw pixel tallies for pooling per patient,
 * and its QC thumbnail.
 */
public final class ScoredImage {
    private static final int STATUS = java.util.Arrays.asList(IhcTables.IMAGE_COLUMNS).indexOf("status");
    private final String marker;
    private final Path file;
    private final String patient;
    private final boolean idMatched;
    private final String[] row;
    private final PixelCounts counts;
    private final byte[] thumbnail;
    private final boolean fromCache;

    ScoredImage(String marker, Path file, String patient, boolean idMatched, String[] row, PixelCounts counts,
            byte[] thumbnail, boolean fromCache) {
        this.marker = marker;
        this.file = file;
        this.patient = patient;
        this.idMatched = idMatched;
        this.row = row.clone();
        this.counts = counts;
        this.thumbnail = thumbnail;
        this.fromCache = fromCache;
    }

    public String marker() {
        return marker;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return file.getFileName().toString();
    }

    public String patient() {
        return patient;
    }

    /** False when the id pattern did not match the file name (the file name became the id). */
    public boolean idMatched() {
        return idMatched;
    }

    /** Cells of the per-image table, columns as {@link org.ihcblotquant.ihc.IhcTables#IMAGE_COLUMNS}. */
    public String[] row() {
        return row.clone();
    }

    public String status() {
        return row[STATUS];
    }

    public boolean isOk() {
        return "ok".equals(status());
    }

    /** Pixel tallies; null when the image could not be scored. */
    public PixelCounts counts() {
        return counts;
    }

    /** JPEG bytes of the QC picture (field and classified pixels side by side), or null. */
    public byte[] thumbnail() {
        return thumbnail;
    }

    /** True when the result came from an earlier run (same file content and settings). */
    public boolean fromCache() {
        return fromCache;
    }
}
