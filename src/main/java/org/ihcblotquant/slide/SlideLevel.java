package org.ihcblotquant.slide;

import java.util.Locale;

/**
 * One resolution level of a slide: size, tile grid and pixel size. Tiles are numbered by column
 * and row from the top left; tiles in the last column and row are cut at the image edge.
 */
public final class SlideLevel {
    private final int index;
    private final long width;
    private final long height;
    private final int tileWidth;
    private final int tileHeight;
    private final double pixelSizeUm;

    public SlideLevel(int index, long width, long height, int tileWidth, int tileHeight, double pixelSizeUm) {
        this.index = index;
        this.width = width;
        this.height = height;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.pixelSizeUm = pixelSizeUm;
    }

    public int index() {
        return index;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public long pixels() {
        return width * height;
    }

    public int tileWidth() {
        return tileWidth;
    }

    public int tileHeight() {
        return tileHeight;
    }

    /** Micrometres per pixel; NaN when the file does not say. */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    public int columns() {
        return (int) ((width + tileWidth - 1) / tileWidth);
    }

    public int rows() {
        return (int) ((height + tileHeight - 1) / tileHeight);
    }

    public long tileCount() {
        return (long) columns() * rows();
    }

    /** Width of the tiles in column {@code col} (the last one may be cut). */
    public int tileWidthAt(int col) {
        return (int) Math.min(tileWidth, width - (long) col * tileWidth);
    }

    public int tileHeightAt(int row) {
        return (int) Math.min(tileHeight, height - (long) row * tileHeight);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "level %d: %dx%d, tiles %dx%d%s", index, width, height, tileWidth,
                tileHeight, Double.isNaN(pixelSizeUm) ? "" : String.format(Locale.ROOT, ", %.4f um/px", pixelSizeUm));
    }
}
