package org.ihcblotquant.slide;

import org.ihcblotquant.core.ProgressListener;

/**
 * A small picture of a whole slide (at most {@link #MAX_SIDE} pixels on the long side) built from
 * the coarsest pyramid level that is still at least that large, box-averaged down tile by tile.
 * Without a pyramid it streams the full-resolution tiles once. Used for tissue detection and QC
 * pictures; {@link #scaleX} is level-0 pixels per overview pixel.
 */
public final class Overview {
    public static final int MAX_SIDE = 1536;

    public final int[] rgb;
    public final int width;
    public final int height;
    /** Level-0 pixels per overview pixel along x and y. */
    public final double scaleX;
    public final double scaleY;
    /** Size of the slide's full-resolution level. */
    public final long level0Width;
    public final long level0Height;

    Overview(int[] rgb, int width, int height, double scaleX, double scaleY, long level0Width, long level0Height) {
        this.level0Width = level0Width;
        this.level0Height = level0Height;
        this.rgb = rgb;
        this.width = width;
        this.height = height;
        this.scaleX = scaleX;
        this.scaleY = scaleY;
    }

    public static Overview of(SlideSource slide, ProgressListener progress) {
        SlideLevel l0 = slide.levels().get(0);
        SlideLevel src = l0;
        for (SlideLevel lv : slide.levels()) {
            if (Math.max(lv.width(), lv.height()) >= MAX_SIDE || lv == l0) {
                src = lv;
            }
        }
        int factor = (int) Math.max(1, (Math.max(src.width(), src.height()) + MAX_SIDE - 1) / MAX_SIDE);
        int w = (int) Math.max(1, src.width() / factor);
        int h = (int) Math.max(1, src.height() / factor);
        // sums of the pixels falling into each overview pixel (the last partial row/column is dropped)
        int[] sr = new int[w * h];
        int[] sg = new int[w * h];
        int[] sb = new int[w * h];
        long tiles = src.tileCount();
        long done = 0;
        for (int row = 0; row < src.rows(); row++) {
            for (int col = 0; col < src.columns(); col++) {
                progress.checkCancelled();
                long x0 = (long) col * src.tileWidth();
                long y0 = (long) row * src.tileHeight();
                if (x0 / factor >= w || y0 / factor >= h) {
                    done++;
                    continue;
                }
                int tw = src.tileWidthAt(col);
                int th = src.tileHeightAt(row);
                int[] t = slide.readTile(src.index(), col, row);
                for (int y = 0; y < th; y++) {
                    long oy = (y0 + y) / factor;
                    if (oy >= h) {
                        break;
                    }
                    int base = (int) oy * w;
                    for (int x = 0; x < tw; x++) {
                        long ox = (x0 + x) / factor;
                        if (ox >= w) {
                            break;
                        }
                        int p = t[y * tw + x];
                        int i = base + (int) ox;
                        sr[i] += (p >> 16) & 0xff;
                        sg[i] += (p >> 8) & 0xff;
                        sb[i] += p & 0xff;
                    }
                }
                done++;
                progress.progress(done / (double) tiles, "overview");
            }
        }
        int n = factor * factor;
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = ((sr[i] + n / 2) / n) << 16 | ((sg[i] + n / 2) / n) << 8 | ((sb[i] + n / 2) / n);
        }
        double sx = l0.width() / (double) src.width() * factor;
        double sy = l0.height() / (double) src.height() * factor;
        return new Overview(rgb, w, h, sx, sy, l0.width(), l0.height());
    }
}
