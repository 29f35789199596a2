package org.ihcblotquant.study;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.Ticks;
import org.ihcblotquant.stats.plot.Canvas;
import org.ihcblotquant.stats.plot.PlotFiles;

/**
 * Normalised blot values as grouped bars: one group per lane (labelled with the lane's sample),
 * one bar per protein, with the value over each bar. A lane without a measurable band has no bar
 * and an "n.d." label, so a gap is never read as zero.
 */
final class LaneBarChart implements PlotFiles.Chart {
    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00)};
    private static final Color AXIS = new Color(0x222222);

    private final String title;
    private final String valueLabel;
    private final List<String> lanes;
    private final List<String> proteins;
    /** [protein][lane], NaN when not measured. */
    private final double[][] values;

    LaneBarChart(String title, String valueLabel, List<String> lanes, List<String> proteins, double[][] values) {
        this.title = title;
        this.valueLabel = valueLabel;
        this.lanes = new ArrayList<>(lanes);
        this.proteins = new ArrayList<>(proteins);
        this.values = values;
    }

    @Override
    public int width() {
        return Math.max(440, 120 + lanes.size() * (24 * proteins.size() + 24));
    }

    @Override
    public int height() {
        return 400;
    }

    @Override
    public void draw(Canvas c) {
        double left = 70;
        double right = c.width() - 20;
        double top = 48 + 16 * proteins.size();
        double bottom = c.height() - 70;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double[] ticks = Ticks.niceTicks(0, max > 0 ? max * 1.1 : 1, 5);
        double top2 = ticks[ticks.length - 1];
        c.text(title, c.width() / 2.0, 22, 13, Canvas.Align.CENTER, true, AXIS, false);
        for (int p = 0; p < proteins.size(); p++) {
            double y = 40 + 16 * p;
            c.rect(left, y - 9, 10, 10, COLOURS[p % COLOURS.length], null, 0);
            c.text(proteins.get(p), left + 16, y, 11, Canvas.Align.LEFT, false, AXIS, false);
        }
        for (double t : ticks) {
            double y = bottom - (bottom - top) * t / top2;
            c.line(left - 4, y, left, y, AXIS, 1, false);
            c.text(Report.num(t), left - 7, y + 4, 10, Canvas.Align.RIGHT, false, AXIS, false);
        }
        c.line(left, top, left, bottom, AXIS, 1, false);
        c.line(left, bottom, right, bottom, AXIS, 1, false);
        c.text(valueLabel, 18, (top + bottom) / 2, 11, Canvas.Align.CENTER, false, AXIS, true);
        double slot = (right - left) / lanes.size();
        double bar = Math.min(22, (slot - 12) / proteins.size());
        for (int l = 0; l < lanes.size(); l++) {
            double x0 = left + slot * l + (slot - bar * proteins.size()) / 2;
            for (int p = 0; p < proteins.size(); p++) {
                double v = values[p][l];
                double x = x0 + p * bar;
                if (Double.isNaN(v)) {
                    c.text("n.d.", x + bar / 2, bottom - 4, 8, Canvas.Align.CENTER, false, AXIS, false);
                    continue;
                }
                double y = bottom - (bottom - top) * v / top2;
                c.rect(x, y, bar - 2, bottom - y, COLOURS[p % COLOURS.length], null, 0);
                c.text(String.format(java.util.Locale.ROOT, "%.2f", v), x + bar / 2 - 1, y - 3, 8,
                        Canvas.Align.CENTER, false, AXIS, false);
            }
            c.text(lanes.get(l), left + slot * (l + 0.5), bottom + 16, 10, Canvas.Align.CENTER, false, AXIS, false);
        }
        c.text("lane", (left + right) / 2, bottom + 40, 11, Canvas.Align.CENTER, false, AXIS, false);
    }
}
