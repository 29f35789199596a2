package org.ihcblotquant.cells;

import java.util.Locale;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.FieldException;

/**
 * Everything that decides a cell-level score besides the stain settings ({@link IhcSettings}:
 * vectors, background, thresholds, marker, slide pattern): pixel size, nucleus smoothing and
 * threshold, size limits, how far nuclei are expanded into cells, how touching nuclei are split,
 * and the compartment a cell's class is read from. Defaults follow QuPath's positive cell detection
 * (sigma 1.5 µm, nuclei 10-400 µm², 5 µm expansion) except the smoothing, which is 1 µm here.
 * Immutable; invalid values throw {@link FieldException} with the neutral field name.
 */
public final class CellSettings {
    public static final double DEFAULT_PIXEL_SIZE = 0.5;

    private final IhcSettings stain;
    private final double pixelSize;
    private final double sigmaUm;
    private final double nucleusOd;
    private final double minAreaUm2;
    private final double maxAreaUm2;
    private final double expansionUm;
    private final double splitUm;
    private final Compartment compartment;

    private CellSettings(IhcSettings stain, double pixelSize, double sigmaUm, double nucleusOd, double minAreaUm2,
            double maxAreaUm2, double expansionUm, double splitUm, Compartment compartment) {
        this.stain = stain;
        this.pixelSize = pixelSize;
        this.sigmaUm = sigmaUm;
        this.nucleusOd = nucleusOd;
        this.minAreaUm2 = minAreaUm2;
        this.maxAreaUm2 = maxAreaUm2;
        this.expansionUm = expansionUm;
        this.splitUm = splitUm;
        this.compartment = compartment;
    }

    public static CellSettings defaults() {
        return new CellSettings(IhcSettings.defaults(), DEFAULT_PIXEL_SIZE, 0.5, Double.NaN, 10, 400, 5, 0.25,
                Compartment.NUCLEUS);
    }

    public CellSettings withStain(IhcSettings s) {
        return new CellSettings(s, pixelSize, sigmaUm, nucleusOd, minAreaUm2, maxAreaUm2, expansionUm, splitUm,
                compartment);
    }

    public CellSettings withPixelSize(double um) {
        if (!(um > 0 && um <= 100)) {
            throw new FieldException("pixel-size", um + " is outside (0, 100] µm per pixel");
        }
        return new CellSettings(stain, um, sigmaUm, nucleusOd, minAreaUm2, maxAreaUm2, expansionUm, splitUm,
                compartment);
    }

    public CellSettings withSmoothing(double um) {
        if (!(um >= 0 && um <= 20)) {
            throw new FieldException("smoothing", um + " is outside 0..20 µm (Gaussian sigma)");
        }
        return new CellSettings(stain, pixelSize, um, nucleusOd, minAreaUm2, maxAreaUm2, expansionUm, splitUm,
                compartment);
    }

    /** Fixed hematoxylin OD threshold for nuclei; NaN for automatic (Otsu over tissue). */
    public CellSettings withNucleusOd(double od) {
        if (!Double.isNaN(od) && !(od > 0 && od < 5)) {
            throw new FieldException("nucleus-od", od + " is outside (0, 5) (hematoxylin optical density)");
        }
        return new CellSettings(stain, pixelSize, sigmaUm, od, minAreaUm2, maxAreaUm2, expansionUm, splitUm,
                compartment);
    }

    /** Nucleus area limits in µm². */
    public CellSettings withAreaLimits(double min, double max) {
        if (!(min >= 0) || !(max > min)) {
            throw new FieldException("nucleus-area", String.format(Locale.ROOT,
                    "%s,%s: need 0 <= min < max (µm²)", fmt(min), fmt(max)));
        }
        return new CellSettings(stain, pixelSize, sigmaUm, nucleusOd, min, max, expansionUm, splitUm, compartment);
    }

    public CellSettings withExpansion(double um) {
        if (!(um >= 0 && um <= 50)) {
            throw new FieldException("cell-expansion", um + " is outside 0..50 µm");
        }
        return new CellSettings(stain, pixelSize, sigmaUm, nucleusOd, minAreaUm2, maxAreaUm2, um, splitUm,
                compartment);
    }

    /**
     * How much deeper (in µm of distance to the nucleus edge) a second centre must be than the
     * saddle joining it to the first for a blob to be split; 0 turns splitting off.
     */
    public CellSettings withSplit(double um) {
        if (!(um >= 0 && um <= 10)) {
            throw new FieldException("split", um + " is outside 0..10 µm");
        }
        return new CellSettings(stain, pixelSize, sigmaUm, nucleusOd, minAreaUm2, maxAreaUm2, expansionUm, um,
                compartment);
    }

    public CellSettings withCompartment(Compartment c) {
        return new CellSettings(stain, pixelSize, sigmaUm, nucleusOd, minAreaUm2, maxAreaUm2, expansionUm, splitUm, c);
    }

    public IhcSettings stain() {
        return stain;
    }

    public double pixelSize() {
        return pixelSize;
    }

    public double sigmaPx() {
        return sigmaUm / pixelSize;
    }

    public double nucleusOd() {
        return nucleusOd;
    }

    public boolean autoNucleusOd() {
        return Double.isNaN(nucleusOd);
    }

    public double minAreaPx() {
        return minAreaUm2 / (pixelSize * pixelSize);
    }

    public double maxAreaPx() {
        return maxAreaUm2 / (pixelSize * pixelSize);
    }

    public double expansionPx() {
        return expansionUm / pixelSize;
    }

    public double splitPx() {
        return splitUm / pixelSize;
    }

    public Compartment compartment() {
        return compartment;
    }

    /** Class 0..3 of a DAB OD by the thresholds ({@code >=}). */
    public int classOf(double dab) {
        return dab >= stain.strong() ? 3 : dab >= stain.moderate() ? 2 : dab >= stain.weak() ? 1 : 0;
    }

    public void describe(Provenance p) {
        stain.describe(p);
        p.put("h_score", "cell H-score: 1 x weak% + 2 x moderate% + 3 x strong% of detected nuclei");
        p.put("pixel_size_um", fmt(pixelSize));
        p.put("nuclei", String.format(Locale.ROOT, "%s OD channel, Gaussian sigma %s µm, threshold %s, holes filled, "
                + "touching nuclei split by distance-transform watershed (ImageJ EDM + MaximumFinder, prominence %s µm), "
                + "area %s-%s µm²", stain.counterstainName(), fmt(sigmaUm),
                autoNucleusOd() ? "auto (Otsu over tissue pixels, at least 0.1)" : fmt(nucleusOd), fmt(splitUm),
                fmt(minAreaUm2), fmt(maxAreaUm2)));
        p.put("cells", "nuclei expanded by " + fmt(expansionUm) + " µm over tissue, each pixel to the nearest nucleus");
        p.put("compartment", compartment.key() + " (mean " + stain.chromogenName() + " OD of the "
                + (compartment == Compartment.NUCLEUS ? "nucleus" : compartment == Compartment.CYTOPLASM
                ? "ring between nucleus and cell outline" : "whole cell") + " against the thresholds)");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
