package org.ihcblotquant.ihc;

/**
 * Additive pixel tallies of one image or region: analysed pixels, tissue pixels per intensity
 * class and OD sums. Kept raw so that slides pool pixels exactly (tissue-weighted, not a mean of
 * means) and every derived score is computed in one place.
 */
public final class PixelCounts {
    /** Pixels inside the analysed area (image, ROI or mask). */
    public long analysed;
    /** Tissue pixels per class: 0 negative, 1 weak, 2 moderate, 3 strong. */
    public final long[] classes = new long[4];
    /** Sum of chromogen (DAB) OD over tissue. */
    public double chromogenSum;
    /** Sum of chromogen OD over positive (weak or above) tissue pixels. */
    public double chromogenPositiveSum;
    /** Sum of counterstain (hematoxylin) OD over tissue. */
    public double counterSum;

    public void add(PixelCounts o) {
        analysed += o.analysed;
        for (int k = 0; k < 4; k++) {
            classes[k] += o.classes[k];
        }
        chromogenSum += o.chromogenSum;
        chromogenPositiveSum += o.chromogenPositiveSum;
        counterSum += o.counterSum;
    }

    public long tissue() {
        return classes[0] + classes[1] + classes[2] + classes[3];
    }

    public long positive() {
        return classes[1] + classes[2] + classes[3];
    }

    public double tissueFraction() {
        return analysed == 0 ? Double.NaN : tissue() / (double) analysed;
    }

    public double meanChromogen() {
        return chromogenSum / tissue();
    }

    /** Mean chromogen OD over positive pixels; NaN when none is positive. */
    public double meanChromogenPositive() {
        return positive() == 0 ? Double.NaN : chromogenPositiveSum / positive();
    }

    public double positiveFraction() {
        return positive() / (double) tissue();
    }

    /** Percentage of tissue pixels in class k (1 weak, 2 moderate, 3 strong). */
    public double percent(int k) {
        return 100.0 * classes[k] / tissue();
    }

    /** 1 x weak% + 2 x moderate% + 3 x strong%, 0..300. */
    public double hScore() {
        return percent(1) + 2 * percent(2) + 3 * percent(3);
    }

    public double meanCounter() {
        return counterSum / tissue();
    }
}
