package org.ihcblotquant.stain;

import java.util.Arrays;

/**
 * Estimates the glass colour ({@code I0} per channel) of a brightfield image.
 *
 * <p>Why not QuPath's "mode above the channel mean": on fields without glass it returns the colour
 * of pale tissue, which then reads as zero stain. Glass differs from pale tissue by being flat: we
 * cut the image into 8x8 blocks and call a block glass when it is bright (every channel mean
 * &gt;= 150), nearly neutral (channel means within 40) and flat (SD of brightness &lt;= 4 grey
 * levels). Glass sits in areas: only glass blocks whose four neighbours are glass count
 * ("interior" blocks), which drops flat spots inside tissue. With fewer than 4 interior blocks, or
 * fewer than 0.2 % of all blocks, the image has no glass and the estimate falls back to 255 (the
 * result says so). Otherwise I0 per channel is the median block mean of the interior blocks in the
 * brightest common cluster (within 6 levels of the brightness mode). Fields above 1 MP are
 * sampled every other pixel, images above 4 MP on a sparse grid (about a million samples), which
 * keeps the survey a small part of scoring.</p>
 */
public final class BackgroundEstimator {
    static final int BLOCK = 8;
    static final double MIN_CHANNEL = 150;
    static final double MAX_SPREAD = 40;
    static final double MAX_SD = 4;
    static final double MIN_INTERIOR_FRACTION = 0.002;
    static final int MIN_INTERIOR_BLOCKS = 4;

    private BackgroundEstimator() {
    }

    /** The glass background, or 255 with source {@link Background.Source#NO_GLASS_FALLBACK}. */
    public static Background estimate(int[] rgb, int width, int height) {
        return survey(rgb, width, height).background();
    }

    /** Looks for glass; the survey is empty when the image shows none. */
    public static GlassSurvey survey(int[] rgb, int width, int height) {
        Glass g = findGlass(rgb, width, height);
        return g == null ? GlassSurvey.none(rgb, width) : new GlassSurvey(rgb, width, g.r, g.g, g.b, g.blockX, g.blockY, g.step, g.span);
    }

    /** Glass blocks found: the estimate and the interior block positions (for noise statistics). */
    private static final class Glass {
        double r;
        double g;
        double b;
        int[] blockX;
        int[] blockY;
        int step;
        int span;
    }

    private static Glass findGlass(int[] rgb, int width, int height) {
        // Blocks are 8x8 pixels up to 4 MP (every pixel sampled up to 1 MP, every other one in each
        // direction above), so the flatness test works at the same scale on ordinary fields. Larger
        // images are surveyed on a sparse grid: pixel step s, blocks of 8s x 8s pixels with 64
        // samples; about a million samples decide the glass colour.
        long pixels = (long) width * height;
        int step;
        int span;
        if (pixels <= 1_000_000L) {
            step = 1;
            span = BLOCK;
        } else if (pixels <= 4_000_000L) {
            step = 2;
            span = BLOCK;
        } else {
            step = (int) Math.ceil(Math.sqrt(pixels / 1_000_000.0));
            span = BLOCK * step;
        }
        int gw = width / span;
        int gh = height / span;
        if (gw < 3 || gh < 3) {
            return null;
        }
        float[] meanR = new float[gw * gh];
        float[] meanG = new float[gw * gh];
        float[] meanB = new float[gw * gh];
        boolean[] glass = new boolean[gw * gh];
        java.util.stream.IntStream.range(0, gh).parallel().forEach(by -> {
            for (int bx = 0; bx < gw; bx++) {
                // integer sums: at most 64 samples of at most 765^2 fit an int
                int sr = 0;
                int sg = 0;
                int sb = 0;
                int s2 = 0;
                int n = 0;
                for (int y = by * span; y < by * span + span; y += step) {
                    int row = y * width;
                    for (int x = bx * span; x < bx * span + span; x += step) {
                        int p = rgb[row + x];
                        int r = (p >> 16) & 0xff;
                        int g = (p >> 8) & 0xff;
                        int b = p & 0xff;
                        sr += r;
                        sg += g;
                        sb += b;
                        int m3 = r + g + b;
                        s2 += m3 * m3;
                        n++;
                    }
                }
                double mr = sr / (double) n;
                double mg = sg / (double) n;
                double mb = sb / (double) n;
                double mean3 = (sr + sg + sb) / (double) n;
                // SD of the brightness (r+g+b)/3
                double sd = Math.sqrt(Math.max(0, s2 / (double) n - mean3 * mean3)) / 3;
                double min = Math.min(mr, Math.min(mg, mb));
                double max = Math.max(mr, Math.max(mg, mb));
                int i = by * gw + bx;
                meanR[i] = (float) mr;
                meanG[i] = (float) mg;
                meanB[i] = (float) mb;
                glass[i] = min >= MIN_CHANNEL && max - min <= MAX_SPREAD && sd <= MAX_SD;
            }
        });
        int[] hist = new int[256];
        int interior = 0;
        boolean[] inner = new boolean[gw * gh];
        for (int by = 1; by < gh - 1; by++) {
            for (int bx = 1; bx < gw - 1; bx++) {
                int i = by * gw + bx;
                if (glass[i] && glass[i - 1] && glass[i + 1] && glass[i - gw] && glass[i + gw]) {
                    inner[i] = true;
                    interior++;
                    hist[(int) ((meanR[i] + meanG[i] + meanB[i]) / 3)]++;
                }
            }
        }
        if (interior < MIN_INTERIOR_BLOCKS || interior < MIN_INTERIOR_FRACTION * gw * gh) {
            return null;
        }
        int mode = 0;
        int best = -1;
        for (int v = 0; v < 256; v++) {
            int s = 0;
            for (int d = -2; d <= 2; d++) {
                if (v + d >= 0 && v + d < 256) {
                    s += hist[v + d];
                }
            }
            if (s > best) {
                best = s;
                mode = v;
            }
        }
        float[] rs = new float[interior];
        float[] gs = new float[interior];
        float[] bs = new float[interior];
        int[] xs = new int[interior];
        int[] ys = new int[interior];
        int k = 0;
        for (int i = 0; i < inner.length; i++) {
            if (inner[i] && Math.abs((meanR[i] + meanG[i] + meanB[i]) / 3 - mode) <= 6) {
                rs[k] = meanR[i];
                gs[k] = meanG[i];
                bs[k] = meanB[i];
                xs[k] = (i % gw) * span;
                ys[k] = (i / gw) * span;
                k++;
            }
        }
        Glass g = new Glass();
        g.r = median(rs, k);
        g.g = median(gs, k);
        g.b = median(bs, k);
        g.blockX = Arrays.copyOf(xs, k);
        g.blockY = Arrays.copyOf(ys, k);
        g.step = step;
        g.span = span;
        return g;
    }

    private static double median(float[] v, int n) {
        float[] c = Arrays.copyOf(v, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2.0;
    }
}
