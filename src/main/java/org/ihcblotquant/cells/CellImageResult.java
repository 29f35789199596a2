package org.ihcblotquant.cells;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.stain.Background;

/**
 * The cells of one image (or its failure): identity, status ({@code ok} or {@code error: ...}),
 * what was decided for it (background, tissue and nucleus thresholds, stain vectors), the nuclei
 * and their class counts.
 */
public final class CellImageResult {
    private final String image;
    private final String slide;
    private final String marker;
    private final String status;
    private final int width;
    private final int height;
    private final Background background;
    private final double tissueOd;
    private final double nucleusOd;
    private final String vectors;
    private final List<Nucleus> nuclei;
    private final CellCounts counts;
    private final List<String> notes;
    /** Pyramid level analysed (whole slides), -1 for images. */
    private final int level;
    /** Pixel size of that level in micrometres, NaN for images or when the file states none. */
    private final double pixelSizeUm;

    CellImageResult(String image, String slide, String marker, String status, int width, int height,
            Background background, double tissueOd, double nucleusOd, String vectors, List<Nucleus> nuclei,
            CellCounts counts, List<String> notes) {
        this(image, slide, marker, status, width, height, background, tissueOd, nucleusOd, vectors, nuclei, counts,
                notes, -1, Double.NaN);
    }

    private CellImageResult(String image, String slide, String marker, String status, int width, int height,
            Background background, double tissueOd, double nucleusOd, String vectors, List<Nucleus> nuclei,
            CellCounts counts, List<String> notes, int level, double pixelSizeUm) {
        this.level = level;
        this.pixelSizeUm = pixelSizeUm;
        this.image = image;
        this.slide = slide;
        this.marker = marker;
        this.status = status;
        this.width = width;
        this.height = height;
        this.background = background;
        this.tissueOd = tissueOd;
        this.nucleusOd = nucleusOd;
        this.vectors = vectors;
        this.nuclei = Collections.unmodifiableList(nuclei);
        this.counts = counts;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    static CellImageResult failed(String image, String slide, String marker, String message, int width, int height,
            List<String> notes) {
        return new CellImageResult(image, slide, marker, "error: " + message, width, height, null, Double.NaN,
                Double.NaN, null, Collections.<Nucleus>emptyList(), null, notes);
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

    /** Null for a failed image. */
    public Background background() {
        return background;
    }

    public double tissueOd() {
        return tissueOd;
    }

    public double nucleusOd() {
        return nucleusOd;
    }

    /** Stain vectors used, in the {@code --vectors} syntax. */
    public String vectors() {
        return vectors;
    }

    public List<Nucleus> nuclei() {
        return nuclei;
    }

    /** Null for a failed image. */
    public CellCounts counts() {
        return counts;
    }

    public List<String> notes() {
        return notes;
    }

    /** The pyramid level analysed for a whole slide; -1 for an image. */
    public int level() {
        return level;
    }

    /** Pixel size of the analysed slide level (um); NaN for images or when the slide states none. */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    /** This result as a whole slide's, analysed at level {@code lv} of pixel size {@code um}. */
    CellImageResult atLevel(int lv, double um) {
        return new CellImageResult(image, slide, marker, status, width, height, background, tissueOd, nucleusOd,
                vectors, nuclei, counts, notes, lv, um);
    }
}
