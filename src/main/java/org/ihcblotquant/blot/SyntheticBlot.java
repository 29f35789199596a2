package org.ihcblotquant.blot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Synthetic membrane images with known band volumes, for tests and benchmarks. Bands are
 * Gaussian down the lane and flat with soft edges across it, on a sloped background with Gaussian
 * noise; rows may "smile" (bend down towards the edges) and the whole blot may be tilted.
 * <p>
 * The ground truth is the sum of each band's rendered contribution in signal-up units (before
 * noise, rounding and clipping), so it is exactly what a perfect measurement of that band would
 * find; relative values follow from it.
 */
public final class SyntheticBlot {

    /** Detector and polarity of the simulated scan. */
    public enum Mode {
        /** 8-bit, dark bands on light film: pixel = 255 - signal. */
        FILM_8BIT,
        /** 16-bit, light bands on dark (fluorescence): pixel = signal. */
        FLUORESCENCE_16BIT
    }

    /** One protein across the lanes. */
    public static final class Row {
        final String name;
        final double y;
        final double[] sigmaY;
        final double[] volumes;

        /**
         * @param y       band centre (pixels from the top, at the blot's middle column)
         * @param sigmaY  Gaussian SD down the lane
         * @param volumes intended volume per lane (signal-up units x pixels); 0 = no band
         */
        public Row(String name, double y, double sigmaY, double[] volumes) {
            this(name, y, filled(volumes.length, sigmaY), volumes);
        }

        /** @param sigmaY Gaussian SD down the lane, per lane (overloaded bands are thicker) */
        public Row(String name, double y, double[] sigmaY, double[] volumes) {
            this.name = name;
            this.y = y;
            this.sigmaY = sigmaY.clone();
            this.volumes = volumes.clone();
        }

        private static double[] filled(int n, double v) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, v);
            return a;
        }
    }

    private int width = 480;
    private int height = 300;
    private Mode mode = Mode.FILM_8BIT;
    private double[] laneCentres;
    private double bandHalfWidth = 16;
    private double edgeSoftness = 1.5;
    private double background = 40;
    private double slopeX = 0.02;
    private double slopeY = 0.03;
    private double noise = 2;
    private double smile;
    private double tiltDegrees;
    private long seed = 1;
    private final List<Row> rows = new ArrayList<>();

    public SyntheticBlot size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    public SyntheticBlot mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** Lane centres in pixels (unequal spacing allowed). */
    public SyntheticBlot laneCentres(double... x) {
        this.laneCentres = x.clone();
        return this;
    }

    /** n lanes equally spaced with the given margin on both sides. */
    public SyntheticBlot equalLanes(int n, double margin) {
        double[] c = new double[n];
        double step = (width - 2 * margin) / n;
        for (int i = 0; i < n; i++) {
            c[i] = margin + (i + 0.5) * step;
        }
        return laneCentres(c);
    }

    /** Half-width of the flat part of a band across the lane, and the softness of its edges. */
    public SyntheticBlot bandShape(double halfWidth, double softness) {
        this.bandHalfWidth = halfWidth;
        this.edgeSoftness = softness;
        return this;
    }

    /** Background (signal-up) = level + sx * x + sy * y, plus Gaussian noise of SD {@code noiseSd}. */
    public SyntheticBlot background(double level, double sx, double sy, double noiseSd) {
        this.background = level;
        this.slopeX = sx;
        this.slopeY = sy;
        this.noise = noiseSd;
        return this;
    }

    /** Rows sag by this many pixels at the outermost lanes relative to the middle (a parabola). */
    public SyntheticBlot smile(double pixels) {
        this.smile = pixels;
        return this;
    }

    /** Rotates the whole blot (lanes and bands, not the background) by this angle. */
    public SyntheticBlot tilt(double degrees) {
        this.tiltDegrees = degrees;
        return this;
    }

    public SyntheticBlot seed(long s) {
        this.seed = s;
        return this;
    }

    public SyntheticBlot row(String name, double y, double sigmaY, double... volumes) {
        rows.add(new Row(name, y, sigmaY, volumes));
        return this;
    }

    /** A row whose bands have their own thickness (Gaussian SD down the lane) per lane. */
    public SyntheticBlot row(String name, double y, double[] sigmaY, double[] volumes) {
        rows.add(new Row(name, y, sigmaY, volumes));
        return this;
    }

    /** The rendered image and the true volume of every band. */
    public static final class Blot {
        public final ImageProcessor image;
        /** [row][lane] true band volume in signal-up units. */
        public final double[][] volumes;
        public final List<String> rowNames;
        public final double[] laneCentres;

        Blot(ImageProcessor image, double[][] volumes, List<String> rowNames, double[] laneCentres) {
            this.image = image;
            this.volumes = volumes;
            this.rowNames = rowNames;
            this.laneCentres = laneCentres;
        }

        /** True (target / control) / (target / control in the reference lane), reference 1-based. */
        public double relative(int targetRow, int controlRow, int lane, int referenceLane) {
            double n = volumes[targetRow][lane - 1] / volumes[controlRow][lane - 1];
            double r = volumes[targetRow][referenceLane - 1] / volumes[controlRow][referenceLane - 1];
            return n / r;
        }
    }

    public Blot render() {
        int nl = laneCentres.length;
        double[] sig = new double[width * height];
        double[][] truth = new double[rows.size()][nl];
        double cx = width / 2.0;
        double cy = height / 2.0;
        double half = Math.max(1, (laneCentres[nl - 1] - laneCentres[0]) / 2);
        double mid = (laneCentres[0] + laneCentres[nl - 1]) / 2;
        double cos = Math.cos(Math.toRadians(tiltDegrees));
        double sin = Math.sin(Math.toRadians(tiltDegrees));
        // horizontal profile area (numerically) and Gaussian area for the amplitude
        double hArea = 0;
        for (double t = -bandHalfWidth - 20 * edgeSoftness; t <= bandHalfWidth + 20 * edgeSoftness; t += 0.01) {
            hArea += across(t) * 0.01;
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int k = 0; k < nl; k++) {
                double vol = row.volumes[k];
                if (vol <= 0) {
                    continue;
                }
                double sy = row.sigmaY[k];
                int ylo = (int) Math.max(0, Math.floor(row.y - 6 * sy - Math.abs(smile) - 2 - width * Math.abs(sin)));
                int yhi = (int) Math.min(height - 1, Math.ceil(row.y + 6 * sy + Math.abs(smile) + 2
                        + width * Math.abs(sin)));
                double amp = vol / (hArea * sy * Math.sqrt(2 * Math.PI));
                double sag = smile * Math.pow((laneCentres[k] - mid) / half, 2);
                int xlo = (int) Math.max(0, Math.floor(laneCentres[k] - bandHalfWidth - 12 * edgeSoftness - height * Math.abs(sin)));
                int xhi = (int) Math.min(width - 1, Math.ceil(laneCentres[k] + bandHalfWidth + 12 * edgeSoftness
                        + height * Math.abs(sin)));
                double sum = 0;
                for (int y = ylo; y <= yhi; y++) {
                    for (int x = xlo; x <= xhi; x++) {
                        // coordinates in the unrotated blot
                        double u = cx + (x - cx) * cos + (y - cy) * sin;
                        double v = cy - (x - cx) * sin + (y - cy) * cos;
                        double dv = (v - row.y - sag) / sy;
                        double val = amp * across(u - laneCentres[k]) * Math.exp(-0.5 * dv * dv);
                        sig[y * width + x] += val;
                        sum += val;
                    }
                }
                truth[r][k] = sum;
            }
        }
        Random rnd = new Random(seed);
        ImageProcessor ip;
        if (mode == Mode.FILM_8BIT) {
            byte[] px = new byte[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    double s = sig[i] + background + slopeX * x + slopeY * y + noise * rnd.nextGaussian();
                    long raw = Math.round(255 - s);
                    px[i] = (byte) Math.max(0, Math.min(255, raw));
                }
            }
            ip = new ByteProcessor(width, height, px);
        } else {
            short[] px = new short[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    double s = sig[i] + background + slopeX * x + slopeY * y + noise * rnd.nextGaussian();
                    px[i] = (short) Math.max(0, Math.min(65535, Math.round(s)));
                }
            }
            ip = new ShortProcessor(width, height, px, null);
        }
        List<String> names = new ArrayList<>();
        for (Row r : rows) {
            names.add(r.name);
        }
        return new Blot(ip, truth, names, laneCentres.clone());
    }

    /** Flat top with logistic edges. */
    private double across(double t) {
        return 1.0 / (1.0 + Math.exp((Math.abs(t) - bandHalfWidth) / edgeSoftness));
    }
}
