package org.ihcblotquant.plate;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.Ticks;
import org.ihcblotquant.stats.plot.Canvas;
import org.ihcblotquant.stats.plot.Palette;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Bar chart of one plate in the style of the statistics bar chart: mean ± SD of the normalised
 * values per condition (control first, dose series in dose order; the blank is not drawn), every
 * used well as a point (outlier-flagged wells ringed in red), and significance marks against
 * the control (Dunnett's adjusted p; Welch's p when there are only two conditions).
 */
public final class PlateChart implements PlotFiles.Chart {

    private final PlateResult plate;
    private final String valueLabel;
    private final String title;
    private final List<ConditionSummary> bars = new ArrayList<>();

    public PlateChart(PlateResult plate, String title) {
        this.plate = plate;
        this.title = title;
        this.valueLabel = axisLabel(plate.normalisation);
        for (ConditionSummary c : plate.conditions) {
            if (c.role != ConditionSummary.Role.BLANK) {
                bars.add(c);
            }
        }
    }

    static String axisLabel(Normalisation n) {
        switch (n) {
            case PERCENT_OF_CONTROL:
                return "% of control";
            case FOLD:
                return "Fold of control";
            default:
                return "Blank-subtracted signal";
        }
    }

    /** "****" p &lt; 0.0001, "***" &lt; 0.001, "**" &lt; 0.01, "*" &lt; 0.05, else "ns" (GraphPad's convention). */
    public static String stars(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 1e-4 ? "****" : p < 1e-3 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "ns";
    }

    @Override
    public int width() {
        return Math.max(420, 150 + 84 * bars.size());
    }

    @Override
    public int height() {
        return 440;
    }

    @Override
    public void draw(Canvas c) {
        int k = bars.size();
        double left = 78;
        double right = c.width() - 20;
        double top = 58;
        double bottom = c.height() - 92;
        double lo = 0;
        double hi = 0;
        for (ConditionSummary s : bars) {
            for (double v : s.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double e = Double.isNaN(s.sd) ? 0 : s.sd;
            if (s.n > 0) {
                hi = Math.max(hi, s.mean + e);
                lo = Math.min(lo, s.mean - e);
            }
        }
        double[] ticks = Ticks.niceTicks(lo, hi * 1.08, 6);
        double yMin = ticks[0];
        double yMax = ticks[ticks.length - 1];
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
        String head = title != null && !title.isEmpty() ? title : "Plate " + plate.plate;
        c.text(head, (left + right) / 2, 18, 13, Canvas.Align.CENTER, true, Palette.TEXT, false);
        for (double t : ticks) {
            double yy = y.applyAsDouble(t);
            c.line(left, yy, right, yy, Palette.GRID, 0.6, false);
            c.line(left - 5, yy, left, yy, Palette.AXIS, 1, false);
            c.text(Report.num(t), left - 8, yy + 4, 11, Canvas.Align.RIGHT, false, Palette.TEXT, false);
        }
        double zeroY = y.applyAsDouble(Math.max(yMin, Math.min(0, yMax)));
        c.line(left, top - 6, left, bottom, Palette.AXIS, 1.2, false);
        c.line(left, zeroY, right, zeroY, Palette.AXIS, 1.2, false);
        if (plate.normalisation != Normalisation.NONE) {
            double ref = plate.normalisation == Normalisation.PERCENT_OF_CONTROL ? 100 : 1;
            c.line(left, y.applyAsDouble(ref), right, y.applyAsDouble(ref), new Color(0x888888), 0.8, true);
        }
        c.text(valueLabel + " (mean \u00b1 SD)", 20, (top + bottom) / 2, 12, Canvas.Align.CENTER, false, Palette.TEXT,
                true);
        double slot = (right - left) / k;
        double barW = Math.min(56, slot * 0.6);
        List<String> series = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            ConditionSummary s = bars.get(g);
            if (!series.contains(s.series)) {
                series.add(s.series);
            }
            Color col = s.role == ConditionSummary.Role.CONTROL ? new Color(0x555555)
                    : Palette.group(series.indexOf(s.series));
            double cx = left + slot * (g + 0.5);
            if (s.n > 0) {
                double my = y.applyAsDouble(s.mean);
                c.rect(cx - barW / 2, Math.min(my, zeroY), barW, Math.abs(zeroY - my), Palette.tint(col, 0.7), col,
                        1.2);
            }
            int i = 0;
            for (WellResult w : plate.wells) {
                if (!w.used || !w.condition.equals(s.condition)) {
                    continue;
                }
                double jitter = ((i++ * 0.618034) % 1.0 - 0.5) * barW * 0.6;
                double py = y.applyAsDouble(w.normalised);
                c.circle(cx + jitter, py, 3.2, Palette.alpha(col, 200), Color.WHITE);
                if (w.isOutlier()) {
                    c.circle(cx + jitter, py, 5.5, null, new Color(0xD00000));
                }
            }
            if (s.n > 1 && s.sd > 0) {
                double e1 = y.applyAsDouble(s.mean + s.sd);
                double e2 = y.applyAsDouble(s.mean - s.sd);
                c.line(cx, e1, cx, e2, Palette.AXIS, 1.3, false);
                c.line(cx - barW / 5, e1, cx + barW / 5, e1, Palette.AXIS, 1.3, false);
                c.line(cx - barW / 5, e2, cx + barW / 5, e2, Palette.AXIS, 1.3, false);
            }
            String mark = stars(PlateTables.pVsControl(plate, s));
            if (!mark.isEmpty()) {
                double topOfBar = s.mean + (Double.isNaN(s.sd) ? 0 : s.sd);
                for (double v : s.values()) {
                    topOfBar = Math.max(topOfBar, v);
                }
                c.text(mark, cx, y.applyAsDouble(topOfBar) - 7, 11, Canvas.Align.CENTER, true, Palette.TEXT, false);
            }
            labelLines(c, s.condition, cx, bottom + 16, slot);
            c.text("n = " + s.n, cx, bottom + 46, 9.5, Canvas.Align.CENTER, false, new Color(0x555555), false);
        }
        String test = plate.welch != null ? "Welch t-test vs control, p = " + Report.p(plate.welch.p)
                : plate.dunnett != null ? "Dunnett vs control; one-way ANOVA p = " + Report.p(plate.anova.p) : "";
        c.text(test + (test.isEmpty() ? "" : "; ") + "* p<0.05  ** p<0.01  *** p<0.001  **** p<0.0001",
                (left + right) / 2, c.height() - 24, 10, Canvas.Align.CENTER, false, Palette.TEXT, false);
        c.text("Bars: mean \u00b1 SD; points: wells" + (hasOutlier() ? " (red ring: flagged outlier)" : ""),
                (left + right) / 2, c.height() - 9, 10, Canvas.Align.CENTER, false, new Color(0x555555), false);
    }

    private boolean hasOutlier() {
        for (WellResult w : plate.wells) {
            if (w.used && w.isOutlier()) {
                return true;
            }
        }
        return false;
    }

    /** A condition name on up to two lines under its bar. */
    private static void labelLines(Canvas c, String label, double cx, double y, double slot) {
        if (c.textWidth(label, 10.5, false) <= slot - 4 || !label.contains(" ")) {
            c.text(label, cx, y, 10.5, Canvas.Align.CENTER, false, Palette.TEXT, false);
            return;
        }
        int cut = label.lastIndexOf(' ', label.length() / 2 + 4);
        if (cut <= 0) {
            cut = label.indexOf(' ');
        }
        c.text(label.substring(0, cut), cx, y, 10.5, Canvas.Align.CENTER, false, Palette.TEXT, false);
        c.text(label.substring(cut + 1), cx, y + 13, 10.5, Canvas.Align.CENTER, false, Palette.TEXT, false);
    }
}
