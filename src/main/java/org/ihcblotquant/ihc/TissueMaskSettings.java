package org.ihcblotquant.ihc;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * How the tissue mask is cleaned after the OD threshold, so that it matches what a pathologist
 * outlines: Gaussian smoothing of the total OD before the threshold (pale stroma stays one piece
 * instead of breaking into specks), removal of tissue specks below a minimum area (dust, debris,
 * noise on glass) and filling of holes below a maximum area (nuclei vacuoles, tears). Areas are in
 * µm², converted with the pixel size. All zero: the pixel-by-pixel threshold alone.
 */
public final class TissueMaskSettings {
    /** No cleaning: each pixel is tissue when its total OD reaches the threshold. */
    public static final TissueMaskSettings NONE = new TissueMaskSettings(0, 0, 0, 0.5);

    private final double smoothingUm;
    private final double minSpeckUm2;
    private final double maxHoleUm2;
    private final double pixelSize;

    private TissueMaskSettings(double smoothingUm, double minSpeckUm2, double maxHoleUm2, double pixelSize) {
        this.smoothingUm = smoothingUm;
        this.minSpeckUm2 = minSpeckUm2;
        this.maxHoleUm2 = maxHoleUm2;
        this.pixelSize = pixelSize;
    }

    /**
     * @param smoothingUm Gaussian sigma before the threshold (µm), 0 for none
     * @param minSpeckUm2 tissue pieces smaller than this are dropped (µm²), 0 to keep all
     * @param maxHoleUm2  holes smaller than this are filled (µm²), 0 to fill none
     * @param pixelSize   µm per pixel
     */
    public static TissueMaskSettings of(double smoothingUm, double minSpeckUm2, double maxHoleUm2, double pixelSize) {
        if (!(smoothingUm >= 0 && smoothingUm <= 50)) {
            throw new FieldException("tissue-smoothing", smoothingUm + " is outside 0..50 µm");
        }
        if (!(minSpeckUm2 >= 0)) {
            throw new FieldException("min-tissue-area", minSpeckUm2 + " must be >= 0 µm²");
        }
        if (!(maxHoleUm2 >= 0)) {
            throw new FieldException("max-hole-area", maxHoleUm2 + " must be >= 0 µm²");
        }
        if (!(pixelSize > 0 && pixelSize <= 100)) {
            throw new FieldException("pixel-size", pixelSize + " is outside (0, 100] µm per pixel");
        }
        return new TissueMaskSettings(smoothingUm, minSpeckUm2, maxHoleUm2, pixelSize);
    }

    public boolean isActive() {
        return smoothingUm > 0 || minSpeckUm2 > 0 || maxHoleUm2 > 0;
    }

    public double sigmaPx() {
        return smoothingUm / pixelSize;
    }

    public double minSpeckPx() {
        return minSpeckUm2 / (pixelSize * pixelSize);
    }

    public double maxHolePx() {
        return maxHoleUm2 / (pixelSize * pixelSize);
    }

    public double pixelSize() {
        return pixelSize;
    }

    @Override
    public String toString() {
        if (!isActive()) {
            return "pixel by pixel (no smoothing, specks and holes kept)";
        }
        return String.format(Locale.ROOT, "total OD smoothed (Gaussian sigma %s µm) before the threshold; tissue pieces "
                + "< %s µm² removed; holes < %s µm² filled; pixel size %s µm", fmt(smoothingUm), fmt(minSpeckUm2),
                fmt(maxHoleUm2), fmt(pixelSize));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
