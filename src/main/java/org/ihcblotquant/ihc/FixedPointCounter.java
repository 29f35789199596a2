package org.ihcblotquant.ihc;

import org.ihcblotquant.stain.ScoringLookup;

/**
 * Scoring loop for stain matrices whose inverse is too large for the packed tables: separate
 * fixed-point tables per channel, comparisons per pixel. Slower, same definitions.
 */
final class FixedPointCounter implements RangeCounter {
    private final ScoringLookup lookup;
    private final int tissue;
    private final int weak;
    private final int moderate;
    private final int strong;
    private long analysed;
    private long nTissue;
    private long n1;
    private long n2;
    private long n3;
    private long sumR;
    private long sumG;
    private long sumB;
    private long pos;

    FixedPointCounter(ScoringLookup lookup, double tissueOd, IhcSettings settings) {
        this.lookup = lookup;
        this.tissue = ScoringLookup.fixed(tissueOd);
        this.weak = ScoringLookup.fixed(settings.weak());
        this.moderate = ScoringLookup.fixed(settings.moderate());
        this.strong = ScoringLookup.fixed(settings.strong());
    }

    @Override
    public void add(int[] rgb, int start, int end) {
        final int[] lr = lookup.red();
        final int[] lg = lookup.green();
        final int[] lb = lookup.blue();
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
            sumR += odR;
            sumG += odG;
            sumB += odB;
            if (c >= weak) {
                n1++;
                pos += c;
                if (c >= moderate) {
                    n2++;
                    if (c >= strong) {
                        n3++;
                    }
                }
            }
        }
        analysed += end - start;
    }

    @Override
    public PixelCounts result() {
        PixelCounts pc = new PixelCounts();
        pc.analysed = analysed;
        pc.classes[0] = nTissue - n1;
        pc.classes[1] = n1 - n2;
        pc.classes[2] = n2 - n3;
        pc.classes[3] = n3;
        pc.chromogenSum = lookup.chromogenTotal(sumR, sumG, sumB);
        pc.counterSum = lookup.counterTotal(sumR, sumG, sumB);
        pc.chromogenPositiveSum = pos / ScoringLookup.ONE;
        return pc;
    }
}
