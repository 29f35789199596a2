package org.ihcblotquant.slide;

import org.ihcblotquant.ihc.IhcImageResult;

/**
 * The score of one slide: the same result as an image's (one table row) plus the level scored, its
 * pixel size, and the overview pictures for QC (thumbnail, tissue mask, class map).
 */
public final class SlideScore {
    private final IhcImageResult result;
    private final int level;
    private final double pixelSizeUm;
    private final Overview overview;
    private final byte[] tissueMask;
    private final byte[] classMap;
    private final long tilesScored;
    private final long tilesTotal;

    SlideScore(IhcImageResult result, int level, double pixelSizeUm, Overview overview, byte[] tissueMask,
            byte[] classMap, long tilesScored, long tilesTotal) {
        this.result = result;
        this.level = level;
        this.pixelSizeUm = pixelSizeUm;
        this.overview = overview;
        this.tissueMask = tissueMask;
        this.classMap = classMap;
        this.tilesScored = tilesScored;
        this.tilesTotal = tilesTotal;
    }

    public IhcImageResult result() {
        return result;
    }

    public int level() {
        return level;
    }

    /** NaN when the file states no pixel size. */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    public Overview overview() {
        return overview;
    }

    /** Overview-sized: 1 where tissue was detected at low resolution. */
    public byte[] tissueMask() {
        return tissueMask;
    }

    /** Overview-sized: -1 glass or not scored, 0 negative, 1 weak, 2 moderate, 3 strong. */
    public byte[] classMap() {
        return classMap;
    }

    public long tilesScored() {
        return tilesScored;
    }

    public long tilesTotal() {
        return tilesTotal;
    }
}
