package org.ihcblotquant.stain;

import java.util.stream.IntStream;

import ij.process.FloatProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;

/**
 * Colour deconvolution into 32-bit optical-density (absorbance) images, one per stain, the
 * output users need for quantification (Colour Deconvolution 2's "32-bit absorbance"). Values
 * are not clipped: a blue pixel has negative DAB, as in CD2.
 */
public final class ColourDeconvolver {

    private ColourDeconvolver() {
    }

    /** Text for an OD image's metadata ("Info"): the provenance lines, the stain and the unit. */
    public static String imageInfo(Provenance provenance, String stain) {
        return String.join("\n", provenance.lines()) + "\nstain: " + stain + "\nunit: optical density (absorbance)";
    }

    /**
     * @return three OD images in the matrix's stain order (the third may be the residual)
     */
    public static FloatProcessor[] deconvolve(int[] rgb, int width, int height, StainMatrix matrix,
            Background background, ProgressListener progress) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
        // per channel value, the channel's contribution to each stain: stain k = R[r*4+k] + G[g*4+k] + B[b*4+k]
        float[] lr = new float[1024];
        float[] lg = new float[1024];
        float[] lb = new float[1024];
        float[][] tables = {lr, lg, lb};
        for (int c = 0; c < 3; c++) {
            double[] od = OpticalDensity.table(background.channel(c));
            for (int v = 0; v < 256; v++) {
                for (int k = 0; k < 3; k++) {
                    tables[c][v * 4 + k] = (float) (od[v] * matrix.coefficient(c, k));
                }
            }
        }
        float[][] out = new float[3][width * height];
        int chunk = Math.max(1, Math.min(256, height / 32 + 1));
        int nChunks = (height + chunk - 1) / chunk;
        int[] done = {0};
        IntStream.range(0, nChunks).parallel().forEach(ci -> {
            progress.checkCancelled();
            int y0 = ci * chunk;
            int y1 = Math.min(height, y0 + chunk);
            for (int i = y0 * width; i < y1 * width; i++) {
                int p = rgb[i];
                int ri = ((p >> 16) & 0xff) << 2;
                int gi = ((p >> 8) & 0xff) << 2;
                int bi = (p & 0xff) << 2;
                out[0][i] = lr[ri] + lg[gi] + lb[bi];
                out[1][i] = lr[ri + 1] + lg[gi + 1] + lb[bi + 1];
                out[2][i] = lr[ri + 2] + lg[gi + 2] + lb[bi + 2];
            }
            synchronized (done) {
                done[0]++;
                progress.progress(done[0] / (double) nChunks, "deconvolving");
            }
        });
        FloatProcessor[] fp = new FloatProcessor[3];
        for (int k = 0; k < 3; k++) {
            fp[k] = new FloatProcessor(width, height, out[k]);
            fp[k].resetMinAndMax();
        }
        return fp;
    }
}
