package org.ihcblotquant.slide;

import java.nio.file.Path;
import java.util.Locale;

import ij.process.ColorProcessor;

import org.ihcblotquant.job.FieldException;

/**
 * One whole level of a slide in memory, for operations that produce full images (colour
 * deconvolution). Refused with a clear message when the level, with the work images made from it,
 * would not fit in the heap; the message suggests a coarser level.
 */
public final class LevelImage {
    /** Bytes per pixel: the RGB level plus three 32-bit OD images plus headroom for writing. */
    static final long BYTES_PER_PIXEL = 4 + 3 * 4 + 8;

    public final ColorProcessor image;
    public final int level;
    public final double pixelSizeUm;
    public final int levels;

    private LevelImage(ColorProcessor image, int level, double pixelSizeUm, int levels) {
        this.image = image;
        this.level = level;
        this.pixelSizeUm = pixelSizeUm;
        this.levels = levels;
    }

    public static LevelImage read(Path file, LevelChoice choice) {
        try (SlideSource s = SlideFiles.open(file)) {
            int li = choice.resolve(s.levels());
            SlideLevel lv = s.levels().get(li);
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            long need = lv.pixels() * BYTES_PER_PIXEL;
            if (need > free || lv.pixels() > Regions.MAX_PIXELS) {
                StringBuilder coarser = new StringBuilder();
                for (SlideLevel l : s.levels()) {
                    if (l.pixels() * BYTES_PER_PIXEL <= free && coarser.length() == 0) {
                        coarser.append(String.format(Locale.ROOT, "; level %d (%dx%d) fits", l.index(), l.width(),
                                l.height()));
                    }
                }
                throw new FieldException("level", String.format(Locale.ROOT,
                        "%s: level %d is %dx%d (%d MP); writing it whole needs about %d MB, more than the %d MB of "
                                + "heap free: choose a coarser level or a larger pixel size%s, or raise the heap",
                        file, li, lv.width(), lv.height(), lv.pixels() / 1_000_000, need >> 20, free >> 20,
                        coarser));
            }
            int[] px = s.readRegion(li, 0, 0, (int) lv.width(), (int) lv.height());
            return new LevelImage(new ColorProcessor((int) lv.width(), (int) lv.height(), px), li, lv.pixelSizeUm(),
                    s.levels().size());
        }
    }
}
