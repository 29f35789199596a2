package org.ihcblotquant.slide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.stain.Background;

/**
 * Scores a whole slide tile by tile with the image scorer ({@link IhcScorer}), in bounded memory.
 *
 * <ol>
 * <li>An {@link Overview} (at most 1536 px on a side) from a low-resolution level.</li>
 * <li>Calibration (glass colour, tissue threshold) at the scoring level: on the whole level when it
 * is small, else on a mosaic of sample tiles, the glassiest and the most tissue-rich by the
 * overview, so the glass noise that sets the automatic tissue threshold is measured at the
 * resolution that is counted.</li>
 * <li>Tissue detection on the overview (total OD at least half the tissue threshold, grown by one
 * overview pixel); tiles of the scoring level that touch no tissue are not decoded and count as
 * glass.</li>
 * <li>The remaining tiles are decoded and counted in parallel, each worker thread with its own
 * decoder and tally; only one tile per worker is in memory.</li>
 * </ol>
 * The counts are pooled exactly as an image's are, so a slide scores as the same pixels would as one image.
 */
public final class SlideScorer {
    /** Levels up to this many pixels are calibrated as a whole, as an image would be. */
    static final long WHOLE_LEVEL_CALIBRATION_PIXELS = 16L << 20;
    /** Sample tiles of each kind (glass, tissue) for the calibration mosaic. */
    static final int SAMPLE_TILES = 12;

    private final IhcSettings settings;
    private final IhcScorer scorer;
    private final int threads;
    private final long wholeLevelCalibrationPixels;

    public SlideScorer(IhcSettings settings, int threads) {
        this(settings, threads, WHOLE_LEVEL_CALIBRATION_PIXELS);
    }

    /** With a lower whole-level limit, tests reach the sampled calibration on small slides. */
    SlideScorer(IhcSettings settings, int threads, long wholeLevelCalibrationPixels) {
        this.settings = settings;
        this.scorer = new IhcScorer(settings);
        this.threads = Math.max(1, threads);
        this.wholeLevelCalibrationPixels = wholeLevelCalibrationPixels;
    }

    /** One thread per core. */
    public SlideScorer(IhcSettings settings) {
        this(settings, Runtime.getRuntime().availableProcessors());
    }

    public SlideScore score(SlideSource slide, LevelChoice choice, ProgressListener progress) {
        List<String> notes = new ArrayList<>();
        List<SlideLevel> levels = slide.levels();
        int li = choice.resolve(levels);
        SlideLevel lv = levels.get(li);
        if (Double.isNaN(lv.pixelSizeUm())) {
            notes.add("no pixel size in the file");
        }
        notes.add(String.format(Locale.ROOT, "slide level %d of %d (%dx%d%s)", li, levels.size(), lv.width(),
                lv.height(), Double.isNaN(lv.pixelSizeUm()) ? "" : String.format(Locale.ROOT, ", %.3f um/px",
                        lv.pixelSizeUm())));
        if (slide.format().contains("JPEG")) {
            notes.add("lossy JPEG input");
        }
        Overview ov = Overview.of(slide, sub(progress, 0, 0.05, "overview"));
        double[] tissueFractionPerTile = tileTissue(ov, lv, rough(ov));
        IhcScorer.Calibration cal = calibrate(slide, lv, tissueFractionPerTile);
        if (cal.background.source() == Background.Source.NO_GLASS_FALLBACK) {
            notes.add("no glass in the slide: background 255 used");
        }
        byte[] mask = tissueMask(ov, cal.background, cal.tissueOd);
        List<int[]> work = tissueTiles(ov, mask, lv);
        long skippedPixels = lv.pixels();
        for (int[] t : work) {
            skippedPixels -= (long) lv.tileWidthAt(t[0]) * lv.tileHeightAt(t[1]);
        }
        byte[] classMap = new byte[ov.width * ov.height];
        java.util.Arrays.fill(classMap, (byte) -1);
        PixelCounts counts = countTiles(slide, lv, work, cal, ov, classMap, sub(progress, 0.05, 1, "scoring"));
        counts.analysed += skippedPixels;
        notes.add(String.format(Locale.ROOT, "%d of %d tiles scored (the others are glass at low resolution)",
                work.size(), lv.tileCount()));
        String name = slide.name();
        String slideId = settings.slideOf(name, null);
        String status = "ok";
        if (counts.tissue() == 0) {
            status = String.format(Locale.ROOT, "error: no tissue detected (no pixel with total OD >= %.3f)",
                    cal.tissueOd);
        }
        IhcImageResult r = IhcImageResult.of(name, slideId, settings.marker(), status, (int) lv.width(),
                (int) lv.height(), cal.background, cal.tissueOd, counts, notes);
        progress.progress(1, "done");
        return new SlideScore(r, li, lv.pixelSizeUm(), ov, mask, classMap, work.size(), lv.tileCount());
    }

    /** Pixels of a level that calibration is measured on (the whole level, or a mosaic of sample tiles). */
    public static final class Sample {
        public final int[] rgb;
        public final int width;
        public final int height;

        Sample(int[] rgb, int width, int height) {
            this.rgb = rgb;
            this.width = width;
            this.height = height;
        }
    }

    /**
     * What this scorer calibrates on for level {@code lv}: the whole level when it is small, else
     * the mosaic of the glassiest and most tissue-rich tiles by the overview. For other analyses of
     * slides (cells) that calibrate their own way on the same pixels.
     */
    public Sample calibrationSample(SlideSource slide, SlideLevel lv, Overview ov) {
        return sample(slide, lv, tileTissue(ov, lv, rough(ov)));
    }

    /**
     * The tiles (column, row) of level {@code lv} whose footprint on the overview touches tissue:
     * total OD at least half {@code tissueOd} under background {@code bg}, grown by one overview pixel.
     */
    public static List<int[]> tissueTiles(Overview ov, SlideLevel lv, Background bg, double tissueOd) {
        return tissueTiles(ov, tissueMask(ov, bg, tissueOd), lv);
    }

    private static List<int[]> tissueTiles(Overview ov, byte[] mask, SlideLevel lv) {
        List<int[]> work = new ArrayList<>();
        for (int row = 0; row < lv.rows(); row++) {
            for (int col = 0; col < lv.columns(); col++) {
                if (touchesTissue(ov, mask, lv, col, row)) {
                    work.add(new int[] {col, row});
                }
            }
        }
        return work;
    }

    /** A rough calibration on the overview alone, to tell glass tiles from tissue tiles when sampling. */
    private IhcScorer.Calibration rough(Overview ov) {
        return scorer.calibrate(ov.rgb, ov.width, ov.height);
    }

    /** Fraction of tissue (by the rough overview calibration) in each scoring-level tile's footprint. */
    private double[] tileTissue(Overview ov, SlideLevel lv, IhcScorer.Calibration rough) {
        IntUnaryOperator cls = scorer.classifier(rough);
        int cols = lv.columns();
        double[] tissue = new double[lv.rows() * cols];
        int[] n = new int[tissue.length];
        for (int y = 0; y < ov.height; y++) {
            for (int x = 0; x < ov.width; x++) {
                int t = tileOf(ov, lv, x, y);
                if (t < 0) {
                    continue;
                }
                n[t]++;
                if (cls.applyAsInt(ov.rgb[y * ov.width + x]) >= 0) {
                    tissue[t]++;
                }
            }
        }
        for (int i = 0; i < tissue.length; i++) {
            tissue[i] = n[i] == 0 ? Double.NaN : tissue[i] / n[i];
        }
        return tissue;
    }

    /** The scoring-level tile holding the centre of overview pixel (x, y); -1 outside. */
    private static int tileOf(Overview ov, SlideLevel lv, int x, int y) {
        long px = levelCoord(ov.scaleX, ov, lv, x + 0.5, true);
        long py = levelCoord(ov.scaleY, ov, lv, y + 0.5, false);
        if (px >= lv.width() || py >= lv.height()) {
            return -1;
        }
        return (int) (py / lv.tileHeight()) * lv.columns() + (int) (px / lv.tileWidth());
    }

    private static long levelCoord(double scale, Overview ov, SlideLevel lv, double at, boolean xAxis) {
        double level0 = at * scale;
        double toLevel = xAxis ? lv.width() / (double) ov.level0Width : lv.height() / (double) ov.level0Height;
        return (long) Math.floor(level0 * toLevel);
    }

    private IhcScorer.Calibration calibrate(SlideSource slide, SlideLevel lv, double[] tissueFraction) {
        Sample s = sample(slide, lv, tissueFraction);
        return scorer.calibrate(s.rgb, s.width, s.height);
    }

    private Sample sample(SlideSource slide, SlideLevel lv, double[] tissueFraction) {
        if (lv.pixels() <= wholeLevelCalibrationPixels) {
            int[] px = slide.readRegion(lv.index(), 0, 0, (int) lv.width(), (int) lv.height());
            return new Sample(px, (int) lv.width(), (int) lv.height());
        }
        // full-size tiles only, glassiest first and most tissue-rich first
        List<Integer> full = new ArrayList<>();
        for (int i = 0; i < tissueFraction.length; i++) {
            int col = i % lv.columns();
            int row = i / lv.columns();
            if (!Double.isNaN(tissueFraction[i]) && lv.tileWidthAt(col) == lv.tileWidth()
                    && lv.tileHeightAt(row) == lv.tileHeight()) {
                full.add(i);
            }
        }
        if (full.isEmpty()) {
            for (int i = 0; i < tissueFraction.length; i++) {
                full.add(i);
            }
        }
        full.sort((a, b) -> Double.compare(nz(tissueFraction[a]), nz(tissueFraction[b])));
        List<Integer> pick = new ArrayList<>();
        for (int k = 0; k < Math.min(SAMPLE_TILES, full.size()); k++) {
            pick.add(full.get(k));
        }
        for (int k = full.size() - 1; k >= 0 && pick.size() < Math.min(2 * SAMPLE_TILES, full.size()); k--) {
            if (!pick.contains(full.get(k))) {
                pick.add(full.get(k));
            }
        }
        pick.sort(null);
        int tw = lv.tileWidth();
        int th = lv.tileHeight();
        // tiles side by side in a square-ish mosaic: glass tiles next to each other keep interior glass blocks
        int across = (int) Math.ceil(Math.sqrt(pick.size()));
        int down = (pick.size() + across - 1) / across;
        int mw = across * tw;
        int mh = down * th;
        int[] mosaic = new int[mw * mh];
        for (int k = 0; k < pick.size(); k++) {
            int i = pick.get(k);
            int[] t = slide.readTile(lv.index(), i % lv.columns(), i / lv.columns());
            int cw = lv.tileWidthAt(i % lv.columns());
            int ch = lv.tileHeightAt(i / lv.columns());
            int ox = (k % across) * tw;
            int oy = (k / across) * th;
            for (int y = 0; y < ch; y++) {
                System.arraycopy(t, y * cw, mosaic, (oy + y) * mw + ox, cw);
            }
        }
        if (pick.size() < across * down) {
            // fill the empty cells with the first sample so no black block reads as tissue
            int[] t = slide.readTile(lv.index(), pick.get(0) % lv.columns(), pick.get(0) / lv.columns());
            int cw = lv.tileWidthAt(pick.get(0) % lv.columns());
            int ch = lv.tileHeightAt(pick.get(0) / lv.columns());
            for (int k = pick.size(); k < across * down; k++) {
                int ox = (k % across) * tw;
                int oy = (k / across) * th;
                for (int y = 0; y < ch; y++) {
                    System.arraycopy(t, y * cw, mosaic, (oy + y) * mw + ox, cw);
                }
            }
        }
        return new Sample(mosaic, mw, mh);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0.5 : v;
    }

    /**
     * Tissue on the overview: total OD at least half the scoring threshold (averaging thins faint
     * tissue at tissue edges), grown by one overview pixel.
     */
    private static byte[] tissueMask(Overview ov, Background bg, double tissueOd) {
        double[] tr = table(bg.r());
        double[] tg = table(bg.g());
        double[] tb = table(bg.b());
        double t = tissueOd / 2;
        int w = ov.width;
        int h = ov.height;
        byte[] raw = new byte[w * h];
        for (int i = 0; i < raw.length; i++) {
            int p = ov.rgb[i];
            if (tr[(p >> 16) & 0xff] + tg[(p >> 8) & 0xff] + tb[p & 0xff] >= t) {
                raw[i] = 1;
            }
        }
        byte[] grown = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean any = false;
                for (int dy = -1; dy <= 1 && !any; dy++) {
                    for (int dx = -1; dx <= 1 && !any; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        any = xx >= 0 && yy >= 0 && xx < w && yy < h && raw[yy * w + xx] != 0;
                    }
                }
                grown[y * w + x] = (byte) (any ? 1 : 0);
            }
        }
        return grown;
    }

    private static double[] table(double i0) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = Math.max(0, Math.log10(i0 / Math.max(v, 1)));
        }
        return t;
    }

    /** True when the tile's footprint on the overview (one overview pixel of margin) has tissue. */
    private static boolean touchesTissue(Overview ov, byte[] mask, SlideLevel lv, int col, int row) {
        double toOvX = ov.level0Width / (double) lv.width() / ov.scaleX;
        double toOvY = ov.level0Height / (double) lv.height() / ov.scaleY;
        int x0 = (int) Math.floor((long) col * lv.tileWidth() * toOvX) - 1;
        int x1 = (int) Math.ceil(((long) col * lv.tileWidth() + lv.tileWidthAt(col)) * toOvX) + 1;
        int y0 = (int) Math.floor((long) row * lv.tileHeight() * toOvY) - 1;
        int y1 = (int) Math.ceil(((long) row * lv.tileHeight() + lv.tileHeightAt(row)) * toOvY) + 1;
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(ov.width, x1);
        y1 = Math.min(ov.height, y1);
        if (x0 >= x1 || y0 >= y1) {
            // beyond the overview's dropped last row/column: score it to be safe
            return true;
        }
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (mask[y * ov.width + x] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private PixelCounts countTiles(SlideSource slide, SlideLevel lv, List<int[]> work, IhcScorer.Calibration cal,
            Overview ov, byte[] classMap, ProgressListener progress) {
        int n = Math.min(threads, Math.max(1, work.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "slide-tiles");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong pixelsDone = new AtomicLong();
        long started = System.nanoTime();
        IntUnaryOperator cls = scorer.classifier(cal);
        double toOvX = ov.level0Width / (double) lv.width() / ov.scaleX;
        double toOvY = ov.level0Height / (double) lv.height() / ov.scaleY;
        List<Future<PixelCounts>> parts = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                parts.add(pool.submit(() -> {
                    IhcScorer.Tally tally = scorer.newTally(cal);
                    int i;
                    while ((i = next.getAndIncrement()) < work.size()) {
                        progress.checkCancelled();
                        int col = work.get(i)[0];
                        int row = work.get(i)[1];
                        int[] px = slide.readTile(lv.index(), col, row);
                        tally.add(px, 0, px.length);
                        paint(px, lv, col, row, ov, toOvX, toOvY, cls, classMap);
                        long d = done.addAndGet(1);
                        long mp = pixelsDone.addAndGet(px.length);
                        progress.progress(d / (double) work.size(), rate(d, work.size(), mp, started));
                    }
                    return tally.counts();
                }));
            }
            PixelCounts total = new PixelCounts();
            for (Future<PixelCounts> f : parts) {
                total.add(f.get());
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        } finally {
            next.set(Integer.MAX_VALUE);
            pool.shutdownNow();
        }
    }

    /**
     * Class of the overview pixels whose centre lies in this tile: the most frequent tissue class
     * among up to 4x4 samples of the tile pixels under it (-1 when most samples are glass).
     */
    private static void paint(int[] px, SlideLevel lv, int col, int row, Overview ov, double toOvX, double toOvY,
            IntUnaryOperator cls, byte[] classMap) {
        int tw = lv.tileWidthAt(col);
        int th = lv.tileHeightAt(row);
        long lx0 = (long) col * lv.tileWidth();
        long ly0 = (long) row * lv.tileHeight();
        double perOvX = 1 / toOvX;
        double perOvY = 1 / toOvY;
        int ox0 = (int) Math.ceil(lx0 * toOvX - 0.5);
        int oy0 = (int) Math.ceil(ly0 * toOvY - 0.5);
        int[] votes = new int[5];
        for (int oy = Math.max(0, oy0); oy < ov.height; oy++) {
            double cy = (oy + 0.5) * perOvY;
            if (cy >= ly0 + th) {
                break;
            }
            for (int ox = Math.max(0, ox0); ox < ov.width; ox++) {
                double cx = (ox + 0.5) * perOvX;
                if (cx >= lx0 + tw) {
                    break;
                }
                java.util.Arrays.fill(votes, 0);
                int steps = (int) Math.max(1, Math.min(4, perOvX));
                for (int sy = 0; sy < steps; sy++) {
                    for (int sx = 0; sx < steps; sx++) {
                        long x = (long) (cx + (sx - (steps - 1) / 2.0) * perOvX / steps) - lx0;
                        long y = (long) (cy + (sy - (steps - 1) / 2.0) * perOvY / steps) - ly0;
                        x = Math.max(0, Math.min(tw - 1, x));
                        y = Math.max(0, Math.min(th - 1, y));
                        votes[cls.applyAsInt(px[(int) (y * tw + x)]) + 1]++;
                    }
                }
                int best = 0;
                for (int c = 1; c < 5; c++) {
                    if (votes[c] > votes[best]) {
                        best = c;
                    }
                }
                classMap[oy * ov.width + ox] = (byte) (best - 1);
            }
        }
    }

    /** "tiles 120/400, 85 MP/s, 12 s left": what a progress line shows. */
    static String rate(long done, long total, long pixels, long startedNanos) {
        double s = (System.nanoTime() - startedNanos) / 1e9;
        double mps = s > 0 ? pixels / 1e6 / s : 0;
        double left = done > 0 ? s * (total - done) / done : Double.NaN;
        return String.format(Locale.ROOT, "tiles %d/%d, %.0f MP/s, %s left", done, total, mps,
                Double.isNaN(left) ? "?" : left < 90 ? Math.round(left) + " s" : Math.round(left / 60) + " min");
    }

    /** Progress over a sub-range of the whole; the sub-step's message is kept when it has one. */
    private static ProgressListener sub(ProgressListener p, double from, double to, String label) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                p.progress(from + (to - from) * fraction, message != null && message.startsWith("tiles") ? message
                        : label);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }
}
