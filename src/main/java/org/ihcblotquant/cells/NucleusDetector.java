package org.ihcblotquant.cells;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.ihcblotquant.core.ProgressListener;

/**
 * Finds the nuclei (and approximated cells) of an RGB image in tiles of {@value #CORE} pixels
 * processed in parallel, each with a margin wide enough for the largest nucleus and its cell, so
 * that the result does not depend on where the tiles fall. Nuclei come out sorted by centroid row,
 * then column.
 */
public final class NucleusDetector {
    static final int CORE = 2048;
    private final CellSettings settings;
    private final boolean rings;

    /** Measures cell rings too. */
    public NucleusDetector(CellSettings settings) {
        this(settings, true);
    }

    /**
     * @param rings whether to approximate cells and measure their rings; without, ring values are
     *              empty (NaN) and only the nucleus compartment can be classified
     */
    public NucleusDetector(CellSettings settings, boolean rings) {
        if (!rings && settings.compartment() != Compartment.NUCLEUS) {
            throw new IllegalArgumentException("the " + settings.compartment().key() + " compartment needs cell rings");
        }
        this.settings = settings;
        this.rings = rings;
    }

    /**
     * @param mask     null, or non-zero where pixels are analysed (nuclei must lie inside)
     * @param outlines whether to trace each nucleus outline (for overlays)
     */
    public List<Nucleus> detect(int[] rgb, int width, int height, byte[] mask, CellCalibration cal, boolean outlines,
            ProgressListener progress) {
        if (rgb.length != width * height || (mask != null && mask.length != rgb.length)) {
            throw new IllegalArgumentException("pixel or mask array does not match " + width + "x" + height);
        }
        if (Double.isNaN(cal.nucleusOd)) {
            return new ArrayList<>();
        }
        int margin = margin();
        int tilesX = (width + CORE - 1) / CORE;
        int tilesY = (height + CORE - 1) / CORE;
        int tiles = tilesX * tilesY;
        TileSegmenter seg = new TileSegmenter(rgb, width, mask, settings, cal, outlines, rings);
        List<List<Nucleus>> parts = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            parts.add(null);
        }
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, tiles).parallel().forEach(t -> {
            progress.checkCancelled();
            int tx = t % tilesX;
            int ty = t / tilesX;
            int cx0 = tx * CORE;
            int cy0 = ty * CORE;
            int cx1 = Math.min(width, cx0 + CORE);
            int cy1 = Math.min(height, cy0 + CORE);
            int x0 = Math.max(0, cx0 - margin);
            int y0 = Math.max(0, cy0 - margin);
            int x1 = Math.min(width, cx1 + margin);
            int y1 = Math.min(height, cy1 + margin);
            List<Nucleus> found = seg.segment(x0, y0, x1 - x0, y1 - y0, cx0, cy0, cx1, cy1);
            synchronized (parts) {
                parts.set(t, found);
            }
            progress.progress(done.incrementAndGet() / (double) tiles, "nuclei");
        });
        List<Nucleus> all = new ArrayList<>();
        for (List<Nucleus> p : parts) {
            all.addAll(p);
        }
        all.sort(Comparator.comparingDouble((Nucleus n) -> n.y).thenComparingDouble(n -> n.x));
        return all;
    }

    /** Margin around a tile core: the widest nucleus, its cell ring and the smoothing reach. */
    int margin() {
        double diameter = 2 * Math.sqrt(settings.maxAreaPx() / Math.PI) * 1.5;
        return (int) Math.ceil(diameter + settings.expansionPx() + 3 * settings.sigmaPx() + 4);
    }
}
