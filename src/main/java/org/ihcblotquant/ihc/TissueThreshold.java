package org.ihcblotquant.ihc;

import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.GlassSurvey;

/**
 * Automatic tissue threshold on total optical density (sum of the three channel ODs).
 *
 * <p>Glass shows some OD of its own: noise and JPEG ripple around the estimated background, or a
 * uniform grey cast when I0 is fixed at 255 and the glass is darker. We measure that on the glass
 * blocks the background survey found: tissue is what exceeds the glass median by more than
 * {@code max(0.06, 2 x (q99.5 - median))}. 0.06 total OD is about 4.5 % darker than the glass in
 * every channel, below any stained tissue and above camera noise. Without glass the image is taken
 * to be mostly tissue and only near-white pixels (total OD below 0.06) are left out.</p>
 */
public final class TissueThreshold {
    /** Minimum margin above glass, in total OD. */
    public static final double MIN_MARGIN = 0.06;

    private TissueThreshold() {
    }

    public static double auto(GlassSurvey survey, Background background) {
        double[] q = survey.totalOdQuantiles(background);
        if (q == null) {
            return MIN_MARGIN;
        }
        return q[0] + Math.max(MIN_MARGIN, 2 * (q[1] - q[0]));
    }
}
