package org.ihcblotquant.cells;

import org.ihcblotquant.ihc.TissueThreshold;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.GlassSurvey;
import org.ihcblotquant.stain.OpticalDensity;
import org.ihcblotquant.stain.StainMatrix;

/**
 * What cell detection decides for one image before it segments: the background (I0), the tissue
 * threshold on total OD, and the hematoxylin OD above which (after smoothing) a pixel is nucleus.
 * The automatic nucleus threshold is Otsu's (1979) between-class-variance maximum over the
 * hematoxylin OD of tissue pixels, kept at or above {@link #MIN_NUCLEUS_OD} so that a field of
 * pale stroma without nuclei does not yield nuclei.
 */
public final class CellCalibration {
    /** Lowest automatic nucleus threshold (hematoxylin OD). */
    public static final double MIN_NUCLEUS_OD = 0.1;
    private static final double HIST_MAX = 2.0;
    private static final int BINS = 1000;

    public final Background background;
    public final double tissueOd;
    /** Hematoxylin OD threshold; NaN when the image has no tissue. */
    public final double nucleusOd;

    CellCalibration(Background background, double tissueOd, double nucleusOd) {
        this.background = background;
        this.tissueOd = tissueOd;
        this.nucleusOd = nucleusOd;
    }

    /**
     * @param forced background to use instead of the image's own (one per slide), or null
     * @param mask   null, or non-zero where pixels are analysed
     */
    public static CellCalibration of(int[] rgb, int width, int height, byte[] mask, CellSettings s,
            Background forced) {
        GlassSurvey survey = BackgroundEstimator.survey(rgb, width, height);
        Background bg = forced != null ? forced : s.stain().background().resolve(survey);
        double tissue = s.stain().autoTissue() ? TissueThreshold.auto(survey, bg) : s.stain().tissueOd();
        double nucleus = s.autoNucleusOd() ? otsu(rgb, mask, s, bg, tissue) : s.nucleusOd();
        return new CellCalibration(bg, tissue, nucleus);
    }

    /** Otsu threshold of hematoxylin OD over tissue pixels (about two million samples at most). */
    private static double otsu(int[] rgb, byte[] mask, CellSettings s, Background bg, double tissueOd) {
        OdTables t = new OdTables(s.stain().matrix(), bg, s.stain().vectors().counterstainIndex(),
                s.stain().vectors().chromogenIndex());
        int stride = Math.max(1, rgb.length / 2_000_000);
        long[] hist = new long[BINS];
        long n = 0;
        for (int i = 0; i < rgb.length; i += stride) {
            if (mask != null && mask[i] == 0) {
                continue;
            }
            int p = rgb[i];
            if (t.total(p) < tissueOd) {
                continue;
            }
            double h = t.hema(p);
            int b = (int) (h / HIST_MAX * BINS);
            hist[b < 0 ? 0 : b >= BINS ? BINS - 1 : b]++;
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double sumAll = 0;
        for (int b = 0; b < BINS; b++) {
            sumAll += b * (double) hist[b];
        }
        double best = -1;
        int bestBin = 0;
        long w0 = 0;
        double sum0 = 0;
        for (int b = 0; b < BINS - 1; b++) {
            w0 += hist[b];
            sum0 += b * (double) hist[b];
            long w1 = n - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double m0 = sum0 / w0;
            double m1 = (sumAll - sum0) / w1;
            double between = (double) w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        double thr = (bestBin + 1) * HIST_MAX / BINS;
        return Math.max(MIN_NUCLEUS_OD, thr);
    }

    /** Per-channel lookup tables for the hematoxylin, DAB and total OD of a packed RGB pixel. */
    static final class OdTables {
        final float[] hR = new float[256];
        final float[] hG = new float[256];
        final float[] hB = new float[256];
        final float[] dR = new float[256];
        final float[] dG = new float[256];
        final float[] dB = new float[256];
        final float[] tR = new float[256];
        final float[] tG = new float[256];
        final float[] tB = new float[256];

        OdTables(StainMatrix m, Background bg, int hemaIndex, int dabIndex) {
            float[][] h = {hR, hG, hB};
            float[][] d = {dR, dG, dB};
            float[][] t = {tR, tG, tB};
            for (int c = 0; c < 3; c++) {
                double[] od = OpticalDensity.table(bg.channel(c));
                for (int v = 0; v < 256; v++) {
                    h[c][v] = (float) (od[v] * m.coefficient(c, hemaIndex));
                    d[c][v] = (float) (od[v] * m.coefficient(c, dabIndex));
                    t[c][v] = (float) od[v];
                }
            }
        }

        float hema(int p) {
            return hR[(p >> 16) & 0xff] + hG[(p >> 8) & 0xff] + hB[p & 0xff];
        }

        float dab(int p) {
            return dR[(p >> 16) & 0xff] + dG[(p >> 8) & 0xff] + dB[p & 0xff];
        }

        float total(int p) {
            return tR[(p >> 16) & 0xff] + tG[(p >> 8) & 0xff] + tB[p & 0xff];
        }
    }
}
