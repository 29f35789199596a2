package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.testutil.FijiMacroRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-check with ImageJ itself. A real ImageJ (the ij jar, -batch macro) reads the lane profile of
 * every lane rectangle the way its Gel Analyzer plots it (a rectangle's vertical profile: the mean
 * across the lane per row, {@code getProfile()} with Alt held, which is Analyze > Gels' lane
 * profile for vertical lanes). On that profile a straight baseline is drawn between the band's
 * flanking minima, as a Gel Analyzer user draws it with the straight-line tool, and the peak
 * area above it times the lane width is the band's signal. The wand-and-line clicks of
 * Analyze > Gels themselves cannot be driven from a macro, so the area is summed here from
 * ImageJ's profile values. Images: ImageJ's "Gel" sample (5 lanes) and the rasilab 10xaag crops.
 * Our per-band signals agree within 5 %.
 */
class GelAnalyzerCrossCheckTest {

    /** One band to check: image, lane rectangle, band rows, our signal, whether bands are dark. */
    static final class Band {
        final String image;
        final Rectangle lane;
        final int top;
        final int bottom;
        final double ours;
        final boolean dark;

        Band(String image, Rectangle lane, int top, int bottom, double ours, boolean dark) {
            this.image = image;
            this.lane = lane;
            this.top = top;
            this.bottom = bottom;
            this.ours = ours;
            this.dark = dark;
        }
    }

    static List<Band> bands(String image, BlotSettings s, String... rows) {
        BlotAnalysis a = RealBlotImagesTest.analyze(image, s, rows);
        List<Band> out = new ArrayList<>();
        Rectangle roi = a.roi();
        for (BandRow r : a.rows()) {
            for (int k = 0; k < r.laneCount(); k++) {
                BandMeasurement m = r.measurement(k);
                if (!r.detected(k) || !(m.snr() >= 10)) {
                    continue;
                }
                Rectangle lane = a.lanes().get(k).bounds();
                Rectangle box = r.box(k);
                out.add(new Band(image, new Rectangle(lane.x, roi.y, lane.width, roi.height), box.y - roi.y,
                        box.y + box.height - 1 - roi.y, m.signal(), a.image().polarity() == Polarity.DARK));
            }
        }
        return out;
    }

    @Test
    void perBandSignalsMatchImageJsLaneProfiles(@TempDir Path dir) throws Exception {
        List<Band> all = new ArrayList<>(bands("ij_sample_gel.gif", new BlotSettings()));
        BlotSettings flag = new BlotSettings();
        flag.roi = RasilabCropAccuracyTest.FLAG_CROP;
        flag.lanes = 6;
        all.addAll(bands("rasilab_10xaag_wt_flag.png", flag, "FLAG"));
        BlotSettings h3 = new BlotSettings();
        h3.roi = RasilabCropAccuracyTest.H3_CROP;
        h3.lanes = 6;
        all.addAll(bands("rasilab_10xaag_wt_h3.png", h3, "H3"));
        StringBuilder macro = new StringBuilder();
        String open = null;
        for (int i = 0; i < all.size(); i++) {
            Band b = all.get(i);
            if (!b.image.equals(open)) {
                macro.append("close(\"*\");\nopen(\"")
                        .append(FijiMacroRunner.macroPath(RealBlotImagesTest.image(b.image))).append("\");\n")
                        .append("if (bitDepth() == 24) run(\"8-bit\");\n");
                open = b.image;
            }
            Rectangle l = b.lane;
            macro.append("makeRectangle(").append(l.x).append(", ").append(l.y).append(", ").append(l.width)
                    .append(", ").append(l.height).append(");\n")
                    .append("setKeyDown(\"alt\"); p = getProfile(); setKeyDown(\"none\");\n")
                    .append("s = \"PROFILE ").append(i).append("\"; for (j = 0; j < p.length; j++) s = s + \" \" + p[j];\n")
                    .append("print(s);\n");
        }
        FijiMacroRunner.Result res = FijiMacroRunner.run(macro.toString(), dir, 180);
        StringBuilder report = new StringBuilder();
        int checked = 0;
        for (String line : res.stdout.split("\\R")) {
            if (!line.startsWith("PROFILE ")) {
                continue;
            }
            String[] f = line.trim().split(" ");
            Band b = all.get(Integer.parseInt(f[1]));
            double[] p = new double[f.length - 2];
            for (int j = 0; j < p.length; j++) {
                double v = Double.parseDouble(f[j + 2]);
                p[j] = b.dark ? 255 - v : v;
            }
            // the rasilab crops' first and last rows hold the anti-aliased edge of the crop box drawn
            // into the scan; a user does not set the line's end on it but one row inside
            int top = b.top == 0 ? 1 : b.top;
            int bottom = b.bottom == p.length - 1 ? p.length - 2 : b.bottom;
            double gelAnalyzer = straightLineArea(p, top, bottom) * b.lane.width;
            report.append(String.format("%s x=%d rows %d-%d: ImageJ %.0f, ours %.0f%n", b.image, b.lane.x,
                    b.top, b.bottom, gelAnalyzer, b.ours));
            assertEquals(gelAnalyzer, b.ours, 0.05 * Math.abs(gelAnalyzer), report.toString());
            checked++;
        }
        assertTrue(checked == all.size() && checked >= 20, checked + " of " + all.size() + " checked\n" + res);
        System.out.print(report);
    }

    /**
     * The area above a straight line drawn between the flanking minima at rows top and bottom,
     * each taken at the level of the valley floor (the mean of the 3 rows around it, where a
     * person sets the line's end).
     */
    static double straightLineArea(double[] p, int top, int bottom) {
        double a = mean3(p, top);
        double z = mean3(p, bottom);
        double s = 0;
        for (int i = top; i <= bottom; i++) {
            double t = bottom == top ? 0.5 : (i - top) / (double) (bottom - top);
            s += p[i] - (a + (z - a) * t);
        }
        return s;
    }

    static double mean3(double[] p, int i) {
        double s = 0;
        int n = 0;
        // never the profile's end rows (the crops' drawn crop-box edge)
        for (int j = Math.max(1, i - 1); j <= Math.min(p.length - 2, i + 1); j++) {
            s += p[j];
            n++;
        }
        return s / n;
    }
}
