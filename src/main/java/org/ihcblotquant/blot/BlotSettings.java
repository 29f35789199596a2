package org.ihcblotquant.blot;

import java.awt.Rectangle;

/** How one membrane image is analysed. Defaults: automatic polarity and lanes, lane-profile (Gel Analyzer) background. */
public final class BlotSettings {
    /** Below this signal-to-noise ratio a band is flagged {@code low-snr}. */
    public static final double DEFAULT_MIN_SNR = 3;
    /** Loading-control coefficient of variation across lanes above which a warning is given. */
    public static final double DEFAULT_MAX_CONTROL_CV = 0.20;

    public Polarity polarity = Polarity.AUTO;
    public BackgroundMethod background = BackgroundMethod.profile();
    /** Number of lanes wanted, 0 = detect. */
    public int lanes;
    /** Lane centres (image x) given by the user, or null. */
    public double[] laneCentres;
    /** Lane width for {@link #laneCentres}, 0 = automatic. */
    public int laneWidth;
    /** Region holding the lanes, or null for the whole image. */
    public Rectangle roi;
    public double minSnr = DEFAULT_MIN_SNR;
    public double maxControlCv = DEFAULT_MAX_CONTROL_CV;
    /** Where the molecular-weight marker lane is (left out of normalisation). */
    public Ladder ladder = Ladder.AUTO;
    /** Two rows whose bands are not resolved down to the baseline measured as one band. */
    public boolean mergeDoublets;

    public BlotSettings copy() {
        BlotSettings s = new BlotSettings();
        s.polarity = polarity;
        s.background = background;
        s.lanes = lanes;
        s.laneCentres = laneCentres == null ? null : laneCentres.clone();
        s.laneWidth = laneWidth;
        s.roi = roi == null ? null : new Rectangle(roi);
        s.minSnr = minSnr;
        s.maxControlCv = maxControlCv;
        s.ladder = ladder;
        s.mergeDoublets = mergeDoublets;
        return s;
    }
}
