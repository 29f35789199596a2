package org.ihcblotquant.ihc;

import java.util.Random;

import ij.process.ColorProcessor;

import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * Generates brightfield H-DAB images by the Beer–Lambert law with known ground truth, for tests,
 * benchmarks and the bundled example data: glass of a chosen (off-white) colour, tissue as
 * overlapping ellipses stained with hematoxylin, "cells" carrying chosen DAB amounts, and
 * Gaussian camera noise. {@code I_c = I0_c x 10^-(H x h_c + D x d_c)}, rounded and clipped to 0..255.
 */
public final class SyntheticIhc {

    /** An image with the stain amounts that made it. */
    public static final class Sample {
        public final ColorProcessor image;
        /** True DAB OD per pixel (0 on glass). */
        public final float[] dab;
        /** True hematoxylin OD per pixel (0 on glass). */
        public final float[] hema;
        /** True tissue mask. */
        public final boolean[] tissue;

        Sample(ColorProcessor image, float[] dab, float[] hema, boolean[] tissue) {
            this.image = image;
            this.dab = dab;
            this.hema = hema;
            this.tissue = tissue;
        }

        public long tissuePixels() {
            long n = 0;
            for (boolean b : tissue) {
                if (b) {
                    n++;
                }
            }
            return n;
        }

        public double tissueFraction() {
            return tissuePixels() / (double) tissue.length;
        }

        /** Mean true DAB over true tissue. */
        public double meanDab() {
            double s = 0;
            long n = 0;
            for (int i = 0; i < dab.length; i++) {
                if (tissue[i]) {
                    s += dab[i];
                    n++;
                }
            }
            return s / n;
        }

        /** True H-score from the true DAB per tissue pixel against thresholds (>=). */
        public double hScore(double weak, double moderate, double strong) {
            long[] c = new long[4];
            for (int i = 0; i < dab.length; i++) {
                if (tissue[i]) {
                    double d = dab[i];
                    c[d >= strong ? 3 : d >= moderate ? 2 : d >= weak ? 1 : 0]++;
                }
            }
            long n = c[0] + c[1] + c[2] + c[3];
            return 100.0 * (c[1] + 2 * c[2] + 3 * c[3]) / n;
        }
    }

    private int width = 512;
    private int height = 384;
    private int[] glass = {240, 236, 238};
    private double noise = 2.0;
    private double tissueCover = 0.6;
    private double[] dabLevels = {0.0, 0.3, 0.5, 0.8};
    private double[] dabWeights = {0.4, 0.25, 0.2, 0.15};
    private double hemaBase = 0.25;
    private long seed = 1;

    public SyntheticIhc size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    public SyntheticIhc glass(int r, int g, int b) {
        this.glass = new int[] {r, g, b};
        return this;
    }

    public SyntheticIhc noise(double sd) {
        this.noise = sd;
        return this;
    }

    /** Approximate fraction of the field covered by tissue (0 gives an empty slide, 1 no glass). */
    public SyntheticIhc tissueCover(double f) {
        this.tissueCover = f;
        return this;
    }

    /** DAB amounts of the cells and the share of cells at each. */
    public SyntheticIhc dab(double[] levels, double[] weights) {
        this.dabLevels = levels.clone();
        this.dabWeights = weights.clone();
        return this;
    }

    public SyntheticIhc hematoxylin(double base) {
        this.hemaBase = base;
        return this;
    }

    public SyntheticIhc seed(long s) {
        this.seed = s;
        return this;
    }

    public Sample generate() {
        Random rnd = new Random(seed);
        int n = width * height;
        boolean[] tissue = new boolean[n];
        if (tissueCover >= 0.999) {
            java.util.Arrays.fill(tissue, true);
        } else if (tissueCover > 0) {
            // add ellipses until the cover is reached
            long covered = 0;
            int guard = 0;
            while (covered < tissueCover * n && guard++ < 10000) {
                double cx = rnd.nextDouble() * width;
                double cy = rnd.nextDouble() * height;
                double rx = (0.08 + 0.12 * rnd.nextDouble()) * width;
                double ry = (0.08 + 0.12 * rnd.nextDouble()) * height;
                int x0 = Math.max(0, (int) (cx - rx));
                int x1 = Math.min(width - 1, (int) (cx + rx));
                int y0 = Math.max(0, (int) (cy - ry));
                int y1 = Math.min(height - 1, (int) (cy + ry));
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double dx = (x - cx) / rx;
                        double dy = (y - cy) / ry;
                        int i = y * width + x;
                        if (dx * dx + dy * dy <= 1 && !tissue[i]) {
                            tissue[i] = true;
                            covered++;
                        }
                    }
                }
            }
        }
        float[] hema = new float[n];
        float[] dab = new float[n];
        // cells: a grid of jittered discs, each with one DAB level; hematoxylin texture in between
        int cell = Math.max(6, Math.min(width, height) / 24);
        for (int gy = 0; gy < height; gy += cell) {
            for (int gx = 0; gx < width; gx += cell) {
                double level = pick(rnd);
                double cx = gx + cell * (0.3 + 0.4 * rnd.nextDouble());
                double cy = gy + cell * (0.3 + 0.4 * rnd.nextDouble());
                double r = cell * (0.35 + 0.1 * rnd.nextDouble());
                for (int y = gy; y < Math.min(height, gy + cell); y++) {
                    for (int x = gx; x < Math.min(width, gx + cell); x++) {
                        int i = y * width + x;
                        if (!tissue[i]) {
                            continue;
                        }
                        double dx = x - cx;
                        double dy = y - cy;
                        boolean inCell = dx * dx + dy * dy <= r * r;
                        hema[i] = (float) (hemaBase + (inCell ? 0.0 : 0.15) + 0.1 * Math.sin(x * 0.31) * Math.cos(y * 0.23));
                        dab[i] = inCell ? (float) level : 0f;
                    }
                }
            }
        }
        StainMatrix m = StainMatrix.of(StainVectors.builtIn("h-dab"), ThirdStainRule.CROSS_PRODUCT);
        double[] h = m.stains().get(0).vector();
        double[] d = m.stains().get(1).vector();
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            int packed = 0;
            for (int c = 0; c < 3; c++) {
                double od = hema[i] * h[c] + dab[i] * d[c];
                double v = glass[c] * Math.pow(10, -od) + noise * rnd.nextGaussian();
                int q = (int) Math.round(v);
                q = Math.max(0, Math.min(255, q));
                packed |= q << (16 - 8 * c);
            }
            px[i] = packed;
        }
        return new Sample(new ColorProcessor(width, height, px), dab, hema, tissue);
    }

    private double pick(Random rnd) {
        double total = 0;
        for (double w : dabWeights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int k = 0; k < dabLevels.length; k++) {
            u -= dabWeights[k];
            if (u <= 0) {
                return dabLevels[k];
            }
        }
        return dabLevels[dabLevels.length - 1];
    }
}
