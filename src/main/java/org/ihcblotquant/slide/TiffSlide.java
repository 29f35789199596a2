package org.ihcblotquant.slide;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ihcblotquant.core.InputException;

/**
 * A pyramidal (or plain tiled/stripped) TIFF or BigTIFF slide read with our own directory walker
 * and tile decoders.
 *
 * <p>Levels: the first directory is full resolution. When it has SubIFDs (OME-TIFF and libvips
 * {@code --subifd} pyramids) those are the lower levels; otherwise the later tiled directories of
 * the main chain with the same aspect ratio are (Aperio SVS, libvips {@code --pyramid}): the
 * stripped thumbnail, label and macro images of an SVS file are left out by that rule. Levels are
 * sorted from largest to smallest.</p>
 */
public final class TiffSlide implements SlideSource {
    private final TiffFile file;
    private final List<SlideLevel> levels;
    private final List<TiffLayout> layouts;
    private final String format;
    private final ThreadLocal<TileDecoder> decoders;
    private final Set<TileDecoder> allDecoders = Collections.synchronizedSet(new LinkedHashSet<TileDecoder>());
    private final boolean subIfds;
    private volatile boolean closed;

    private TiffSlide(TiffFile file, List<TiffLayout> layouts, double pixelSize0, boolean subIfds) {
        this.file = file;
        this.subIfds = subIfds;
        this.layouts = layouts;
        List<SlideLevel> lv = new ArrayList<>();
        TiffLayout base = layouts.get(0);
        for (int i = 0; i < layouts.size(); i++) {
            TiffLayout l = layouts.get(i);
            double ps = Double.isNaN(pixelSize0) ? Double.NaN : pixelSize0 * base.width / (double) l.width;
            lv.add(new SlideLevel(i, l.width, l.height, l.tileWidth, l.tileHeight, ps));
        }
        this.levels = Collections.unmodifiableList(lv);
        this.format = String.format(Locale.ROOT, "%s, %s %s, %d level(s)", file.isBig() ? "BigTIFF" : "TIFF",
                base.tiled ? "tiled" : "stripped", TiffLayout.compressionName(base.compression), layouts.size());
        final Path p = file.path();
        this.decoders = ThreadLocal.withInitial(() -> {
            TileDecoder d = new TileDecoder(p);
            allDecoders.add(d);
            return d;
        });
    }

    /** Opens a TIFF slide; an unreadable layout is an {@link InputException} naming the file and why. */
    public static TiffSlide open(Path path) {
        TiffFile f = TiffFile.open(path);
        try {
            List<TiffDirectory> chain = f.mainChain();
            TiffDirectory first = chain.get(0);
            List<TiffLayout> layouts = new ArrayList<>();
            layouts.add(TiffLayout.of(first, path, "full-resolution image"));
            long[] sub = first.longs(TiffDirectory.SUB_IFDS);
            List<TiffDirectory> candidates = new ArrayList<>();
            if (sub != null && sub.length > 0) {
                if (sub.length > TiffFile.MAX_DIRECTORIES) {
                    throw new InputException(path + ": corrupt TIFF (" + sub.length + " SubIFDs)");
                }
                for (long off : sub) {
                    candidates.add(TiffDirectory.read(f, off));
                }
            } else {
                candidates.addAll(chain.subList(1, chain.size()));
            }
            TiffLayout base = layouts.get(0);
            double aspect = base.width / (double) base.height;
            for (int i = 0; i < candidates.size(); i++) {
                TiffDirectory d = candidates.get(i);
                long w = d.first(TiffDirectory.IMAGE_WIDTH, 0);
                long h = d.first(TiffDirectory.IMAGE_LENGTH, 0);
                if (!d.has(TiffDirectory.TILE_WIDTH) || w <= 0 || h <= 0 || w >= base.width) {
                    continue;
                }
                double a = w / (double) h;
                // a level's sides are the full size divided and rounded: allow one pixel either way
                double tol = Math.abs(aspect - (w + 1.0) / Math.max(1, h - 1)) + 1e-9;
                if (Math.abs(a - aspect) > Math.max(tol, 0.01 * aspect)) {
                    continue;
                }
                layouts.add(TiffLayout.of(d, path, "pyramid level of " + w + "x" + h));
            }
            layouts.sort((x, y) -> Long.compare(y.width, x.width));
            double ps = PixelSizes.fromDescription(first.ascii(TiffDirectory.IMAGE_DESCRIPTION));
            if (Double.isNaN(ps)) {
                ps = PixelSizes.fromResolution(first.real(TiffDirectory.X_RESOLUTION),
                        first.first(TiffDirectory.RESOLUTION_UNIT, 2));
            }
            return new TiffSlide(f, layouts, ps, sub != null && sub.length > 0);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return file.path().getFileName().toString();
    }

    public Path path() {
        return file.path();
    }

    /** True when the lower levels are SubIFDs of the first image (OME-TIFF style), else main-chain images. */
    public boolean subIfdPyramid() {
        return subIfds;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    private TiffLayout layout(int level) {
        if (level < 0 || level >= layouts.size()) {
            throw new IllegalArgumentException("level " + level + " of " + layouts.size());
        }
        return layouts.get(level);
    }

    private String tileName(int level, TiffLayout l, int col, int row) {
        return l.tiled ? String.format(Locale.ROOT, "level %d tile (%d, %d)", level, col, row)
                : String.format(Locale.ROOT, "level %d strip %d", level, row);
    }

    /** Decodes a tile at its stored size ({@code tileWidth x rows}) into {@code out}; returns the rows. */
    private int decodeFull(int level, int col, int row, int[] out) {
        if (closed) {
            throw new IllegalStateException(name() + " is closed");
        }
        TiffLayout l = layout(level);
        int index = row * l.columns + col;
        String where = tileName(level, l, col, row);
        long offset = l.offsets[index];
        long count = l.byteCounts[index];
        int rows = l.tiled ? l.tileHeight : (int) Math.min(l.tileHeight, l.height - (long) row * l.tileHeight);
        long maxBytes = l.rawTileBytes(row) * 2 + (1 << 20);
        if (count <= 0 || count > maxBytes) {
            throw new InputException(String.format(Locale.ROOT, "%s: %s claims %d bytes; corrupt", file.path(), where,
                    count));
        }
        ByteBuffer data = file.read(offset, count, where);
        decoders.get().decode(l, data, rows, out, where);
        return rows;
    }

    @Override
    public int[] readTile(int level, int col, int row) {
        TiffLayout l = layout(level);
        SlideLevel s = levels.get(level);
        if (col < 0 || row < 0 || col >= l.columns || row >= l.rows) {
            throw new IllegalArgumentException("tile (" + col + ", " + row + ") outside " + s);
        }
        int cw = s.tileWidthAt(col);
        int ch = s.tileHeightAt(row);
        int[] full = new int[l.tileWidth * l.tileHeight];
        decodeFull(level, col, row, full);
        if (cw == l.tileWidth && ch == l.tileHeight) {
            return full;
        }
        int[] out = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(full, y * l.tileWidth, out, y * cw, cw);
        }
        return out;
    }

    @Override
    public int[] readRegion(int level, long x, long y, int width, int height) {
        TiffLayout l = layout(level);
        Regions.check(levels.get(level), x, y, width, height);
        int[] out = new int[width * height];
        int[] tile = new int[l.tileWidth * l.tileHeight];
        int c0 = (int) (x / l.tileWidth);
        int c1 = (int) ((x + width - 1) / l.tileWidth);
        int r0 = (int) (y / l.tileHeight);
        int r1 = (int) ((y + height - 1) / l.tileHeight);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int rows = decodeFull(level, c, r, tile);
                long tx = (long) c * l.tileWidth;
                long ty = (long) r * l.tileHeight;
                long ix0 = Math.max(x, tx);
                long ix1 = Math.min(x + width, tx + l.tileWidth);
                long iy0 = Math.max(y, ty);
                long iy1 = Math.min(y + height, ty + rows);
                for (long yy = iy0; yy < iy1; yy++) {
                    System.arraycopy(tile, (int) ((yy - ty) * l.tileWidth + (ix0 - tx)), out,
                            (int) ((yy - y) * width + (ix0 - x)), (int) (ix1 - ix0));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (allDecoders) {
            for (TileDecoder d : allDecoders) {
                d.dispose();
            }
            allDecoders.clear();
        }
        file.close();
    }
}
