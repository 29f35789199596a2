package org.ihcblotquant.ihc;

import java.util.stream.IntStream;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Threads;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.GlassSurvey;
import org.ihcblotquant.stain.PackedScoringLookup;
import org.ihcblotquant.stain.ScoringLookup;

/**
 * Scores one RGB image: background, tissue detection, chromogen classes and OD sums in a single
 * parallel pass over the pixels, with no float image materialised: two table reads per pixel
 * ({@link PackedScoringLookup}, {@link HistogramCounter}).
 */
public final class IhcScorer {
    private final IhcSettings settings;

    public IhcScorer(IhcSettings settings) {
        this.settings = settings;
    }

    public IhcSettings settings() {
        return settings;
    }

    /** What the scorer decided for one image before counting: background, lookups, tissue threshold. */
    public static final class Calibration {
        public final Background background;
        public final double tissueOd;
        public final ScoringLookup lookup;
        /** Cleaned tissue mask (1 tissue), or null when tissue is decided pixel by pixel. */
        final byte[] tissueMask;
        /** Null when the stain matrix needs more range than the packed tables have. */
        final PackedScoringLookup packed;

        Calibration(Background background, double tissueOd, ScoringLookup lookup, PackedScoringLookup packed,
                byte[] tissueMask) {
            this.tissueMask = tissueMask;
            this.background = background;
            this.tissueOd = tissueOd;
            this.lookup = lookup;
            this.packed = packed;
        }
    }

    /** Background and tissue threshold for this image, from its glass or the settings. */
    public Calibration calibrate(int[] rgb, int width, int height) {
        return calibrate(rgb, width, height, null);
    }

    /**
     * As {@link #calibrate(int[], int, int)} with a background fixed by the caller (one per slide);
     * null for the image's own. The tissue threshold still comes from this image's glass, read
     * under that background.
     */
    public Calibration calibrate(int[] rgb, int width, int height, Background forced) {
        GlassSurvey survey = BackgroundEstimator.survey(rgb, width, height);
        Background bg = forced != null ? forced : settings.background().resolve(survey);
        double t = settings.autoTissue() ? TissueThreshold.auto(survey, bg) : settings.tissueOd();
        int chromogen = settings.vectors().chromogenIndex();
        int counter = settings.vectors().counterstainIndex();
        ScoringLookup lut = new ScoringLookup(settings.matrix(), bg, chromogen, counter);
        PackedScoringLookup packed = PackedScoringLookup.forMatrix(settings.matrix(), bg, chromogen, counter);
        byte[] tissueMask = settings.tissueMask().isActive()
                ? TissueMask.build(rgb, width, height, bg, t, settings.tissueMask()) : null;
        return new Calibration(bg, t, lut, packed, tissueMask);
    }

    /**
     * Counts pixels in one parallel pass: each worker thread takes every n-th block of about a
     * million pixels into its own {@link RangeCounter}; the workers' counts are added at the end.
     *
     * @param rgb    packed RGB pixels, row by row
     * @param mask   null for the whole image, else non-zero where pixels are analysed
     */
    public PixelCounts count(int[] rgb, int width, int height, byte[] mask, Calibration cal,
            ProgressListener progress) {
        if (rgb.length != width * height || (mask != null && mask.length != rgb.length)) {
            throw new IllegalArgumentException("pixel or mask array does not match " + width + "x" + height);
        }
        if (cal.tissueMask != null) {
            // the cleaned mask decides tissue: count inside it with no per-pixel threshold, then restore
            // the analysed area (image or region) as the denominator of the tissue fraction
            Calibration inMask = new Calibration(cal.background, 0, cal.lookup, cal.packed, null);
            PixelCounts c = count(rgb, width, height, combine(mask, cal.tissueMask), inMask, progress);
            c.analysed = mask == null ? rgb.length : nonZero(mask);
            return c;
        }
        int rowsPerBlock = Math.max(1, (1 << 20) / Math.max(1, width));
        int blocks = (height + rowsPerBlock - 1) / rowsPerBlock;
        int workers = Math.max(1, Math.min(blocks, Threads.count()));
        PixelCounts[] parts = new PixelCounts[workers];
        int[] done = {0};
        IntStream.range(0, workers).parallel().forEach(wk -> {
            RangeCounter counter = cal.packed != null ? new HistogramCounter(cal.packed, cal.tissueOd, settings)
                    : new FixedPointCounter(cal.lookup, cal.tissueOd, settings);
            for (int bi = wk; bi < blocks; bi += workers) {
                progress.checkCancelled();
                int start = bi * rowsPerBlock * width;
                int end = Math.min(height, (bi + 1) * rowsPerBlock) * width;
                if (mask == null) {
                    counter.add(rgb, start, end);
                } else {
                    addMaskedRuns(counter, rgb, mask, start, end);
                }
                synchronized (done) {
                    done[0]++;
                    progress.progress(done[0] / (double) blocks, "scoring");
                }
            }
            parts[wk] = counter.result();
        });
        PixelCounts total = new PixelCounts();
        for (PixelCounts p : parts) {
            total.add(p);
        }
        return total;
    }

    private static byte[] combine(byte[] region, byte[] tissue) {
        if (region == null) {
            return tissue;
        }
        byte[] out = new byte[tissue.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (region[i] != 0 && tissue[i] != 0 ? 1 : 0);
        }
        return out;
    }

    private static long nonZero(byte[] mask) {
        long n = 0;
        for (byte b : mask) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * A private tally for one worker of a tiled scan (whole slides): pixels are added range by
     * range with the same tables as {@link #count}, and the workers' counts are added at the end.
     * Not thread-safe; one per thread.
     */
    public static final class Tally {
        private final RangeCounter counter;

        Tally(RangeCounter counter) {
            this.counter = counter;
        }

        /** Counts pixels {@code from <= i < to} of {@code rgb}. */
        public void add(int[] rgb, int from, int to) {
            counter.add(rgb, from, to);
        }

        public PixelCounts counts() {
            return counter.result();
        }
    }

    public Tally newTally(Calibration cal) {
        return new Tally(cal.packed != null ? new HistogramCounter(cal.packed, cal.tissueOd, settings)
                : new FixedPointCounter(cal.lookup, cal.tissueOd, settings));
    }

    /**
     * The per-pixel class decision of {@link #classify} as a function (-1 glass, 0 negative tissue,
     * 1 weak, 2 moderate, 3 strong), for overlays drawn from samples of a tiled scan.
     */
    public java.util.function.IntUnaryOperator classifier(Calibration cal) {
        PixelClassifier c = cal.packed != null ? packedClassifier(cal.packed, cal.tissueOd)
                : fixedClassifier(cal.lookup, cal.tissueOd);
        return c::classOf;
    }

    /** Counts the runs of non-zero mask values. */
    private static void addMaskedRuns(RangeCounter counter, int[] rgb, byte[] mask, int start, int end) {
        int i = start;
        while (i < end) {
            while (i < end && mask[i] == 0) {
                i++;
            }
            int runStart = i;
            while (i < end && mask[i] != 0) {
                i++;
            }
            if (i > runStart) {
                counter.add(rgb, runStart, i);
            }
        }
    }

    /**
     * Class of every pixel for overlays, decided with the same tables and fixed-point thresholds
     * as {@link #count}: -1 outside the analysed area or glass, 0 negative tissue, 1 weak,
     * 2 moderate, 3 strong.
     */
    public byte[] classify(int[] rgb, int width, int height, byte[] mask, Calibration cal) {
        if (cal.tissueMask != null) {
            return classify(rgb, width, height, combine(mask, cal.tissueMask),
                    new Calibration(cal.background, 0, cal.lookup, cal.packed, null));
        }
        byte[] out = new byte[rgb.length];
        PixelClassifier classifier = cal.packed != null ? packedClassifier(cal.packed, cal.tissueOd)
                : fixedClassifier(cal.lookup, cal.tissueOd);
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int i = y * width; i < (y + 1) * width; i++) {
                out[i] = (mask != null && mask[i] == 0) ? -1 : classifier.classOf(rgb[i]);
            }
        });
        return out;
    }

    /** Class of one pixel: -1 glass, 0..3 tissue classes. */
    private interface PixelClassifier {
        byte classOf(int rgb);
    }

    private PixelClassifier packedClassifier(PackedScoringLookup pk, double tissueOd) {
        final int tissue = pk.totalThreshold(tissueOd);
        final int weak = pk.chromogenThreshold(settings.weak());
        final int moderate = pk.chromogenThreshold(settings.moderate());
        final int strong = pk.chromogenThreshold(settings.strong());
        final int shift = PackedScoringLookup.FIELD_BITS;
        return p -> {
            long v = pk.redGreen()[(p >>> 8) & 0xffff] + pk.blue()[p & 0xff];
            if ((int) (v >>> (2 * shift)) < tissue) {
                return -1;
            }
            int c = (int) ((v >>> shift) & PackedScoringLookup.FIELD_MASK);
            return (byte) (c >= strong ? 3 : c >= moderate ? 2 : c >= weak ? 1 : 0);
        };
    }

    private PixelClassifier fixedClassifier(ScoringLookup lookup, double tissueOd) {
        final int tissue = ScoringLookup.fixed(tissueOd);
        final int weak = ScoringLookup.fixed(settings.weak());
        final int moderate = ScoringLookup.fixed(settings.moderate());
        final int strong = ScoringLookup.fixed(settings.strong());
        return p -> {
            if (lookup.total(p) < tissue) {
                return -1;
            }
            int c = lookup.chromogen(p);
            return (byte) (c >= strong ? 3 : c >= moderate ? 2 : c >= weak ? 1 : 0);
        };
    }
}
