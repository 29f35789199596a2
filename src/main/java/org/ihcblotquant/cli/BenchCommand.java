package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.SyntheticBlot;
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
        return "benchmark: megapixels per second and peak heap (ihc scoring, deconvolution, blot)";
    }

    @Override
    public String help() {
        return "Usage: ihcq bench ihc|deconvolve|blot|cells [--size WxH] [--repeat N]\n"
                + "       ihcq bench slide FILE [--level N] [--repeat N]\n\n"
                + "  ihc          full IHC scoring of an in-memory RGB image (glass survey, background,\n"
                + "               tissue threshold, one counting pass), as 'ihcq ihc' does after reading\n"
                + "  deconvolve   colour deconvolution into three 32-bit OD images\n"
                + "  blot         blot analysis of a 16-bit fluorescence scan (12 lanes, 3 rows: lanes,\n"
                + "               bands, border background, measurement, normalisation to the control)\n"
                + "  cells        cell detection of a nuclear-marker field (background, thresholds, nuclei,\n"
                + "               splitting, cell expansion, per-cell DAB and classes)\n"
                + "  slide FILE   scoring one level of a pyramidal TIFF (default level 0) against 'vips avg'\n"
                + "               on the same level, both timed in this run (needs libvips-tools)\n\n"
                + "Options:\n"
                + "  --size WxH   image size (default 8000x8000; blot 4000x3000)\n"
                + "  --repeat N   timed runs after two warm-up runs (default 5); median and best reported\n\n"
                + "The image is a synthetic H-DAB field (Beer-Lambert, glass 240,236,238, noise) tiled to size.\n"
                + "Set the heap with JAVA_OPTS (e.g. JAVA_OPTS=-Xmx8g).\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("size", "repeat", "level"), Args.names());
        if (a.positional().size() == 2 && a.positional().get(0).equals("slide")) {
            return SlideBench.run(java.nio.file.Paths.get(a.positional().get(1)), a.getInt("level", 0),
                    Math.max(1, a.getInt("repeat", 3)), out);
        }
        if (a.positional().size() != 1) {
            throw new UsageException("name what to benchmark: ihc or deconvolve");
        }
        String what = a.positional().get(0);
        if (!what.equals("ihc") && !what.equals("deconvolve") && !what.equals("blot") && !what.equals("cells")) {
            throw new UsageException("unknown benchmark '" + what + "' (ihc, deconvolve, blot, cells)");
        }
        int[] size = parseSize(a.get("size", what.equals("blot") ? "4000x3000" : "8000x8000"));
        int repeat = a.getInt("repeat", 5);
        if (repeat < 1) {
            throw new UsageException("--repeat must be at least 1");
        }
        int w = size[0];
        int h = size[1];
        out.printf(Locale.ROOT, "%s, Java %s, %d cores, max heap %d MB%n", Version.toolAndVersion(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (what.equals("blot")) {
            return blot(w, h, repeat, out);
        }
        if (what.equals("cells")) {
            return CellsBench.run(w, h, repeat, out);
        }
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

    /** Times blot analysis and normalisation of a synthetic 16-bit scan (12 lanes, 3 rows). */
    private static int blot(int w, int h, int repeat, PrintStream out) {
        int lanes = 12;
        double[][] volumes = new double[3][lanes];
        for (int i = 0; i < lanes; i++) {
            volumes[0][i] = 4e8 * (1 + 0.1 * (i % 4));
            volumes[1][i] = 2e8 * (1 + 0.15 * (i % 3));
            volumes[2][i] = 6e8;
        }
        out.printf(Locale.ROOT, "building %dx%d 16-bit synthetic fluorescence blot ...%n", w, h);
        SyntheticBlot.Blot b = new SyntheticBlot().size(w, h).mode(SyntheticBlot.Mode.FLUORESCENCE_16BIT)
                .equalLanes(lanes, w * 0.0375).bandShape(w * 0.0275, 6).background(3000, 0.2, 0.3, 150)
                .smile(h / 150.0).row("a", h * 0.27, h / 100.0, volumes[0]).row("b", h * 0.5, h / 100.0, volumes[1])
                .row("actin", h * 0.77, h / 100.0, volumes[2]).render();
        BlotSettings settings = new BlotSettings();
        double mp = (double) w * h / 1e6;
        double[] seconds = new double[repeat];
        long peak = 0;
        int found = 0;
        for (int run = -2; run < repeat; run++) {
            System.gc();
            PeakHeap.reset();
            long t0 = System.nanoTime();
            BlotAnalysis an = BlotAnalyzer.analyze("bench", b.image, null, settings, null, ProgressListener.NONE);
            BlotQuantifier.quantify(Collections.singletonList(an), an.rows().get(an.rows().size() - 1).name(),
                    new int[] {1}, 3, 0.2);
            long t1 = System.nanoTime();
            found = an.lanes().size();
            if (run >= 0) {
                seconds[run] = (t1 - t0) / 1e9;
                peak = Math.max(peak, PeakHeap.bytes());
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "blot %dx%d 16-bit (%.1f MP, %d lanes found): median %.3f s = %.0f MP/s, best %.3f s = %.0f MP/s over %d runs%n",
                w, h, mp, found, sorted[repeat / 2], mp / sorted[repeat / 2], sorted[0], mp / sorted[0], repeat);
        out.printf(Locale.ROOT, "peak heap %d MB (input image itself %d MB)%n", peak >> 20, ((long) w * h * 2) >> 20);
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
