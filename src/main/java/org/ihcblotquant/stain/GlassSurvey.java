package org.ihcblotquant.stain;

/**
 * The glass found in an image by {@link BackgroundEstimator}: its colour and where it is
 * (interior blocks of 8x8 samples), so that tissue detection can learn how much optical density glass
 * itself shows under a chosen background (noise, or a grey cast when I0 is fixed at 255).
 */
public final class GlassSurvey {
    private final int[] rgb;
    private final int width;
    private final boolean found;
    private final double r;
    private final double g;
    private final double b;
    private final int[] blockX;
    private final int[] blockY;
    private final int step;
    private final int span;

    GlassSurvey(int[] rgb, int width, double r, double g, double b, int[] blockX, int[] blockY, int step, int span) {
        this.rgb = rgb;
        this.width = width;
        this.found = true;
        this.r = r;
        this.g = g;
        this.b = b;
        this.blockX = blockX;
        this.blockY = blockY;
        this.step = step;
        this.span = span;
    }

    private GlassSurvey(int[] rgb, int width) {
        this.rgb = rgb;
        this.width = width;
        this.found = false;
        this.r = 255;
        this.g = 255;
        this.b = 255;
        this.blockX = new int[0];
        this.blockY = new int[0];
        this.step = 1;
        this.span = BackgroundEstimator.BLOCK;
    }

    static GlassSurvey none(int[] rgb, int width) {
        return new GlassSurvey(rgb, width);
    }

    /** True when the image shows glass. */
    public boolean found() {
        return found;
    }

    /** Interior glass blocks the colour was taken from (0 without glass): the weight of this field's glass. */
    public int glassBlocks() {
        return blockX.length;
    }

    /** Glass colour as background, or 255 marked as the no-glass fallback. */
    public Background background() {
        return found ? new Background(r, g, b, Background.Source.GLASS)
                : new Background(255, 255, 255, Background.Source.NO_GLASS_FALLBACK);
    }

    /**
     * Quantiles of the total OD (sum over channels) of glass pixels under {@code background}:
     * {@code [median, q995]} to 0.0005 OD, from at most ~50 000 pixels (a histogram, no sort);
     * null when no glass was found.
     */
    public double[] totalOdQuantiles(Background background) {
        if (!found) {
            return null;
        }
        final double bin = 0.0005;
        double[] tr = OpticalDensity.table(background.r());
        double[] tg = OpticalDensity.table(background.g());
        double[] tb = OpticalDensity.table(background.b());
        int[] hist = new int[(int) (3 * Math.log10(255) / bin) + 2];
        int per = (span / step) * (span / step);
        int stride = Math.max(1, (int) ((long) blockX.length * per / 50_000L));
        long n = 0;
        for (int k = 0; k < blockX.length; k += stride) {
            for (int y = blockY[k]; y < blockY[k] + span; y += step) {
                for (int x = blockX[k]; x < blockX[k] + span; x += step) {
                    int p = rgb[y * width + x];
                    double od = tr[(p >> 16) & 0xff] + tg[(p >> 8) & 0xff] + tb[p & 0xff];
                    hist[Math.min(hist.length - 1, (int) (od / bin))]++;
                    n++;
                }
            }
        }
        return new double[] {quantile(hist, n, 0.5, bin), quantile(hist, n, 0.995, bin)};
    }

    /** Centre of the histogram bin holding the q-quantile. */
    private static double quantile(int[] hist, long n, double q, double bin) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= rank) {
                return (i + 0.5) * bin;
            }
        }
        return (hist.length - 0.5) * bin;
    }
}
