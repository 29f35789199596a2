package org.ihcblotquant.job;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.process.ImageProcessor;

import org.ihcblotquant.blot.BackgroundMethod;
import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.blot.Polarity;
import org.ihcblotquant.blot.SignalImage;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;

/**
 * Re-measures bands at boxes the user placed or edited: regions named {@code laneN:protein}
 * (band boxes) and {@code laneN} (lane strips), as Blot Analyze names them in the ROI Manager. A
 * band's lane strip comes from its lane region, or is the band's columns over the whole image
 * height when there is none. Lanes must be numbered 1..N without gaps, and every protein needs a
 * box in every lane.
 */
public final class BlotMeasureJob implements Job<BlotMeasureJob.Request, BlotMeasureJob.Outcome> {

    private static final Pattern BAND = Pattern.compile("lane(\\d+):(.+)");
    private static final Pattern LANE = Pattern.compile("lane(\\d+)");

    /** A named rectangle (a ROI Manager entry). */
    public static final class NamedBox {
        final String name;
        final Rectangle box;

        public NamedBox(String name, Rectangle box) {
            this.name = name == null ? "" : name.trim();
            this.box = new Rectangle(box);
        }
    }

    /** Immutable request. */
    public static final class Request {
        final String title;
        final ImageProcessor image;
        final boolean lossy;
        final Polarity polarity;
        final BackgroundMethod background;
        final List<NamedBox> boxes;
        final String control;
        final int[] referenceLanes;
        final double minSnr;
        final double maxControlCv;

        public Request(String title, ImageProcessor image, boolean lossy, Polarity polarity, BackgroundMethod background,
                List<NamedBox> boxes, String control, int[] referenceLanes, double minSnr, double maxControlCv) {
            this.title = title;
            this.image = image;
            this.lossy = lossy;
            this.polarity = polarity;
            this.background = background;
            this.boxes = Collections.unmodifiableList(new ArrayList<>(boxes));
            this.control = control == null || control.trim().isEmpty() ? null : control.trim();
            this.referenceLanes = referenceLanes.clone();
            this.minSnr = minSnr;
            this.maxControlCv = maxControlCv;
        }
    }

    /** The analysis (for the overlay), the table, the lane and protein counts. */
    public static final class Outcome extends JobOutcome {
        private final BlotAnalysis analysis;
        private final Table table;

        Outcome(Provenance p, List<String> warnings, BlotAnalysis analysis, Table table) {
            super(p, warnings);
            this.analysis = analysis;
            this.table = table;
        }

        public BlotAnalysis analysis() {
            return analysis;
        }

        public Table table() {
            return table;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        if (q.image.getBitDepth() == 32) {
            throw new InputException(q.title + ": 32-bit float image; give the scanner's 8- or 16-bit file");
        }
        Map<Integer, Rectangle> laneRects = new TreeMap<>();
        Map<String, Map<Integer, Rectangle>> bands = new LinkedHashMap<>();
        for (NamedBox r : q.boxes) {
            Matcher b = BAND.matcher(r.name);
            Matcher l = LANE.matcher(r.name);
            if (b.matches()) {
                bands.computeIfAbsent(b.group(2), k -> new TreeMap<>()).put(Integer.parseInt(b.group(1)), r.box);
            } else if (l.matches()) {
                laneRects.put(Integer.parseInt(l.group(1)), r.box);
            }
        }
        if (bands.isEmpty()) {
            throw new InputException("no band regions named laneN:protein (e.g. lane3:actin); "
                    + "run Blot Analyze first or name your rectangles that way");
        }
        int nLanes = 0;
        for (Map<Integer, Rectangle> m : bands.values()) {
            for (int k : m.keySet()) {
                nLanes = Math.max(nLanes, k);
            }
        }
        for (int k : laneRects.keySet()) {
            nLanes = Math.max(nLanes, k);
        }
        List<Lane> lanes = new ArrayList<>();
        for (int k = 1; k <= nLanes; k++) {
            Rectangle lr = laneRects.get(k);
            if (lr == null) {
                lr = stripOf(bands, k, q.image.getHeight());
            }
            if (lr == null) {
                throw new InputException("lane " + k + " has neither a lane region nor band regions (lanes are "
                        + "numbered 1.." + nLanes + " without gaps)");
            }
            lanes.add(new Lane(k, lr));
        }
        Map<String, Rectangle[]> boxes = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Rectangle>> e : bands.entrySet()) {
            Rectangle[] arr = new Rectangle[nLanes];
            for (Map.Entry<Integer, Rectangle> b : e.getValue().entrySet()) {
                arr[b.getKey() - 1] = b.getValue();
            }
            for (int k = 0; k < nLanes; k++) {
                if (arr[k] == null) {
                    throw new InputException("protein " + e.getKey() + " has no region in lane " + (k + 1)
                            + " (add lane" + (k + 1) + ":" + e.getKey() + ")");
                }
            }
            boxes.put(e.getKey(), arr);
        }
        SignalImage img = SignalImage.of(q.image, q.polarity, null);
        BlotAnalysis a = BlotAnalyzer.remeasure(q.title, img, lanes, boxes, q.background);
        BlotQuantifier.Quantification quant = BlotQuantifier.quantify(Collections.singletonList(a), q.control,
                q.referenceLanes, q.minSnr, q.maxControlCv);
        List<String> warnings = new ArrayList<>();
        if (q.lossy) {
            warnings.add(q.title + ": JPEG (lossy) file: compression changes band intensities; "
                    + "quantify the original TIFF/PNG scan");
        }
        for (String w : img.warnings()) {
            warnings.add(q.title + ": " + w);
        }
        for (String w : quant.warnings) {
            if (!img.warnings().contains(w) && !warnings.contains(w)) {
                warnings.add(w);
            }
        }
        Provenance prov = Provenance.start("Blot Measure");
        prov.put("input", q.title);
        prov.put("signal", img.describeConversion());
        prov.put("regions", nLanes + " lanes, proteins " + String.join(", ", boxes.keySet()) + " (edited boxes)");
        prov.put("background", q.background + " = " + q.background.describe());
        prov.put("control", q.control == null ? "none" : q.control);
        prov.put("reference lanes", Arrays.toString(q.referenceLanes));
        prov.put("min snr", q.minSnr);
        prov.put("max control cv %", 100 * q.maxControlCv);
        for (int i = 0; i < warnings.size(); i++) {
            prov.put("warning " + (i + 1), warnings.get(i));
        }
        Table t = quant.table;
        t.addComments(prov.lines());
        return new Outcome(prov, warnings, a, t);
    }

    /** The columns of a lane's band boxes over the whole image height. */
    private static Rectangle stripOf(Map<String, Map<Integer, Rectangle>> bands, int lane, int height) {
        Rectangle u = null;
        for (Map<Integer, Rectangle> m : bands.values()) {
            Rectangle r = m.get(lane);
            if (r != null) {
                u = u == null ? new Rectangle(r) : u.union(r);
            }
        }
        return u == null ? null : new Rectangle(u.x, 0, u.width, height);
    }
}
