package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.process.ColorProcessor;

import org.ihcblotquant.cells.CellAnalysis;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.GlassPool;
import org.ihcblotquant.stain.GlassSurvey;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;

/**
 * What a batch decides per slide or for all images before it scores any of them: one background
 * per slide (glass pooled over the slide's fields, for the background rule {@code slide}) and stain
 * vectors estimated per slide or once for the batch. Files that cannot be read are skipped here;
 * the scoring pass reports them.
 */
final class SlidePrepass {
    private final IhcSettings settings;
    private final MaskFolder masks;
    private final List<Path> files;
    private final StainEstimateScope scope;
    private final boolean estimateImages;
    private final Map<String, Background> backgrounds = new HashMap<>();
    private final Map<String, StainVectors> vectors = new HashMap<>();
    private final Map<String, String> estimated = new LinkedHashMap<>();
    private final Map<String, String> slideBackgrounds = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** For cells: per-image vectors are estimated by the cell analysis itself, with the image's result. */
    SlidePrepass(CellSettings settings, MaskFolder masks, List<Path> files, StainEstimateScope scope) {
        this(settings.stain(), masks, files, scope, false);
    }

    /** For pixel scores: every scope, per-image included, is estimated here. */
    SlidePrepass(IhcSettings settings, MaskFolder masks, List<Path> files, StainEstimateScope scope) {
        this(settings, masks, files, scope, true);
    }

    private SlidePrepass(IhcSettings settings, MaskFolder masks, List<Path> files, StainEstimateScope scope,
            boolean estimateImages) {
        this.estimateImages = estimateImages;
        this.settings = settings;
        this.masks = masks;
        this.files = files;
        this.scope = scope;
    }

    void run(ProgressListener progress) {
        boolean slideBackground = settings.background().isSlide();
        if (slideBackground) {
            Map<String, GlassPool> pools = new LinkedHashMap<>();
            for (Path f : files) {
                progress.checkCancelled();
                LoadedImage img = readRgb(f);
                if (img == null) {
                    continue;
                }
                int[] px = (int[]) img.processor().getPixels();
                GlassSurvey survey = BackgroundEstimator.survey(px, img.width(), img.height());
                pools.computeIfAbsent(slideOf(f), k -> new GlassPool()).add(survey);
            }
            for (Map.Entry<String, GlassPool> e : pools.entrySet()) {
                Background b = e.getValue().background();
                backgrounds.put(e.getKey(), b);
                slideBackgrounds.put(e.getKey(), b + " from " + e.getValue().fieldsWithGlass() + " of "
                        + e.getValue().fields() + " fields with glass");
            }
        }
        if (scope == StainEstimateScope.SLIDE || scope == StainEstimateScope.BATCH
                || (scope == StainEstimateScope.IMAGE && estimateImages)) {
            Map<String, StainVectorEstimator> est = new LinkedHashMap<>();
            for (Path f : files) {
                progress.checkCancelled();
                LoadedImage img = readRgb(f);
                if (img == null) {
                    continue;
                }
                int[] px = (int[]) img.processor().getPixels();
                Background bg = backgroundFor(f);
                if (bg == null) {
                    bg = settings.background().resolve(BackgroundEstimator.survey(px, img.width(), img.height()));
                }
                byte[] mask = null;
                if (masks != null) {
                    try {
                        mask = masks.maskFor(f, img.width(), img.height());
                    } catch (InputException e) {
                        continue;
                    }
                }
                est.computeIfAbsent(scopeKey(f), k -> new StainVectorEstimator()).add(px, img.width(), img.height(),
                        mask, bg);
            }
            for (Map.Entry<String, StainVectorEstimator> e : est.entrySet()) {
                String label = e.getKey().isEmpty() ? "batch"
                        : scope == StainEstimateScope.IMAGE ? "image " + java.nio.file.Paths.get(e.getKey()).getFileName()
                        : "slide " + e.getKey();
                try {
                    StainVectors v = CellAnalysis.named(e.getValue().estimate(), settings.vectors());
                    vectors.put(e.getKey(), v);
                    estimated.put(label, CellAnalysis.spec(v));
                } catch (InputException ex) {
                    if (scope == StainEstimateScope.BATCH) {
                        throw new FieldException("stain-estimate", ex.getMessage());
                    }
                    warnings.add(label + ": " + ex.getMessage() + "; its images use the vectors as set");
                }
            }
        }
    }

    private LoadedImage readRgb(Path f) {
        if (org.ihcblotquant.slide.SlideFiles.isSlide(f)) {
            return null; // whole slides find their own glass on their overview level
        }
        try {
            LoadedImage img = ImageFiles.read(f);
            return img.isRgb() && img.processor() instanceof ColorProcessor ? img : null;
        } catch (InputException | OutOfMemoryError e) {
            return null;
        }
    }

    private String slideOf(Path f) {
        return settings.slideOf(f.getFileName().toString(), null);
    }

    private String scopeKey(Path f) {
        if (scope == StainEstimateScope.IMAGE) {
            return f.toAbsolutePath().toString();
        }
        return scope == StainEstimateScope.SLIDE ? slideOf(f) : "";
    }

    /** The slide's background, or null when each image uses its own. */
    Background backgroundFor(Path f) {
        return backgrounds.get(slideOf(f));
    }

    /** Estimated vectors for the file's slide or the batch; null for the settings' vectors. */
    StainVectors vectorsFor(Path f) {
        return vectors.get(scopeKey(f));
    }

    CellAnalysis.Overrides overridesFor(Path f) {
        return new CellAnalysis.Overrides(backgroundFor(f), vectorsFor(f), scope == StainEstimateScope.IMAGE);
    }

    Map<String, String> estimated() {
        return estimated;
    }

    Map<String, String> slideBackgrounds() {
        return slideBackgrounds;
    }

    List<String> warnings() {
        return warnings;
    }
}
