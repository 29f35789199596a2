package org.ihcblotquant.slide;

import java.io.Closeable;
import java.util.List;

/**
 * A whole-slide image read tile by tile: its resolution levels (level 0 is full resolution) and
 * their pixels as packed RGB ({@code 0xRRGGBB}, as in an ImageJ {@code ColorProcessor}).
 * Implementations are safe to call from several threads at once; each thread gets its own decoder.
 */
public interface SlideSource extends Closeable {

    /** File name or title, for messages and tables. */
    String name();

    /** Short description of the file's layout and compression, for provenance. */
    String format();

    /** Levels from full resolution down; never empty. */
    List<SlideLevel> levels();

    /**
     * One tile of a level, cut at the image edge: {@code tileWidthAt(col) x tileHeightAt(row)}
     * pixels, row by row.
     */
    int[] readTile(int level, int col, int row);

    /** A region of a level, row by row; the region must lie inside the level. */
    int[] readRegion(int level, long x, long y, int width, int height);

    /** Releases the file and the decoders; no exception. */
    @Override
    void close();
}
