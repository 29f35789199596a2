package org.ihcblotquant.ihc;

import java.util.stream.IntStream;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.GlassSurvey;
import org.ihcblotquant.stain.PackedScoringLookup;
import org.ihcblotquant.stain.ScoringLookup;

/**
 * Scores one RGB image: background, tissue detection, chromogen classes and OD sums in a single
 * parallel pass over the pixels, with no float image materialised: six integer table reads per
 * pixel ({@link ScoringLookup}).
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
        /** Null when the stain matrix needs more range than the packed tables have. */
        final PackedScoringLookup packed;

        Calibration(Background background, double tissueOd, ScoringLookup lookup, PackedScoringLookup packed) {
            this.background = background;
            this.tissueOd = tissueOd;
            this.lookup = lookup;
            this.packed = packed;
        }
    }

    /** Background and tissue threshold for this image, from its glass or the settings. */
    public Calibration calibrate(int[] rgb, int width, int height) {
        GlassSurvey survey = BackgroundEstimator.survey(rgb, width, height);
        Background bg = settings.background().resolve(survey);
        double t = settings.autoTissue() ? TissueThreshold.auto(survey, bg) : settings.tissueOd();
        int chromogen = settings.vectors().chromogenIndex();
        int counter = settings.vectors().counterstainIndex();
        ScoringLookup lut = new ScoringLookup(settings.matrix(), bg, chromogen, counter);
        PackedScoringLookup packed = PackedScoringLookup.forMatrix(settings.matrix(), bg, chromogen, counter);
        return new Calibration(bg, t, lut, packed);
    }

    /**
     * Counts pixels in one parallel pass.
     *
     * @param rgb    packed RGB pixels, row by row
     * @param mask   null for the whole image, else non-zero where pixels are analysed
     */
    public PixelCounts count(int[] rgb, int width, int height, byte[] mask, Calibration cal,
            ProgressListener progress) {
        if (rgb.length != width * height || (mask != null && mask.length != rgb.length)) {
            throw new IllegalArgumentException("pixel or mask array does not match " + width + "x" + height);
        }
        int rowsPerChunk = Math.max(1, (1 << 20) / Math.max(1, width));
        int chunks = (height + rowsPerChunk - 1) / rowsPerChunk;
        long[][] parts = new long[chunks][];
        int[] done = {0};
        IntStream.range(0, chunks).parallel().forEach(ci -> {
            progress.checkCancelled();
            int start = ci * rowsPerChunk * width;
            int end = Math.min(height, (ci + 1) * rowsPerChunk) * width;
            parts[ci] = mask == null ? countRange(rgb, start, end, cal) : countRangeMasked(rgb, mask, start, end, cal);
            synchronized (done) {
                done[0]++;
                progress.progress(done[0] / (double) chunks, "scoring");
            }
        });
        long[] t = new long[TALLY];
        for (long[] p : parts) {
            for (int k = 0; k < TALLY; k++) {
                t[k] += p[k];
            }
        }
        PixelCounts pc = new PixelCounts();
        pc.analysed = t[ANALYSED];
        if (cal.packed != null) {
            long n = t[TISSUE];
            pc.classes[0] = n - t[AT_LEAST_WEAK];
            pc.classes[1] = t[AT_LEAST_WEAK] - t[AT_LEAST_MODERATE];
            pc.classes[2] = t[AT_LEAST_MODERATE] - t[AT_LEAST_STRONG];
            pc.classes[3] = t[AT_LEAST_STRONG];
            pc.chromogenSum = cal.packed.toOd(t[OD_G], n);
            pc.counterSum = cal.packed.toOd(t[OD_B], n);
            pc.chromogenPositiveSum = cal.packed.toOd(t[POSITIVE_SUM], t[AT_LEAST_WEAK]);
            return pc;
        }
        pc.classes[0] = t[TISSUE] - t[AT_LEAST_WEAK];
        pc.classes[1] = t[AT_LEAST_WEAK] - t[AT_LEAST_MODERATE];
        pc.classes[2] = t[AT_LEAST_MODERATE] - t[AT_LEAST_STRONG];
        pc.classes[3] = t[AT_LEAST_STRONG];
        pc.chromogenSum = cal.lookup.chromogenTotal(t[OD_R], t[OD_G], t[OD_B]);
        pc.counterSum = cal.lookup.counterTotal(t[OD_R], t[OD_G], t[OD_B]);
        pc.chromogenPositiveSum = t[POSITIVE_SUM] / ScoringLookup.ONE;
        return pc;
    }

    // slots of the per-chunk tally
    private static final int ANALYSED = 0;
    private static final int TISSUE = 1;
    private static final int AT_LEAST_WEAK = 2;
    private static final int AT_LEAST_MODERATE = 3;
    private static final int AT_LEAST_STRONG = 4;
    private static final int OD_R = 5;
    private static final int OD_G = 6;
    private static final int OD_B = 7;
    private static final int POSITIVE_SUM = 8;
    private static final int TALLY = 9;

    /**
     * The hot loop. Cumulative class counts ({@code >= weak}, {@code >= moderate}, {@code >= strong})
     * are added from comparisons, without branches; per-channel OD sums stand for the stain sums.
     */
    private long[] countRange(int[] rgb, int start, int end, Calibration cal) {
        return cal.packed != null ? countRangePacked(rgb, start, end, cal) : countRangeFixed(rgb, start, end, cal);
    }

    /**
     * Packed variant: three long reads give total OD, chromogen and counterstain at once. Tally
     * slots OD_G and OD_B hold raw chromogen and counterstain field sums (offsets removed later).
     */
    private long[] countRangePacked(int[] rgb, int start, int end, Calibration cal) {
        final PackedScoringLookup pk = cal.packed;
        final long[] lr = pk.red();
        final long[] lg = pk.green();
        final long[] lb = pk.blue();
        final int tissue = pk.totalThreshold(cal.tissueOd);
        final int weak = pk.chromogenThreshold(settings.weak());
        final int moderate = pk.chromogenThreshold(settings.moderate());
        final int strong = pk.chromogenThreshold(settings.strong());
        final long mask = PackedScoringLookup.FIELD_MASK;
        final int shift = PackedScoringLookup.FIELD_BITS;
        long nTissue = 0;
        long n1 = 0;
        long n2 = 0;
        long n3 = 0;
        long sumChrom = 0;
        long sumCounter = 0;
        long pos = 0;
        for (int i = start; i < end; i++) {
            int p = rgb[i];
            long v = lr[(p >> 16) & 0xff] + lg[(p >> 8) & 0xff] + lb[p & 0xff];
            if ((int) (v >>> (2 * shift)) < tissue) {
                continue;
            }
            int c = (int) ((v >>> shift) & mask);
            nTissue++;
            sumChrom += c;
            sumCounter += v & mask;
            // branch-free class counts: (t - 1 - c) is negative exactly when c >= t (both < 2^21)
            int atLeastWeak = (weak - 1 - c) >>> 31;
            n1 += atLeastWeak;
            n2 += (moderate - 1 - c) >>> 31;
            n3 += (strong - 1 - c) >>> 31;
            pos += c & -atLeastWeak;
        }
        return new long[] {end - start, nTissue, n1, n2, n3, 0, sumChrom, sumCounter, pos};
    }

    private long[] countRangeFixed(int[] rgb, int start, int end, Calibration cal) {
        final int[] lr = cal.lookup.red();
        final int[] lg = cal.lookup.green();
        final int[] lb = cal.lookup.blue();
        final int tissue = ScoringLookup.fixed(cal.tissueOd);
        final int weak = ScoringLookup.fixed(settings.weak());
        final int moderate = ScoringLookup.fixed(settings.moderate());
        final int strong = ScoringLookup.fixed(settings.strong());
        long nTissue = 0;
        long n1 = 0;
        long n2 = 0;
        long n3 = 0;
        long sr = 0;
        long sg = 0;
        long sb = 0;
        long pos = 0;
        for (int i = start; i < end; i++) {
            int p = rgb[i];
            int ri = (p >> 15) & 0x1fe;
            int gi = (p >> 7) & 0x1fe;
            int bi = (p << 1) & 0x1fe;
            int odR = lr[ri];
            int odG = lg[gi];
            int odB = lb[bi];
            if (odR + odG + odB < tissue) {
                continue;
            }
            int c = lr[ri + 1] + lg[gi + 1] + lb[bi + 1];
            nTissue++;
            sr += odR;
            sg += odG;
            sb += odB;
            int isWeak = c >= weak ? 1 : 0;
            n1 += isWeak;
            n2 += c >= moderate ? 1 : 0;
            n3 += c >= strong ? 1 : 0;
            pos += c & -isWeak;
        }
        return new long[] {end - start, nTissue, n1, n2, n3, sr, sg, sb, pos};
    }

    private long[] countRangeMasked(int[] rgb, byte[] mask, int start, int end, Calibration cal) {
        long[] total = new long[TALLY];
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
                long[] t = countRange(rgb, runStart, i, cal);
                for (int k = 0; k < TALLY; k++) {
                    total[k] += t[k];
                }
            }
        }
        return total;
    }

    /**
     * Class of every pixel for overlays, decided exactly as {@link #count} does: -1 outside the
     * analysed area or glass, 0 negative tissue, 1 weak, 2 moderate, 3 strong.
     */
    public byte[] classify(int[] rgb, int width, int height, byte[] mask, Calibration cal) {
        byte[] out = new byte[rgb.length];
        final int tissue = ScoringLookup.fixed(cal.tissueOd);
        final int weak = ScoringLookup.fixed(settings.weak());
        final int moderate = ScoringLookup.fixed(settings.moderate());
        final int strong = ScoringLookup.fixed(settings.strong());
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int i = y * width; i < (y + 1) * width; i++) {
                int p = rgb[i];
                if ((mask != null && mask[i] == 0) || cal.lookup.total(p) < tissue) {
                    out[i] = -1;
                    continue;
                }
                int c = cal.lookup.chromogen(p);
                out[i] = (byte) (c >= strong ? 3 : c >= moderate ? 2 : c >= weak ? 1 : 0);
            }
        });
        return out;
    }
}
