package org.ihcblotquant.blot;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything found on one membrane image: lanes, band rows with measurements, lane profiles, warnings. */
public final class BlotAnalysis {
    private final String name;
    private final SignalImage image;
    private final Rectangle roi;
    private final List<Lane> lanes;
    private final List<BandRow> rows;
    private final double[][] laneProfiles;
    private final double[][] laneBaselines;
    private final List<String> warnings;
    private int ladderLane = -1;
    private double deskewDegrees;

    BlotAnalysis(String name, SignalImage image, Rectangle roi, List<Lane> lanes, List<BandRow> rows,
            double[][] laneProfiles, double[][] laneBaselines, List<String> warnings) {
        this.name = name;
        this.image = image;
        this.roi = new Rectangle(roi);
        this.lanes = Collections.unmodifiableList(new ArrayList<>(lanes));
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.laneProfiles = laneProfiles;
        this.laneBaselines = laneBaselines;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    /** The image's name as it appears in the table's {@code image} column. */
    public String name() {
        return name;
    }

    public SignalImage image() {
        return image;
    }

    public Rectangle roi() {
        return new Rectangle(roi);
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Band rows, top to bottom. */
    public List<BandRow> rows() {
        return rows;
    }

    public BandRow row(String protein) {
        for (BandRow r : rows) {
            if (r.name().equals(protein)) {
                return r;
            }
        }
        return null;
    }

    /** Mean signal across each lane for every row of the region (index 0 = roi.y). */
    public double[][] laneProfiles() {
        return laneProfiles;
    }

    /** Background per row of each lane profile, inside band boxes (NaN elsewhere, except rolling ball). */
    public double[][] laneBaselines() {
        return laneBaselines;
    }

    /**
     * The band rows' tilt the image was turned back by before measuring (0: measured as scanned);
     * {@link #image()}, lanes and boxes are in the turned frame.
     */
    public double deskewDegrees() {
        return deskewDegrees;
    }

    void setDeskewDegrees(double degrees) {
        deskewDegrees = degrees;
    }

    /** The molecular-weight ladder's lane index (0-based), or -1 when there is none. */
    public int ladderLane() {
        return ladderLane;
    }

    void setLadderLane(int k) {
        ladderLane = k;
    }

    public List<String> warnings() {
        return warnings;
    }
}
