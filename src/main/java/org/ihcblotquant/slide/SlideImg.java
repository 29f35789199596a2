package org.ihcblotquant.slide;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.ARGBType;

/**
 * A slide level as an ImgLib2 image for scripts: a {@link LazyCellImg} whose cells are the file's
 * tiles, decoded on first access and kept in a small LRU cache, so a 40000 x 40000 level can be
 * browsed with a heap of about {@code cacheTiles x tile size x 4} bytes. Pixels are opaque ARGB.
 *
 * <p>ImgLib2 cursors are much slower than a plain loop over an {@code int[]}; the scoring code
 * therefore reads tiles directly ({@link SlideSource#readTile}) and this view is for scripting.</p>
 */
public final class SlideImg {
    /** Tiles kept by default: 64 tiles of 512 x 512 are 64 MB. */
    public static final int DEFAULT_CACHE_TILES = 64;

    private SlideImg() {
    }

    public static RandomAccessibleInterval<ARGBType> view(SlideSource slide, int level) {
        return view(slide, level, DEFAULT_CACHE_TILES);
    }

    public static RandomAccessibleInterval<ARGBType> view(SlideSource slide, int level, int cacheTiles) {
        SlideLevel lv = slide.levels().get(level);
        final CellGrid grid = new CellGrid(new long[] {lv.width(), lv.height()},
                new int[] {lv.tileWidth(), lv.tileHeight()});
        final TileCache<Cell<IntArray>> cache = new TileCache<>(cacheTiles);
        final int columns = lv.columns();
        LazyCellImg.Get<Cell<IntArray>> get = index -> cache.get(index, i -> {
            int col = (int) (i % columns);
            int row = (int) (i / columns);
            int[] px = slide.readTile(level, col, row);
            for (int k = 0; k < px.length; k++) {
                px[k] |= 0xff000000;
            }
            long[] min = new long[2];
            int[] dims = new int[2];
            grid.getCellDimensions(i, min, dims);
            return new Cell<>(dims, min, new IntArray(px));
        });
        return new LazyCellImg<>(grid, new ARGBType(), get);
    }
}
