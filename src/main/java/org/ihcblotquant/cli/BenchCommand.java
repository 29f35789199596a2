package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.ihcblotquant.core.PeakHeap;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Version;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.stain.ColourDeconvolver;

/**
 * {@code ihcq bench}: measures throughput (megapixels per second) and peak heap on synthetic
 * images held in memory, so figures in docs/BENCHMARKS.md can be reproduced.
 */
public final class BenchCommand implements CliCommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmark: megapixels per second and peak heap (ihc scoring, deconvolution)";
    }

    @Override
    public String help() {
        return "Usage: ihcq bench ihc|deconvolve [--size WxH] [--repeat N]\n\n"
                + "  ihc          full IHC scoring of an in-memory RGB image (glass survey, background,\n"
                + "               tissue threshold, one counting pass), as 'ihcq ihc' does after reading\n"
                + "  deconvolve   colour deconvolution into three 32-bit OD images\n\n"
                + "Options:\n"
                + "  --size WxH   image size (default 8000x8000)\n"
                + "  --repeat N   timed runs after two warm-up runs (default 5); median and best reported\n\n"
                + "The image is a synthetic H-DAB field (Beer-Lambert, glass 240,236,238, noise) tiled to size.\n"
                + "Set the heap with JAVA_OPTS (e.g. JAVA_OPTS=-Xmx8g).\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("size", "repeat"), Args.names());
        if (a.positional().size() != 1) {
            throw new UsageException("name what to benchmark: ihc or deconvolve");
        }
        String what = a.positional().get(0);
        if (!what.equals("ihc") && !what.equals("deconvolve")) {
            throw new UsageException("unknown benchmark '" + what + "' (ihc, deconvolve)");
        }
        int[] size = parseSize(a.get("size", "8000x8000"));
        int repeat = a.getInt("repeat", 5);
        if (repeat < 1) {
            throw new UsageException("--repeat must be at least 1");
        }
        int w = size[0];
        int h = size[1];
        out.printf(Locale.ROOT, "%s, Java %s, %d cores, max heap %d MB%n", Version.toolAndVersion(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "building %dx%d synthetic H-DAB image ...%n", w, h);
        int[] px = tiledImage(w, h);
        IhcSettings settings = IhcSettings.defaults();
        IhcScorer scorer = new IhcScorer(settings);
        double mp = (double) w * h / 1e6;
        double[] seconds = new double[repeat];
        long peak = 0;
        for (int run = -2; run < repeat; run++) {
            System.gc();
            PeakHeap.reset();
            long t0 = System.nanoTime();
            if (what.equals("ihc")) {
                IhcScorer.Calibration cal = scorer.calibrate(px, w, h);
                PixelCounts c = scorer.count(px, w, h, null, cal, ProgressListener.NONE);
                if (c.tissue() == 0) {
                    throw new IllegalStateException("benchmark image has no tissue");
                }
            } else {
                FloatProcessor[] fp = ColourDeconvolver.deconvolve(px, w, h, settings.matrix(),
                        org.ihcblotquant.stain.Background.white(), ProgressListener.NONE);
                if (fp[0].getWidth() != w) {
                    throw new IllegalStateException();
                }
            }
            long t1 = System.nanoTime();
            if (run >= 0) {
                seconds[run] = (t1 - t0) / 1e9;
                peak = Math.max(peak, PeakHeap.bytes());
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        double best = sorted[0];
        long inputBytes = (long) w * h * 4;
        out.printf(Locale.ROOT, "%s %dx%d (%.1f MP): median %.3f s = %.0f MP/s, best %.3f s = %.0f MP/s over %d runs%n",
                what, w, h, mp, median, mp / median, best, mp / best, repeat);
        out.printf(Locale.ROOT, "peak heap %d MB (input image itself %d MB)%n", peak >> 20, inputBytes >> 20);
        return OK;
    }

    static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w > 0 && h > 0 && (long) w * h <= Integer.MAX_VALUE - 8) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--size: '" + s + "' is not WIDTHxHEIGHT with at most 2^31 pixels");
    }

    /** Tiles a 1024x1024 synthetic field over the requested size (generating 64 MP directly is slow). */
    static int[] tiledImage(int w, int h) {
        int tw = Math.min(1024, w);
        int th = Math.min(1024, h);
        ColorProcessor tile = new SyntheticIhc().size(tw, th).seed(7).generate().image;
        int[] t = (int[]) tile.getPixels();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            int ty = y % th;
            for (int x = 0; x < w; x += tw) {
                System.arraycopy(t, ty * tw, px, y * w + x, Math.min(tw, w - x));
            }
        }
        return px;
    }
}
