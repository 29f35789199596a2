package org.ihcblotquant.cells;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import ij.process.ColorProcessor;

import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * Generates brightfield fields of a nuclear marker with known ground truth (Beer–Lambert:
 * {@code I_c = I0_c x 10^-(H h_c + D d_c)} plus Gaussian camera noise), for the accuracy tests and
 * the benchmark of cell detection.
 *
 * <p>What makes the fields hard in the ways real ones are: 0.5 µm per pixel; elliptical nuclei of
 * 6-10 µm with soft edges (the stain falls off over about 1 µm) and chromatin texture; about a
 * quarter of the nuclei overlap a neighbour (pairs whose centres are 0.8-0.9 of the summed radii
 * apart); a patchy cytoplasmic DAB blush up to 0.35 OD around nuclei that must not make them
 * positive; pale counterstained stroma; off-white glass in blobs between the tissue.</p>
 *
 * <p>Truth per nucleus: its pixels are those inside its ellipse; its DAB is the mean true DAB OD over
 * those pixels, its class that mean against the thresholds. Overlapping pixels of a pair belong
 * to the nucleus whose ellipse is deeper there.</p>
 */
public final class SyntheticNuclei {

    /** One true nucleus. */
    public static final class TrueNucleus {
        public final double x;
        public final double y;
        public final int areaPx;
        public final double meanDab;
        /** True when the nucleus overlaps another one (a touching pair). */
        public final boolean touching;

        TrueNucleus(double x, double y, int areaPx, double meanDab, boolean touching) {
            this.x = x;
            this.y = y;
            this.areaPx = areaPx;
            this.meanDab = meanDab;
            this.touching = touching;
        }

        /** 0 negative, 1 weak, 2 moderate, 3 strong by the thresholds (compared with {@code >=}). */
        public int classOf(double weak, double moderate, double strong) {
            return meanDab >= strong ? 3 : meanDab >= moderate ? 2 : meanDab >= weak ? 1 : 0;
        }
    }

    /** A field and its truth. */
    public static final class Field {
        public final ColorProcessor image;
        public final List<TrueNucleus> nuclei;
        /** Owner of each pixel: index into {@link #nuclei}, -1 outside nuclei. */
        public final int[] owner;
        /** True tissue (not glass). */
        public final boolean[] tissue;

        Field(ColorProcessor image, List<TrueNucleus> nuclei, int[] owner, boolean[] tissue) {
            this.image = image;
            this.nuclei = Collections.unmodifiableList(nuclei);
            this.owner = owner;
            this.tissue = tissue;
        }

        /** Percent of true nuclei in each class 0..3. */
        public double[] classPercents(double weak, double moderate, double strong) {
            double[] pct = new double[4];
            for (TrueNucleus n : nuclei) {
                pct[n.classOf(weak, moderate, strong)]++;
            }
            for (int k = 0; k < 4; k++) {
                pct[k] = 100.0 * pct[k] / nuclei.size();
            }
            return pct;
        }

        public double positivePct(double weak, double moderate, double strong) {
            double[] p = classPercents(weak, moderate, strong);
            return p[1] + p[2] + p[3];
        }

        /** Cell H-score of the truth: 1 x weak% + 2 x moderate% + 3 x strong%. */
        public double hScore(double weak, double moderate, double strong) {
            double[] p = classPercents(weak, moderate, strong);
            return p[1] + 2 * p[2] + 3 * p[3];
        }

        public int touchingCount() {
            int n = 0;
            for (TrueNucleus t : nuclei) {
                if (t.touching) {
                    n++;
                }
            }
            return n;
        }
    }

    private int width = 1024;
    private int height = 1024;
    private int[] glass = {236, 232, 238};
    private double noise = 2.0;
    private double touchingFraction = 0.25;
    /** Probability of negative, weak, moderate, strong nuclei. */
    private double[] classWeights = {0.6, 0.15, 0.13, 0.12};
    private double blush = 0.35;
    private StainVectors vectors = StainVectors.builtIn("h-dab");
    private long seed = 1;

    public SyntheticNuclei size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    public SyntheticNuclei glass(int r, int g, int b) {
        this.glass = new int[] {r, g, b};
        return this;
    }

    public SyntheticNuclei noise(double sd) {
        this.noise = sd;
        return this;
    }

    public SyntheticNuclei classWeights(double negative, double weak, double moderate, double strong) {
        this.classWeights = new double[] {negative, weak, moderate, strong};
        return this;
    }

    /** Peak DAB OD of the cytoplasmic blush (0 for none). */
    public SyntheticNuclei blush(double od) {
        this.blush = od;
        return this;
    }

    /** The stains the image is made of (first = counterstain, second = DAB). */
    public SyntheticNuclei vectors(StainVectors v) {
        this.vectors = v;
        return this;
    }

    public SyntheticNuclei seed(long s) {
        this.seed = s;
        return this;
    }

    /** Ellipse of one nucleus as placed, before rasterisation. */
    private static final class Shape {
        double cx;
        double cy;
        double a;
        double b;
        double cos;
        double sin;
        double hema;
        double dab;
        boolean touching;

        /** Normalised elliptical radius: 1 on the outline. */
        double rho(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            double u = (dx * cos + dy * sin) / a;
            double v = (-dx * sin + dy * cos) / b;
            return Math.sqrt(u * u + v * v);
        }
    }

    public Field generate() {
        Random rnd = new Random(seed);
        int n = width * height;
        // glass blobs: about 15 % of the field, from coarse value noise
        boolean[] tissue = new boolean[n];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0; x < width; x++) {
                tissue[y * width + x] = valueNoise(x, y, 150, seed * 31 + 7) > 0.35;
            }
        });
        List<Shape> shapes = placeNuclei(rnd, tissue);
        // rasterise: owner = deepest ellipse, f = soft-edge weight of the owner
        int[] owner = new int[n];
        java.util.Arrays.fill(owner, -1);
        int[] near = new int[n];
        java.util.Arrays.fill(near, -1);
        float[] weight = new float[n];
        final double edge = 2.0; // px over which the stain falls from full to zero (1 µm)
        for (int k = 0; k < shapes.size(); k++) {
            Shape s = shapes.get(k);
            int r = (int) Math.ceil(s.a + edge);
            int x0 = Math.max(0, (int) s.cx - r);
            int x1 = Math.min(width - 1, (int) s.cx + r);
            int y0 = Math.max(0, (int) s.cy - r);
            int y1 = Math.min(height - 1, (int) s.cy + r);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double rho = s.rho(x, y);
                    double f = clamp(0.5 + (1 - rho) * s.b / edge);
                    int i = y * width + x;
                    if (f > weight[i]) {
                        weight[i] = (float) f;
                        near[i] = k;
                        owner[i] = rho <= 1 ? k : -1;
                    }
                }
            }
        }
        float[] hema = new float[n];
        float[] dab = new float[n];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!tissue[i] && weight[i] == 0) {
                    continue;
                }
                // pale counterstained stroma with fibre-scale texture (real stroma is never flat)
                double stroma = 0.04 + 0.05 * valueNoise(x, y, 40, seed * 17 + 3)
                        + 0.04 * valueNoise(x, y, 3, seed * 19 + 11);
                double cyto = blush * clamp((valueNoise(x, y, 60, seed * 13 + 5) - 0.45) / 0.25);
                double f = weight[i];
                int k = near[i];
                double h = stroma;
                double d = cyto * (1 - f);
                if (k >= 0) {
                    Shape s = shapes.get(k);
                    double texture = 0.88 + 0.24 * valueNoise(x, y, 3, seed * 7 + k);
                    h = stroma + (s.hema * texture - stroma) * f;
                    d += s.dab * f * (0.9 + 0.2 * valueNoise(x, y, 4, seed * 3 + k));
                }
                hema[i] = (float) h;
                dab[i] = (float) d;
            }
        });
        // truth per nucleus from the pixels it owns
        double[] sum = new double[shapes.size()];
        int[] area = new int[shapes.size()];
        double[] sx = new double[shapes.size()];
        double[] sy = new double[shapes.size()];
        for (int i = 0; i < n; i++) {
            int k = owner[i];
            if (k >= 0) {
                sum[k] += dab[i];
                area[k]++;
                sx[k] += i % width;
                sy[k] += i / width;
            }
        }
        List<TrueNucleus> truth = new ArrayList<>();
        int[] remap = new int[shapes.size()];
        for (int k = 0; k < shapes.size(); k++) {
            if (area[k] == 0) {
                remap[k] = -1;
                continue;
            }
            remap[k] = truth.size();
            truth.add(new TrueNucleus(sx[k] / area[k], sy[k] / area[k], area[k], sum[k] / area[k],
                    shapes.get(k).touching));
        }
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0) {
                owner[i] = remap[owner[i]];
            }
        }
        return new Field(render(hema, dab), truth, owner, tissue);
    }

    private List<Shape> placeNuclei(Random rnd, boolean[] tissue) {
        // units on a jittered 40 px grid; a unit is one nucleus or, with probability p, a touching
        // pair: 2p / (1 + p) = touching fraction
        double p = touchingFraction / (2 - touchingFraction);
        int spacing = 40;
        List<Shape> shapes = new ArrayList<>();
        for (int gy = spacing / 2; gy < height - spacing / 2; gy += spacing) {
            for (int gx = spacing / 2; gx < width - spacing / 2; gx += spacing) {
                double ux = gx + (rnd.nextDouble() - 0.5) * 4;
                double uy = gy + (rnd.nextDouble() - 0.5) * 4;
                boolean pair = rnd.nextDouble() < p;
                double angle = rnd.nextDouble() * Math.PI;
                Shape first = nucleus(rnd, ux, uy, pair ? 7.5 : 10);
                if (!tissue[(int) uy * width + (int) ux] || rnd.nextDouble() < 0.1) {
                    continue;
                }
                if (!pair) {
                    shapes.add(first);
                    continue;
                }
                Shape second = nucleus(rnd, ux, uy, 7.5);
                // centres along the line through the unit centre, overlapping by 10-20 % of the radii
                double ra = radiusAlong(first, angle);
                double rb = radiusAlong(second, angle + Math.PI);
                double d = (ra + rb) * (0.8 + 0.1 * rnd.nextDouble());
                first.cx = ux - Math.cos(angle) * d * rb / (ra + rb);
                first.cy = uy - Math.sin(angle) * d * rb / (ra + rb);
                second.cx = ux + Math.cos(angle) * d * ra / (ra + rb);
                second.cy = uy + Math.sin(angle) * d * ra / (ra + rb);
                first.touching = true;
                second.touching = true;
                shapes.add(first);
                shapes.add(second);
            }
        }
        return shapes;
    }

    private Shape nucleus(Random rnd, double cx, double cy, double maxA) {
        Shape s = new Shape();
        s.cx = cx;
        s.cy = cy;
        s.a = 6 + (maxA - 6) * rnd.nextDouble();
        s.b = s.a * (0.7 + 0.3 * rnd.nextDouble());
        double t = rnd.nextDouble() * Math.PI;
        s.cos = Math.cos(t);
        s.sin = Math.sin(t);
        s.hema = 0.45 + 0.35 * rnd.nextDouble();
        double u = rnd.nextDouble() * (classWeights[0] + classWeights[1] + classWeights[2] + classWeights[3]);
        // true DAB amounts keep a small distance from the 0.2/0.4/0.6 bounds after the soft edge
        if ((u -= classWeights[0]) < 0) {
            s.dab = 0.12 * rnd.nextDouble();
        } else if ((u -= classWeights[1]) < 0) {
            s.dab = 0.26 + 0.14 * rnd.nextDouble();
        } else if ((u -= classWeights[2]) < 0) {
            s.dab = 0.48 + 0.14 * rnd.nextDouble();
        } else {
            s.dab = 0.70 + 0.40 * rnd.nextDouble();
        }
        return s;
    }

    /** Distance from the centre to the outline along a direction. */
    private static double radiusAlong(Shape s, double angle) {
        double c = Math.cos(angle);
        double si = Math.sin(angle);
        double u = (c * s.cos + si * s.sin) / s.a;
        double v = (-c * s.sin + si * s.cos) / s.b;
        return 1 / Math.sqrt(u * u + v * v);
    }

    private ColorProcessor render(float[] hema, float[] dab) {
        StainMatrix m = StainMatrix.of(vectors, ThirdStainRule.CROSS_PRODUCT);
        double[] h = unit(m.stains().get(0).vector());
        double[] d = unit(m.stains().get(1).vector());
        int[] px = new int[width * height];
        final double ln10 = Math.log(10);
        IntStream.range(0, height).parallel().forEach(y -> {
            Random rnd = new Random(seed * 1_000_003L + y);
            for (int i = y * width; i < (y + 1) * width; i++) {
                int packed = 0;
                for (int c = 0; c < 3; c++) {
                    double od = hema[i] * h[c] + dab[i] * d[c];
                    double v = glass[c] * Math.exp(-od * ln10) + noise * rnd.nextGaussian();
                    int q = (int) Math.round(v);
                    q = Math.max(0, Math.min(255, q));
                    packed |= q << (16 - 8 * c);
                }
                px[i] = packed;
            }
        });
        return new ColorProcessor(width, height, px);
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    /** Smooth value noise in 0..1 with features about {@code scale} pixels across. */
    static double valueNoise(int x, int y, int scale, long salt) {
        double fx = x / (double) scale;
        double fy = y / (double) scale;
        int ix = (int) Math.floor(fx);
        int iy = (int) Math.floor(fy);
        double tx = smooth(fx - ix);
        double ty = smooth(fy - iy);
        double a = hash(ix, iy, salt);
        double b = hash(ix + 1, iy, salt);
        double c = hash(ix, iy + 1, salt);
        double d = hash(ix + 1, iy + 1, salt);
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double hash(int x, int y, long salt) {
        long h = salt * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }
}
