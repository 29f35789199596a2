package org.ihcblotquant.ihc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.stain.Background;

/**
 * The score of one image (or its failure): identity, status, size, background used, tissue
 * threshold and the raw {@link PixelCounts}. {@link #status()} is {@code ok} or starts with
 * {@code error:}.
 */
public final class IhcImageResult {
    private final String image;
    private final String slide;
    private final String marker;
    private final String status;
    private final int width;
    private final int height;
    private final Background background;
    private final double tissueOd;
    private final PixelCounts counts;
    private final List<String> notes;

    IhcImageResult(String image, String slide, String marker, String status, int width, int height,
            Background background, double tissueOd, PixelCounts counts, List<String> notes) {
        this.image = image;
        this.slide = slide;
        this.marker = marker;
        this.status = status;
        this.width = width;
        this.height = height;
        this.background = background;
        this.tissueOd = tissueOd;
        this.counts = counts;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /**
     * A result made outside this package (whole slides scored tile by tile): status {@code ok} or
     * {@code error: ...}; counts and background null only for failures.
     */
    public static IhcImageResult of(String image, String slide, String marker, String status, int width, int height,
            Background background, double tissueOd, PixelCounts counts, List<String> notes) {
        return new IhcImageResult(image, slide, marker, status, width, height, background, tissueOd, counts, notes);
    }

    /** A failed input whose error message becomes the status ({@code error: message}). */
    public static IhcImageResult failure(String image, String slide, String marker, String message) {
        return failed(image, slide, marker, message, 0, 0);
    }

    /** A failed image: the error message becomes the status. */
    static IhcImageResult failed(String image, String slide, String marker, String message, int width,
            int height) {
        return new IhcImageResult(image, slide, marker, "error: " + message, width, height, null, Double.NaN,
                null, Collections.<String>emptyList());
    }

    public String image() {
        return image;
    }

    public String slide() {
        return slide;
    }

    public String marker() {
        return marker;
    }

    public String status() {
        return status;
    }

    public boolean isOk() {
        return "ok".equals(status);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Null when the image could not be read. */
    public Background background() {
        return background;
    }

    public double tissueOd() {
        return tissueOd;
    }

    /** Null when the image could not be read or scored. */
    public PixelCounts counts() {
        return counts;
    }

    public List<String> notes() {
        return notes;
    }
}
