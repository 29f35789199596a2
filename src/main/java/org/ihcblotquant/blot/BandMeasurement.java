package org.ihcblotquant.blot;

import java.util.ArrayList;
import java.util.List;

/**
 * Densitometry of one band box, in signal-up units (LI-COR convention):
 * {@code signal = total - background x area}, where {@code background} is per pixel.
 */
public final class BandMeasurement {
    /** Bands with fewer saturated pixels than this are not flagged (isolated hot/dead pixels). */
    public static final int MIN_SATURATED_PIXELS = 3;

    private final double total;
    private final double background;
    private final long area;
    private final double peak;
    private final double saturatedPct;
    private final boolean flatTop;
    private final double snr;
    private final boolean detected;
    private final long saturatedPixels;
    private final String backgroundNote;

    public BandMeasurement(double total, double background, long area, double peak, long saturatedPixels,
            boolean flatTop, double snr, boolean detected) {
        this(total, background, area, peak, saturatedPixels, flatTop, snr, detected, null);
    }

    /**
     * @param backgroundNote why the background method was overridden for this band (a border ring
     *                       lying on the band or holding clipped pixels), or null
     */
    public BandMeasurement(double total, double background, long area, double peak, long saturatedPixels,
            boolean flatTop, double snr, boolean detected, String backgroundNote) {
        this.backgroundNote = backgroundNote;
        this.total = total;
        this.background = background;
        this.area = area;
        this.peak = peak;
        this.saturatedPixels = saturatedPixels;
        this.saturatedPct = area == 0 ? 0 : 100.0 * saturatedPixels / area;
        this.flatTop = flatTop;
        this.snr = snr;
        this.detected = detected;
    }

    /** Sum of signal-up values in the box. */
    public double total() {
        return total;
    }

    /** Background per pixel. */
    public double background() {
        return background;
    }

    public long area() {
        return area;
    }

    /** total - background x area. */
    public double signal() {
        return total - background * area;
    }

    /** Highest signal-up pixel in the box. */
    public double peak() {
        return peak;
    }

    public double saturatedPct() {
        return saturatedPct;
    }

    public boolean isSaturated() {
        return saturatedPixels >= MIN_SATURATED_PIXELS;
    }

    /** Three or more consecutive rows of the box at least half saturated: a clipped, flat-topped profile. */
    public boolean flatTop() {
        return flatTop;
    }

    /** (mean of the box - local background) / SD of the local background (ring around the box). */
    public double snr() {
        return snr;
    }

    public boolean detected() {
        return detected;
    }

    /**
     * {@code ok}, or the problems: {@code no band}, {@code saturated}, {@code low-snr}, and a note when
     * a border ring was replaced by the profile baseline ({@code ring on band: ...}, {@code ring
     * clipped: ...}), joined by ';'.
     */
    public String status(double minSnr) {
        List<String> s = new ArrayList<>();
        if (!detected) {
            s.add("no band");
        }
        if (isSaturated()) {
            s.add("saturated");
        }
        if (detected && !(snr >= minSnr)) {
            s.add("low-snr");
        }
        if (backgroundNote != null) {
            s.add(backgroundNote);
        }
        return s.isEmpty() ? "ok" : String.join(";", s);
    }
}
