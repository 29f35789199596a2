package org.ihcblotquant.slide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.ihcblotquant.core.InputException;

/**
 * Tells slides from ordinary images in a batch. A slide is an {@code .svs} file, a BigTIFF, or a
 * TIFF whose first image is tiled, has SubIFDs (a pyramid) or is larger than
 * {@link #LARGE_PIXELS}: files ImageJ's TIFF decoder cannot read or that would not fit in memory.
 */
public final class SlideFiles {
    /** Stripped TIFFs above this size are read as slides (tile by tile) rather than whole. */
    public static final long LARGE_PIXELS = 256L << 20;

    private SlideFiles() {
    }

    public static boolean isSlide(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".svs")) {
            return true;
        }
        if (!Files.isRegularFile(file)) {
            return false;
        }
        TiffFile f;
        try {
            f = TiffFile.open(file);
        } catch (InputException e) {
            return false;
        }
        try {
            if (f.isBig()) {
                return true;
            }
            TiffDirectory d = f.mainChain().get(0);
            return d.has(TiffDirectory.TILE_WIDTH) || d.has(TiffDirectory.SUB_IFDS)
                    || d.first(TiffDirectory.IMAGE_WIDTH, 0) * d.first(TiffDirectory.IMAGE_LENGTH, 0) > LARGE_PIXELS;
        } catch (InputException e) {
            return false;
        } finally {
            f.close();
        }
    }

    /** Opens a slide with our reader. */
    public static SlideSource open(Path file) {
        return TiffSlide.open(file);
    }
}
