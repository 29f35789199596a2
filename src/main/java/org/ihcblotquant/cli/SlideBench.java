package org.ihcblotquant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.ihcblotquant.core.PeakHeap;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.SlideLevel;
import org.ihcblotquant.slide.SlideScore;
import org.ihcblotquant.slide.SlideScorer;
import org.ihcblotquant.slide.TiffSlide;

/**
 * {@code ihcq bench slide FILE}: times scoring one level of a slide against {@code vips avg} on the
 * same level (libvips decodes every tile of it), both measured in this run, alternating, so the
 * ratio holds under the same machine load.
 */
final class SlideBench {

    private SlideBench() {
    }

    static int run(Path file, int level, int repeat, PrintStream out) throws Exception {
        IhcSettings settings = IhcSettings.defaults();
        String vipsSource;
        SlideLevel lv;
        try (TiffSlide s = TiffSlide.open(file)) {
            lv = s.levels().get(level);
            vipsSource = file + (level == 0 ? "" : s.subIfdPyramid() ? "[subifd=" + (level - 1) + "]"
                    : "[page=" + level + "]");
            out.printf(Locale.ROOT, "%s: %s; %s%n", file.getFileName(), s.format(), lv);
        }
        double mp = lv.pixels() / 1e6;
        double[] vips = new double[repeat];
        double[] ours = new double[repeat];
        double[] all = new double[repeat];
        long peak = 0;
        long scored = 0;
        for (int run = -1; run < repeat; run++) {
            long t0 = System.nanoTime();
            String avg = vipsAvg(vipsSource);
            long t1 = System.nanoTime();
            System.gc();
            PeakHeap.reset();
            long t2 = System.nanoTime();
            SlideScore score;
            try (TiffSlide s = TiffSlide.open(file)) {
                score = new SlideScorer(settings).score(s, LevelChoice.level(level), ProgressListener.NONE);
            }
            long t3 = System.nanoTime();
            long t4 = System.nanoTime();
            decodeAndCountAll(file, level, settings);
            long t5 = System.nanoTime();
            if (run >= 0) {
                vips[run] = (t1 - t0) / 1e9;
                ours[run] = (t3 - t2) / 1e9;
                all[run] = (t5 - t4) / 1e9;
                peak = Math.max(peak, PeakHeap.bytes());
                scored = score.tilesScored();
                if (run == 0) {
                    out.printf(Locale.ROOT, "vips avg = %s; slide H-score %.1f, status %s%n", avg.trim(),
                            score.result().isOk() ? score.result().counts().hScore() : Double.NaN,
                            score.result().status());
                }
            }
        }
        double v = median(vips);
        double o = median(ours);
        double a = median(all);
        out.printf(Locale.ROOT, "vips avg (decodes every tile):      median %.2f s = %.0f MP/s%n", v, mp / v);
        out.printf(Locale.ROOT, "ihcq slide scoring (%d of %d tiles touch tissue): median %.2f s = %.0f MP/s, %.2fx vips%n",
                scored, lv.tileCount(), o, mp / o, o / v);
        out.printf(Locale.ROOT, "ihcq decode + count every tile:     median %.2f s = %.0f MP/s, %.2fx vips%n", a, mp / a,
                a / v);
        out.printf(Locale.ROOT, "peak heap while scoring %d MB (max heap %d MB); %d runs each%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, repeat);
        return CliCommand.OK;
    }

    /** Every tile decoded and counted, no tile skipped: the like-for-like figure against vips avg. */
    private static void decodeAndCountAll(Path file, int level, IhcSettings settings) throws Exception {
        IhcScorer scorer = new IhcScorer(settings);
        try (TiffSlide s = TiffSlide.open(file)) {
            SlideLevel lv = s.levels().get(level);
            int[] sample = s.readTile(level, 0, 0);
            IhcScorer.Calibration cal = scorer.calibrate(sample, lv.tileWidthAt(0), lv.tileHeightAt(0));
            int threads = Runtime.getRuntime().availableProcessors();
            AtomicLong next = new AtomicLong();
            List<Thread> ts = new ArrayList<>();
            long total = lv.tileCount();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    IhcScorer.Tally tally = scorer.newTally(cal);
                    long i;
                    while ((i = next.getAndIncrement()) < total) {
                        int[] px = s.readTile(level, (int) (i % lv.columns()), (int) (i / lv.columns()));
                        tally.add(px, 0, px.length);
                    }
                });
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) {
                th.join();
            }
        }
    }

    private static String vipsAvg(String source) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("vips", "avg", source).redirectErrorStream(true).start();
        byte[] b = readAll(p.getInputStream());
        if (p.waitFor() != 0) {
            throw new IOException("vips avg " + source + " failed: " + new String(b, StandardCharsets.UTF_8));
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            o.write(buf, 0, n);
        }
        return o.toByteArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
