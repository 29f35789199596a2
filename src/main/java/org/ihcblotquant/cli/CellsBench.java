package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.cells.CellCalibration;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.Nucleus;
import org.ihcblotquant.cells.NucleusDetector;
import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.core.PeakHeap;
import org.ihcblotquant.core.ProgressListener;

/** {@code ihcq bench cells}: cell detection and classification of an in-memory nuclear-marker field. */
final class CellsBench {
    private static final int TILE = 2000;

    private CellsBench() {
    }

    static int run(int w, int h, int repeat, PrintStream out) {
        out.printf(Locale.ROOT, "building %dx%d synthetic nuclear-marker field (a %dx%d generated field tiled) ...%n",
                w, h, Math.min(TILE, w), Math.min(TILE, h));
        int[] px = tiled(w, h);
        run(px, w, h, repeat, out, false);
        return run(px, w, h, repeat, out, true);
    }

    /** @param rings with cell rings (per-cell rows, cytoplasm or cell compartment) or without (nuclear marker tables) */
    private static int run(int[] px, int w, int h, int repeat, PrintStream out, boolean rings) {
        CellSettings s = CellSettings.defaults();
        NucleusDetector detector = new NucleusDetector(s, rings);
        double mp = (double) w * h / 1e6;
        double[] seconds = new double[repeat];
        double[] cpu = new double[repeat];
        long peak = 0;
        int found = 0;
        for (int run = -2; run < repeat; run++) {
            System.gc();
            PeakHeap.reset();
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            CellCalibration cal = CellCalibration.of(px, w, h, null, s, null);
            List<Nucleus> nuclei = detector.detect(px, w, h, null, cal, false, ProgressListener.NONE);
            long t1 = System.nanoTime();
            found = nuclei.size();
            if (run >= 0) {
                seconds[run] = (t1 - t0) / 1e9;
                cpu[run] = (processCpuNanos() - c0) / 1e9;
                peak = Math.max(peak, PeakHeap.bytes());
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "cells%s %dx%d (%.1f MP, %d nuclei): median %.3f s = %.0f MP/s, best %.3f s = %.0f MP/s "
                + "over %d runs%n", rings ? " with cell rings" : " (nuclei only)", w, h, mp, found, sorted[repeat / 2], mp / sorted[repeat / 2], sorted[0],
                mp / sorted[0], repeat);
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        out.printf(Locale.ROOT, "  CPU time (all threads) median %.3f s = %.0f MP per CPU-second; wall time depends on "
                + "how many cores were free%n", cpuSorted[repeat / 2], mp / cpuSorted[repeat / 2]);
        out.printf(Locale.ROOT, "peak heap %d MB (input image itself %d MB)%n", peak >> 20, ((long) w * h * 4) >> 20);
        return CliCommand.OK;
    }

    /** CPU time of this process (all threads), or 0 when the JVM does not say. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    private static int[] tiled(int w, int h) {
        int tw = Math.min(TILE, w);
        int th = Math.min(TILE, h);
        int[] t = (int[]) new SyntheticNuclei().size(tw, th).seed(5).generate().image.getPixels();
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
