package org.ihcblotquant.blot;

import java.awt.Rectangle;

/**
 * One protein across the lanes: a band box per lane (the band found there, or the position
 * interpolated from the neighbouring lanes when the lane has no band), and its measurement.
 */
public final class BandRow {
    private String name;
    private final Rectangle[] boxes;
    private final boolean[] detected;
    private final BandMeasurement[] measurements;
    private double strength;
    /** Each band's peak row (image y) once boxes reach the bands' own extents; null before. */
    private double[] peakY;

    public BandRow(String name, Rectangle[] boxes, boolean[] detected) {
        this.name = name;
        this.boxes = new Rectangle[boxes.length];
        for (int i = 0; i < boxes.length; i++) {
            this.boxes[i] = new Rectangle(boxes[i]);
        }
        this.detected = detected.clone();
        this.measurements = new BandMeasurement[boxes.length];
    }

    /**
     * How clearly the row stands out: the summed prominence of its bands in the lane profiles (0
     * for rows placed by the user). Rows are ranked by it when more rows are found than named; the
     * measured signal would favour wide smears such as a membrane edge.
     */
    public double strength() {
        return strength;
    }

    void setStrength(double s) {
        this.strength = s;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public int laneCount() {
        return boxes.length;
    }

    /** Band box in lane {@code laneIndex} (0-based). */
    public Rectangle box(int laneIndex) {
        return new Rectangle(boxes[laneIndex]);
    }

    void setBox(int laneIndex, Rectangle box) {
        boxes[laneIndex] = new Rectangle(box);
    }

    /** Whether a band was found in that lane (false: box placed by interpolation). */
    public boolean detected(int laneIndex) {
        return detected[laneIndex];
    }

    public BandMeasurement measurement(int laneIndex) {
        return measurements[laneIndex];
    }

    void setMeasurement(int laneIndex, BandMeasurement m) {
        measurements[laneIndex] = m;
    }

    void setPeakY(double[] y) {
        peakY = y.clone();
    }

    /**
     * Mean position of the row's bands (their peak rows once each band has its own box, else the
     * box centres), for ordering rows top to bottom and saying where a row is.
     */
    public double meanY() {
        if (peakY != null) {
            double s = 0;
            for (double y : peakY) {
                s += y;
            }
            return s / peakY.length;
        }
        double s = 0;
        for (Rectangle r : boxes) {
            s += r.y + r.height / 2.0;
        }
        return s / boxes.length;
    }

    /** Sum of measured signals (rows are ranked by it when more rows are found than named). */
    public double totalSignal() {
        double s = 0;
        for (BandMeasurement m : measurements) {
            if (m != null && !Double.isNaN(m.signal())) {
                s += m.signal();
            }
        }
        return s;
    }
}
