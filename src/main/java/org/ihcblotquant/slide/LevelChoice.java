package org.ihcblotquant.slide;

import java.util.List;
import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * Which pyramid level to score: a level number, the level nearest a pixel size, or by default the
 * level nearest 1 um per pixel (about 10x magnification, where pathologists judge DAB intensity);
 * full resolution when the file states no pixel size.
 */
public final class LevelChoice {
    /** Default target resolution in micrometres per pixel. */
    public static final double DEFAULT_PIXEL_SIZE_UM = 1.0;

    private final int level;
    private final double pixelSizeUm;

    private LevelChoice(int level, double pixelSizeUm) {
        this.level = level;
        this.pixelSizeUm = pixelSizeUm;
    }

    public static LevelChoice byDefault() {
        return new LevelChoice(-1, Double.NaN);
    }

    /** A level number (0 = full resolution); checked against each slide when it is opened. */
    public static LevelChoice level(int level) {
        if (level < 0) {
            throw new FieldException("level", level + " is negative; 0 is full resolution");
        }
        return new LevelChoice(level, Double.NaN);
    }

    /** The level whose pixel size is nearest (on a log scale) to {@code um}. */
    public static LevelChoice pixelSize(double um) {
        if (!(um > 0) || um > 1000) {
            throw new FieldException("pixel-size", um + " is not a pixel size in micrometres (0 to 1000)");
        }
        return new LevelChoice(-1, um);
    }

    /** The level index for this slide, with the reason (for notes); FieldException when out of range. */
    public int resolve(List<SlideLevel> levels) {
        if (level >= 0) {
            if (level >= levels.size()) {
                throw new FieldException("level", level + " does not exist: the slide has levels 0 to "
                        + (levels.size() - 1));
            }
            return level;
        }
        double target = Double.isNaN(pixelSizeUm) ? DEFAULT_PIXEL_SIZE_UM : pixelSizeUm;
        if (Double.isNaN(levels.get(0).pixelSizeUm())) {
            return 0;
        }
        int best = 0;
        double bestDist = Double.MAX_VALUE;
        for (SlideLevel lv : levels) {
            double d = Math.abs(Math.log(lv.pixelSizeUm() / target));
            if (d < bestDist - 1e-9) {
                best = lv.index();
                bestDist = d;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        if (level >= 0) {
            return "level " + level;
        }
        return String.format(Locale.ROOT, "level nearest %s um/px (full resolution without a pixel size)",
                Double.isNaN(pixelSizeUm) ? DEFAULT_PIXEL_SIZE_UM : pixelSizeUm);
    }
}
