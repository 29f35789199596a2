package org.ihcblotquant.stain;

import java.util.Arrays;
import java.util.Locale;

import org.ihcblotquant.core.InputException;

/**
 * Estimates the two stain vectors of a brightfield image (counterstain and chromogen) from its
 * pixels, after Macenko et al. 2009 ("A method for normalizing histology slides for quantitative
 * analysis", ISBI): optical densities of the pixels whose every channel OD reaches a floor (so glass
 * and pale areas do not vote), the plane of the two main directions of the OD cloud (eigenvectors of
 * its covariance), the angle of every pixel in that plane, and the directions at robust extreme
 * angles (the 1st and 99th percentiles) as the two stains. The counterstain (hematoxylin) is the one
 * with the larger red component, as in Macenko's H&amp;E rule, which also holds for H-DAB.
 *
 * <p>Images are added one by one, so that one estimate can cover a slide or a batch; each image
 * contributes at most about {@value #MAX_SAMPLES_PER_IMAGE} pixels (an even grid).</p>
 */
public final class StainVectorEstimator {
    /** Per-channel OD every used pixel must reach (Macenko's beta). */
    public static final double DEFAULT_OD_FLOOR = 0.15;
    /** Fewer stained pixels than this in all added images: no estimate. */
    public static final int MIN_PIXELS = 2000;
    /** Closer than this (degrees), the two directions are one stain: no estimate. */
    public static final double MIN_SEPARATION_DEG = 8;
    static final int MAX_SAMPLES_PER_IMAGE = 500_000;
    private static final double PERCENTILE = 1.0;

    private final double odFloor;
    private float[] samples = new float[3 * 4096];
    private int count;
    private long stainedPixels;
    private long examinedPixels;

    public StainVectorEstimator() {
        this(DEFAULT_OD_FLOOR);
    }

    public StainVectorEstimator(double odFloor) {
        this.odFloor = odFloor;
    }

    /** The estimate: the two vectors (unit length, counterstain first) and how they were found. */
    public static final class Estimate {
        public final double[] counterstain;
        public final double[] chromogen;
        public final long pixelsUsed;
        public final long pixelsExamined;
        /** Angle between the two vectors, degrees. */
        public final double separationDeg;

        Estimate(double[] counterstain, double[] chromogen, long used, long examined, double sep) {
            this.counterstain = counterstain;
            this.chromogen = chromogen;
            this.pixelsUsed = used;
            this.pixelsExamined = examined;
            this.separationDeg = sep;
        }

        /** As {@link StainVectors}, with the given stain names. */
        public StainVectors vectors(String counterName, String chromogenName) {
            return StainVectors.parse(spec(counterName, chromogenName));
        }

        /** In the {@code --vectors} syntax, e.g. {@code Hematoxylin:0.6500,0.7040,0.2860;DAB:...}. */
        public String spec(String counterName, String chromogenName) {
            return counterName + ":" + fmt(counterstain) + ";" + chromogenName + ":" + fmt(chromogen);
        }

        private static String fmt(double[] v) {
            return String.format(Locale.ROOT, "%.4f,%.4f,%.4f", v[0], v[1], v[2]);
        }
    }

    /**
     * Adds the stained pixels of one image.
     *
     * @param mask       null, or non-zero where pixels count
     * @param background I0 per channel (glass)
     */
    public void add(int[] rgb, int width, int height, byte[] mask, Background background) {
        double[] tr = OpticalDensity.table(background.r());
        double[] tg = OpticalDensity.table(background.g());
        double[] tb = OpticalDensity.table(background.b());
        long n = (long) width * height;
        int step = (int) Math.max(1, Math.ceil(Math.sqrt(n / (double) MAX_SAMPLES_PER_IMAGE)));
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                int i = y * width + x;
                if (mask != null && mask[i] == 0) {
                    continue;
                }
                examinedPixels++;
                int p = rgb[i];
                double r = tr[(p >> 16) & 0xff];
                double g = tg[(p >> 8) & 0xff];
                double b = tb[p & 0xff];
                if (r < odFloor || g < odFloor || b < odFloor) {
                    continue;
                }
                stainedPixels++;
                if (3 * count + 3 > samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                }
                samples[3 * count] = (float) r;
                samples[3 * count + 1] = (float) g;
                samples[3 * count + 2] = (float) b;
                count++;
            }
        }
    }

    /**
     * @throws InputException when too few pixels are stained or only one stain direction is found
     */
    public Estimate estimate() {
        if (count < MIN_PIXELS) {
            throw new InputException(String.format(Locale.ROOT,
                    "too little stain to estimate stain vectors: %d of %d sampled pixels have every channel OD >= %.2f "
                    + "(need %d); use built-in or given vectors", count, examinedPixels, odFloor, MIN_PIXELS));
        }
        double[] mean = new double[3];
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += samples[3 * k + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= count;
        }
        double[][] cov = new double[3][3];
        for (int k = 0; k < count; k++) {
            double[] d = {samples[3 * k] - mean[0], samples[3 * k + 1] - mean[1], samples[3 * k + 2] - mean[2]};
            for (int a = 0; a < 3; a++) {
                for (int b = a; b < 3; b++) {
                    cov[a][b] += d[a] * d[b];
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[][] eig = SymmetricEigen3.vectors(cov);
        double[] e1 = positive(eig[0]);
        double[] e2 = eig[1];
        double[] angles = new double[count];
        for (int k = 0; k < count; k++) {
            double p1 = samples[3 * k] * e1[0] + samples[3 * k + 1] * e1[1] + samples[3 * k + 2] * e1[2];
            double p2 = samples[3 * k] * e2[0] + samples[3 * k + 1] * e2[1] + samples[3 * k + 2] * e2[2];
            angles[k] = Math.atan2(p2, p1);
        }
        Arrays.sort(angles);
        double lo = angles[(int) Math.floor(PERCENTILE / 100 * (count - 1))];
        double hi = angles[(int) Math.ceil((100 - PERCENTILE) / 100 * (count - 1))];
        double[] v1 = positive(unit(combine(e1, e2, lo)));
        double[] v2 = positive(unit(combine(e1, e2, hi)));
        double sep = Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot(v1, v2)))));
        if (sep < MIN_SEPARATION_DEG) {
            throw new InputException(String.format(Locale.ROOT,
                    "only one stain colour found (the two extreme directions are %.1f° apart); the image needs "
                    + "both counterstained and chromogen-stained areas to estimate vectors", sep));
        }
        boolean firstIsCounter = v1[0] >= v2[0];
        return new Estimate(firstIsCounter ? v1 : v2, firstIsCounter ? v2 : v1, count, examinedPixels, sep);
    }

    /** Pixels that passed the OD floor so far. */
    public long stainedPixels() {
        return stainedPixels;
    }

    /** Angle between two directions in degrees (sign ignored). */
    public static double angleDeg(double[] a, double[] b) {
        double[] ua = unit(a);
        double[] ub = unit(b);
        return Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot(ua, ub)))));
    }

    private static double[] combine(double[] e1, double[] e2, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {e1[0] * c + e2[0] * s, e1[1] * c + e2[1] * s, e1[2] * c + e2[2] * s};
    }

    private static double[] positive(double[] v) {
        return v[0] + v[1] + v[2] < 0 ? new double[] {-v[0], -v[1], -v[2]} : v;
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(dot(v, v));
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** Eigenvectors of a symmetric 3x3 matrix by Jacobi rotations, sorted by decreasing eigenvalue. */
    static final class SymmetricEigen3 {
        private SymmetricEigen3() {
        }

        static double[][] vectors(double[][] m) {
            double[][] a = {m[0].clone(), m[1].clone(), m[2].clone()};
            double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            for (int sweep = 0; sweep < 50; sweep++) {
                double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
                if (off < 1e-30) {
                    break;
                }
                for (int p = 0; p < 2; p++) {
                    for (int q = p + 1; q < 3; q++) {
                        if (Math.abs(a[p][q]) < 1e-300) {
                            continue;
                        }
                        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double c = 1 / Math.sqrt(t * t + 1);
                        double s = t * c;
                        for (int k = 0; k < 3; k++) {
                            double akp = a[k][p];
                            double akq = a[k][q];
                            a[k][p] = c * akp - s * akq;
                            a[k][q] = s * akp + c * akq;
                        }
                        for (int k = 0; k < 3; k++) {
                            double apk = a[p][k];
                            double aqk = a[q][k];
                            a[p][k] = c * apk - s * aqk;
                            a[q][k] = s * apk + c * aqk;
                        }
                        for (int k = 0; k < 3; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
            Integer[] order = {0, 1, 2};
            final double[] ev = {a[0][0], a[1][1], a[2][2]};
            Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
            double[][] out = new double[3][];
            for (int i = 0; i < 3; i++) {
                int col = order[i];
                out[i] = new double[] {v[0][col], v[1][col], v[2][col]};
            }
            return out;
        }
    }
}
