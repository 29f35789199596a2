package org.ihcblotquant.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.slide.SlideFiles;
import org.ihcblotquant.slide.SlideSource;

/**
 * How much work an input file is, for balancing shards. Must depend only on the file (the same
 * value in every task of a job array), and be at least 1.
 */
public interface ShardWeight {

    long of(Path file);

    /**
     * Whole-slide files (pyramids, tiled or very large TIFFs): the pixels of the full-resolution
     * level, since their compression varies too much between formats for the size to tell the work;
     * other images: the file size. Unreadable slides fall back to the file size (scoring will say
     * what is wrong with them).
     */
    ShardWeight SLIDE_PIXELS_ELSE_FILE_SIZE = file -> {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if ((n.endsWith(".svs") || n.endsWith(".tif") || n.endsWith(".tiff")) && SlideFiles.isSlide(file)) {
            try (SlideSource s = SlideFiles.open(file)) {
                return Math.max(1L, s.levels().get(0).pixels());
            } catch (RuntimeException e) {
                // weigh it by its size; the scoring reports the problem
            }
        }
        return ShardWeight.FILE_SIZE.of(file);
    };

    /** File size in bytes (at least 1): the work of decoding fields is close to proportional to it. */
    ShardWeight FILE_SIZE = file -> {
        try {
            return Math.max(1L, Files.size(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read its size (" + e.getMessage() + ")", e);
        }
    };
}
