package org.ihcblotquant.cells;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.TissueMask;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.Overview;
import org.ihcblotquant.slide.SlideFiles;
import org.ihcblotquant.slide.SlideLevel;
import org.ihcblotquant.slide.SlideScorer;
import org.ihcblotquant.slide.SlideSource;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.StainVectorEstimator;

/**
 * Cell-level analysis of a whole slide, streamed in bounded memory:
 * <ol>
 * <li>one level is chosen (by default the level nearest the cell settings' pixel size, 0.5 um/px,
 * about 20x, where nuclei are resolved); its own pixel size sets the area limits;</li>
 * <li>calibration (background, tissue threshold, Otsu nucleus threshold) on the pixels the slide
 * scorer calibrates on: the whole level when small, else its mosaic of glass and tissue tiles;</li>
 * <li>the slide scorer's overview tissue detection says which tiles hold tissue; the level is cut
 * into blocks of {@value #BLOCK} px on a side, and blocks that overlap no tissue tile are not
 * read;</li>
 * <li>each block is read with the margin of {@link NucleusDetector#margin()} around it and
 * segmented by the same {@link TileSegmenter} as an image's tiles, which keeps the nuclei whose
 * centroid lies in the block: a nucleus on a block border is counted once.</li>
 * </ol>
 * Workers hold one block each; per-cell rows (and so memory growing with the nuclei) only when asked for.
 */
public final class SlideCells {
    private final CellSettings settings;
    private final LevelChoice choice;
    private final int threads;
    private final boolean perCellRows;

    /**
     * @param choice      level to analyse; null for the level nearest the settings' pixel size
     * @param perCellRows keep every nucleus (for per-cell rows); else only the counts
     */
    public SlideCells(CellSettings settings, LevelChoice choice, int threads, boolean perCellRows) {
        this.settings = settings;
        this.choice = choice != null ? choice : LevelChoice.pixelSize(settings.pixelSize());
        this.threads = Math.max(1, threads);
        this.perCellRows = perCellRows;
    }

    public LevelChoice choice() {
        return choice;
    }

    /** Opens, analyses and closes a slide file; bad input becomes an {@code error:} result. */
    public CellImageResult analyseFile(Path file, boolean masked, CellAnalysis.Overrides over,
            ProgressListener progress) {
        String name = file.getFileName().toString();
        String slide = settings.stain().slideOf(name, null);
        String marker = settings.stain().marker();
        List<String> none = new ArrayList<>();
        if (masked) {
            return CellImageResult.failed(name, slide, marker, file
                    + ": masks are not applied to whole slides; analyse slides without a mask folder", 0, 0, none);
        }
        try (SlideSource src = SlideFiles.open(file)) {
            return analyse(src, over, progress);
        } catch (CancelledException e) {
            throw e;
        } catch (InputException e) {
            String msg = e.getMessage();
            return CellImageResult.failed(name, slide, marker, msg.startsWith(file.toString()) ? msg
                    : file + ": " + msg, 0, 0, none);
        } catch (OutOfMemoryError e) {
            return CellImageResult.failed(name, slide, marker, file + ": " + CellAnalysis.TOO_LARGE, 0, 0, none);
        }
    }

    public CellImageResult analyse(SlideSource slide, CellAnalysis.Overrides over, ProgressListener progress) {
        String name = slide.name();
        boolean[] matched = new boolean[1];
        String slideId = settings.stain().slideOf(name, matched);
        String marker = settings.stain().marker();
        List<String> notes = new ArrayList<>();
        if (!matched[0]) {
            notes.add("slide pattern did not match; slide = file name");
        }
        List<SlideLevel> levels = slide.levels();
        int li = choice.resolve(levels);
        SlideLevel lv = levels.get(li);
        double um = lv.pixelSizeUm();
        CellSettings s = settings;
        if (Double.isNaN(um)) {
            notes.add(String.format(Locale.ROOT, "no pixel size in the file: %.3f um/px from the settings",
                    settings.pixelSize()));
        } else {
            s = s.withPixelSize(um);
        }
        notes.add(String.format(Locale.ROOT, "slide level %d of %d (%dx%d%s)", li, levels.size(), lv.width(),
                lv.height(), Double.isNaN(um) ? "" : String.format(Locale.ROOT, ", %.3f um/px", um)));
        if (slide.format().contains("JPEG")) {
            notes.add("lossy JPEG input");
        }
        if (lv.width() > Integer.MAX_VALUE || lv.height() > Integer.MAX_VALUE) {
            throw new InputException(name + ": level " + li + " is too large (" + lv.width() + "x" + lv.height() + ")");
        }
        int width = (int) lv.width();
        int height = (int) lv.height();
        if (over.vectors != null) {
            s = s.withStain(s.stain().withVectors(over.vectors));
        }
        Overview ov = Overview.of(slide, sub(progress, 0, 0.05));
        SlideScorer.Sample sample = new SlideScorer(s.stain(), threads).calibrationSample(slide, lv, ov);
        CellCalibration cal = CellCalibration.of(sample.rgb, sample.width, sample.height, null, s, over.background);
        if (over.estimateVectors) {
            StainVectorEstimator est = new StainVectorEstimator();
            est.add(sample.rgb, sample.width, sample.height, null, cal.background);
            try {
                s = s.withStain(s.stain().withVectors(CellAnalysis.named(est.estimate(), s.stain().vectors())));
            } catch (InputException e) {
                return CellImageResult.failed(name, slideId, marker, "stain vectors: " + e.getMessage(), width, height,
                        notes).atLevel(li, um);
            }
            cal = CellCalibration.of(sample.rgb, sample.width, sample.height, null, s, over.background);
        }
        if (cal.background.source() == Background.Source.NO_GLASS_FALLBACK) {
            notes.add("no glass in the slide: background 255 used");
        }
        String vectors = CellAnalysis.spec(s.stain().vectors());
        if (Double.isNaN(cal.nucleusOd)) {
            return new CellImageResult(name, slideId, marker, String.format(Locale.ROOT,
                    "error: no tissue detected (no pixel with total OD >= %.3f)", cal.tissueOd), width, height,
                    cal.background, cal.tissueOd, cal.nucleusOd, vectors, new ArrayList<Nucleus>(), null, notes)
                            .atLevel(li, um);
        }
        List<int[]> blocks = tissueBlocks(lv, SlideScorer.tissueTiles(ov, lv, cal.background, cal.tissueOd));
        notes.add(String.format(Locale.ROOT, "%d of %d blocks of %dx%d px analysed (the others are glass at low "
                + "resolution)", blocks.size(), blockCount(lv), BLOCK, BLOCK));
        Segmented seg = segmentBlocks(slide, li, width, height, blocks, s, cal, sub(progress, 0.05, 1));
        if (seg.counts.nuclei() == 0) {
            notes.add("no nuclei found");
        }
        progress.progress(1, "done");
        return new CellImageResult(name, slideId, marker, "ok", width, height, cal.background, cal.tissueOd,
                cal.nucleusOd, vectors, seg.nuclei, seg.counts, notes).atLevel(li, um);
    }

    /**
     * Block side in pixels: half the image detector's tile (which it is a divisor of, so block
     * borders fall on the image's tile borders too). A block and its margin take about 40 MB while
     * segmented, against about 130 MB at the detector's 2048, so a slide's heap stays small; the
     * margin reads about a third more pixels than the block.
     */
    static final int BLOCK = NucleusDetector.CORE / 2;

    private static long blockCount(SlideLevel lv) {
        return ((lv.width() + BLOCK - 1) / BLOCK) * ((lv.height() + BLOCK - 1) / BLOCK);
    }

    /**
     * The blocks (column, row in blocks) that overlap at least one tissue tile, row by row. Blocks
     * are cut in pixels, not in tiles, so that stripped files (tiles as wide as the level) still
     * give blocks of bounded size.
     */
    private static List<int[]> tissueBlocks(SlideLevel lv, List<int[]> tissueTiles) {
        int across = (int) ((lv.width() + BLOCK - 1) / BLOCK);
        int down = (int) ((lv.height() + BLOCK - 1) / BLOCK);
        boolean[] any = new boolean[across * down];
        for (int[] t : tissueTiles) {
            long x0 = (long) t[0] * lv.tileWidth();
            long y0 = (long) t[1] * lv.tileHeight();
            long x1 = x0 + lv.tileWidthAt(t[0]);
            long y1 = y0 + lv.tileHeightAt(t[1]);
            for (long by = y0 / BLOCK; by <= (y1 - 1) / BLOCK; by++) {
                for (long bx = x0 / BLOCK; bx <= (x1 - 1) / BLOCK; bx++) {
                    any[(int) (by * across + bx)] = true;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < any.length; i++) {
            if (any[i]) {
                out.add(new int[] {i % across, i / across});
            }
        }
        return out;
    }

    /** Counts (and nuclei, when kept) of all blocks, pooled in block order so sums do not depend on threads. */
    private static final class Segmented {
        final CellCounts counts = new CellCounts();
        final List<Nucleus> nuclei = new ArrayList<>();
    }

    private Segmented segmentBlocks(SlideSource slide, int li, int width, int height, List<int[]> blocks,
            CellSettings s, CellCalibration cal, ProgressListener progress) {
        boolean rings = perCellRows || s.compartment() != Compartment.NUCLEUS;
        int margin = new NucleusDetector(s, rings).margin();
        CellCounts[] counts = new CellCounts[blocks.size()];
        @SuppressWarnings("unchecked")
        List<Nucleus>[] kept = new List[blocks.size()];
        int n = Math.min(threads, Math.max(1, blocks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "slide-cells");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> parts = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                parts.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < blocks.size()) {
                        progress.checkCancelled();
                        int cx0 = blocks.get(i)[0] * BLOCK;
                        int cy0 = blocks.get(i)[1] * BLOCK;
                        int cx1 = Math.min(width, cx0 + BLOCK);
                        int cy1 = Math.min(height, cy0 + BLOCK);
                        int x0 = Math.max(0, cx0 - margin);
                        int y0 = Math.max(0, cy0 - margin);
                        int w = Math.min(width, cx1 + margin) - x0;
                        int h = Math.min(height, cy1 + margin) - y0;
                        int[] px = slide.readRegion(li, x0, y0, w, h);
                        byte[] mask = s.stain().tissueMask().isActive()
                                ? TissueMask.build(px, w, h, cal.background, cal.tissueOd, s.stain().tissueMask())
                                : null;
                        List<Nucleus> found = new TileSegmenter(px, w, mask, s, cal, false, rings)
                                .segment(0, 0, w, h, cx0 - x0, cy0 - y0, cx1 - x0, cy1 - y0);
                        counts[i] = CellCounts.of(found, s.compartment());
                        if (perCellRows) {
                            List<Nucleus> moved = new ArrayList<>(found.size());
                            for (Nucleus nu : found) {
                                moved.add(nu.moved(x0, y0));
                            }
                            kept[i] = moved;
                        }
                        progress.progress(done.incrementAndGet() / (double) blocks.size(), "nuclei");
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
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
        Segmented out = new Segmented();
        for (int i = 0; i < counts.length; i++) {
            out.counts.add(counts[i]);
            if (kept[i] != null) {
                out.nuclei.addAll(kept[i]);
            }
        }
        out.nuclei.sort(Comparator.comparingDouble((Nucleus nu) -> nu.y).thenComparingDouble(nu -> nu.x));
        return out;
    }

    private static ProgressListener sub(ProgressListener p, double from, double to) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                p.progress(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }
}
