package org.ihcblotquant.cells;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.ihc.TissueMask;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.Stain;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;

/**
 * Cell-level analysis of images: calibration, nuclei, classes, counts. One image in memory, or a
 * file where bad input becomes a result with an {@code error:} status so a batch carries on.
 */
public final class CellAnalysis {
    public static final String TOO_LARGE = "too large for memory (give Java more memory)";

    private final CellSettings settings;
    private final boolean allRings;

    /** Measures every cell's ring (for per-cell rows). */
    public CellAnalysis(CellSettings settings) {
        this(settings, true);
    }

    /**
     * @param perCellRows whether per-cell rows (with ring values) are wanted; without them, rings
     *                    are only measured when the compartment needs them, which saves about a
     *                    fifth of the time
     */
    public CellAnalysis(CellSettings settings, boolean perCellRows) {
        this.settings = settings;
        this.allRings = perCellRows;
    }

    public CellSettings settings() {
        return settings;
    }

    /** What a caller fixes for an image instead of deciding it from the image alone. */
    public static final class Overrides {
        /** Background for every field of a slide; null to use the image's own. */
        public final Background background;
        /** Vectors estimated for the slide or batch; null for the settings' vectors. */
        public final StainVectors vectors;
        /** Estimate the vectors from this image alone. */
        public final boolean estimateVectors;

        public Overrides(Background background, StainVectors vectors, boolean estimateVectors) {
            this.background = background;
            this.vectors = vectors;
            this.estimateVectors = estimateVectors;
        }

        public static final Overrides NONE = new Overrides(null, null, false);
    }

    /**
     * @param name     image name for the tables
     * @param mask     null, or non-zero where cells are analysed (ROI or user mask)
     * @param outlines whether to keep nucleus outlines (overlays)
     */
    public CellImageResult analyse(String name, ColorProcessor cp, byte[] mask, List<String> extraNotes,
            Overrides over, boolean outlines, ProgressListener progress) {
        boolean[] matched = new boolean[1];
        String slide = settings.stain().slideOf(name, matched);
        String marker = settings.stain().marker();
        List<String> notes = new ArrayList<>(extraNotes);
        if (!matched[0]) {
            notes.add("slide pattern did not match; slide = file name");
        }
        int w = cp.getWidth();
        int h = cp.getHeight();
        int[] px = (int[]) cp.getPixels();
        CellSettings s = settings;
        if (over.vectors != null) {
            s = s.withStain(s.stain().withVectors(over.vectors));
        }
        CellCalibration cal = CellCalibration.of(px, w, h, mask, s, over.background);
        if (over.estimateVectors) {
            StainVectorEstimator est = new StainVectorEstimator();
            est.add(px, w, h, mask, cal.background);
            try {
                s = s.withStain(s.stain().withVectors(named(est.estimate(), s.stain().vectors())));
            } catch (InputException e) {
                return CellImageResult.failed(name, slide, marker, "stain vectors: " + e.getMessage(), w, h, notes);
            }
            cal = CellCalibration.of(px, w, h, mask, s, over.background);
        }
        if (cal.background.source() == Background.Source.NO_GLASS_FALLBACK) {
            notes.add("no glass in the image: background 255 used");
        } else if (cal.background.source() == Background.Source.SLIDE_NO_GLASS_FALLBACK) {
            notes.add("no glass in any field of the slide: background 255 used");
        }
        if (s.stain().tissueMask().isActive() && !Double.isNaN(cal.nucleusOd)) {
            // cells only inside the cleaned tissue mask (no nuclei on dust specks)
            mask = and(mask, TissueMask.build(px, w, h, cal.background, cal.tissueOd, s.stain().tissueMask()));
        }
        String vectors = spec(s.stain().vectors());
        if (Double.isNaN(cal.nucleusOd)) {
            return new CellImageResult(name, slide, marker, mask != null && isEmpty(mask)
                    ? "error: empty mask or ROI (no pixel to analyse)"
                    : String.format(Locale.ROOT, "error: no tissue detected (no pixel with total OD >= %.3f)",
                            cal.tissueOd), w, h, cal.background, cal.tissueOd, cal.nucleusOd, vectors,
                    new ArrayList<Nucleus>(), null, notes);
        }
        List<Nucleus> nuclei = new NucleusDetector(s, allRings || s.compartment() != Compartment.NUCLEUS)
                .detect(px, w, h, mask, cal, outlines, progress);
        CellCounts counts = CellCounts.of(nuclei, s.compartment());
        if (nuclei.isEmpty()) {
            notes.add("no nuclei found");
        }
        return new CellImageResult(name, slide, marker, "ok", w, h, cal.background, cal.tissueOd, cal.nucleusOd,
                vectors, nuclei, counts, notes);
    }

    /** Reads and analyses one file; never throws for bad input (the status says what went wrong). */
    public CellImageResult analyseFile(Path file, MaskFolder masks, Overrides over, ProgressListener progress) {
        String name = file.getFileName().toString();
        String slide = settings.stain().slideOf(name, null);
        String marker = settings.stain().marker();
        List<String> none = new ArrayList<>();
        LoadedImage img;
        try {
            img = ImageFiles.read(file);
        } catch (InputException e) {
            return CellImageResult.failed(name, slide, marker, e.getMessage(), 0, 0, none);
        } catch (OutOfMemoryError e) {
            return CellImageResult.failed(name, slide, marker, file + ": " + TOO_LARGE, 0, 0, none);
        }
        if (!img.isRgb()) {
            return CellImageResult.failed(name, slide, marker, file + ": not an RGB colour image (" + img.bitDepth()
                    + "-bit greyscale); cell detection needs a brightfield RGB image", img.width(), img.height(), none);
        }
        List<String> notes = new ArrayList<>(img.notes());
        if (img.isLossy()) {
            notes.add("lossy JPEG input");
        }
        byte[] mask = null;
        if (masks != null) {
            try {
                mask = masks.maskFor(file, img.width(), img.height());
            } catch (InputException e) {
                return CellImageResult.failed(name, slide, marker, e.getMessage(), img.width(), img.height(), notes);
            }
        }
        try {
            return analyse(name, (ColorProcessor) img.processor(), mask, notes, over, false, progress);
        } catch (CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            return CellImageResult.failed(name, slide, marker, file + ": " + TOO_LARGE, img.width(), img.height(),
                    notes);
        }
    }

    /** Estimated vectors under the names of the set they replace (e.g. Hematoxylin, DAB). */
    public static StainVectors named(StainVectorEstimator.Estimate e, StainVectors current) {
        String counter = current.stains().get(current.counterstainIndex()).name();
        String chromogen = current.stains().get(current.chromogenIndex()).name();
        return e.vectors(counter, chromogen);
    }

    /** Vectors in the {@code --vectors} syntax. */
    public static String spec(StainVectors v) {
        StringBuilder sb = new StringBuilder();
        for (Stain st : v.stains()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            double[] c = st.vector();
            sb.append(st.name()).append(':').append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f", c[0], c[1], c[2]));
        }
        return sb.toString();
    }

    private static byte[] and(byte[] region, byte[] tissue) {
        if (region == null) {
            return tissue;
        }
        byte[] out = new byte[tissue.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (region[i] != 0 && tissue[i] != 0 ? 1 : 0);
        }
        return out;
    }

    private static boolean isEmpty(byte[] mask) {
        for (byte b : mask) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
