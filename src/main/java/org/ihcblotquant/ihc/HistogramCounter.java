package org.ihcblotquant.ihc;

import org.ihcblotquant.stain.PackedScoringLookup;

/**
 * The fast scoring loop. Per pixel: one read of the red-green table and one of the blue table give
 * total OD, chromogen and counterstain as packed fixed-point fields; glass is skipped; the tissue
 * pixel's chromogen value goes into a histogram and its counterstain into a sum. Class counts,
 * DAB sums and the positive sum come exactly from the histogram afterwards, which takes the class
 * comparisons and three accumulations out of the per-pixel work (about 1.7x faster than comparing).
 */
final class HistogramCounter implements RangeCounter {
    private final PackedScoringLookup lookup;
    private final int tissue;
    private final int weak;
    private final int moderate;
    private final int strong;
    private final int[] histogram = new int[PackedScoringLookup.CHROMOGEN_RANGE];
    private long counterRaw;
    private long analysed;

    HistogramCounter(PackedScoringLookup lookup, double tissueOd, IhcSettings settings) {
        this.lookup = lookup;
        this.tissue = lookup.totalThreshold(tissueOd);
        this.weak = lookup.chromogenThreshold(settings.weak());
        this.moderate = lookup.chromogenThreshold(settings.moderate());
        this.strong = lookup.chromogenThreshold(settings.strong());
    }

    @Override
    public void add(int[] rgb, int start, int end) {
        final long[] rg = lookup.redGreen();
        final long[] bl = lookup.blue();
        final int[] hist = histogram;
        final int t = tissue;
        final int shift = PackedScoringLookup.FIELD_BITS;
        final long mask = PackedScoringLookup.FIELD_MASK;
        long counter = 0;
        for (int i = start; i < end; i++) {
            int p = rgb[i];
            long v = rg[(p >>> 8) & 0xffff] + bl[p & 0xff];
            if ((int) (v >>> (2 * shift)) < t) {
                continue;
            }
            hist[(int) ((v >>> shift) & mask)]++;
            counter += v & mask;
        }
        counterRaw += counter;
        analysed += end - start;
    }

    @Override
    public PixelCounts result() {
        long n = 0;
        long n1 = 0;
        long n2 = 0;
        long n3 = 0;
        long sum = 0;
        long pos = 0;
        for (int c = 0; c < histogram.length; c++) {
            long h = histogram[c];
            if (h == 0) {
                continue;
            }
            n += h;
            sum += h * c;
            if (c >= weak) {
                n1 += h;
                pos += h * c;
                if (c >= moderate) {
                    n2 += h;
                    if (c >= strong) {
                        n3 += h;
                    }
                }
            }
        }
        PixelCounts pc = new PixelCounts();
        pc.analysed = analysed;
        pc.classes[0] = n - n1;
        pc.classes[1] = n1 - n2;
        pc.classes[2] = n2 - n3;
        pc.classes[3] = n3;
        pc.chromogenSum = lookup.toOd(sum, n);
        pc.chromogenPositiveSum = lookup.toOd(pos, n1);
        pc.counterSum = lookup.toOd(counterRaw, n);
        return pc;
    }
}
