package org.ihcblotquant.stats.plot;

import java.awt.Color;
import java.util.List;

import org.ihcblotquant.stats.Descriptives;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.Ticks;
import org.ihcblotquant.stats.TukeyHsd;

/**
 * Bar chart of group means with error bars (SD or SEM, said in the caption), every individual
 * value as a point, and the test's p-value: a bracket for two groups, the ANOVA p and the Tukey
 * adjusted p of each pair for more.
 */
public final class BarChart implements PlotFiles.Chart {

    /** What the error bars show. */
    public enum ErrorBars {
        SD, SEM
    }

    private final GroupComparison comparison;
    private final String valueLabel;
    private final ErrorBars errorBars;
    private final String title;

    public BarChart(GroupComparison comparison, String valueLabel, ErrorBars errorBars, String title) {
        this.comparison = comparison;
        this.valueLabel = valueLabel;
        this.errorBars = errorBars;
        this.title = title;
    }

    @Override
    public int width() {
        return Math.max(420, 150 + 110 * comparison.groups.size());
    }

    @Override
    public int height() {
        return 440;
    }

    private double err(Descriptives d) {
        double e = errorBars == ErrorBars.SD ? d.sd : d.sem;
        return Double.isNaN(e) ? 0 : e;
    }

    @Override
    public void draw(Canvas c) {
        List<Descriptives> groups = comparison.groups;
        int k = groups.size();
        boolean tukey = comparison.tukey != null;
        int brackets = k == 2 ? 1 : tukey ? comparison.tukey.rows.size() : 0;
        double left = 78;
        double right = c.width() - 20;
        double top = 40 + 18 * Math.min(brackets, 6);
        double bottom = c.height() - 78;

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < k; g++) {
            Descriptives d = groups.get(g);
            for (double v : comparison.data.values(g)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (d.n > 0) {
                lo = Math.min(lo, d.mean - err(d));
                hi = Math.max(hi, d.mean + err(d));
            }
        }
        if (lo > 0) {
            lo = 0; // bars start at zero
        }
        if (hi < 0) {
            hi = 0;
        }
        double[] ticks = Ticks.niceTicks(lo, hi, 6);
        double yMin = ticks[0];
        double yMax = ticks[ticks.length - 1];
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - yMin) / (yMax - yMin) * (bottom - top);

        // title
        if (title != null && !title.isEmpty()) {
            c.text(title, (left + right) / 2, 18, 13, Canvas.Align.CENTER, true, Palette.TEXT, false);
        }
        // y axis, ticks and light grid
        for (double t : ticks) {
            double yy = y.applyAsDouble(t);
            c.line(left, yy, right, yy, Palette.GRID, 0.6, false);
            c.line(left - 5, yy, left, yy, Palette.AXIS, 1, false);
            c.text(Report.num(t), left - 8, yy + 4, 11, Canvas.Align.RIGHT, false, Palette.TEXT, false);
        }
        c.line(left, top - 6, left, bottom, Palette.AXIS, 1.2, false);
        c.line(left, y.applyAsDouble(Math.max(yMin, Math.min(0, yMax))), right,
                y.applyAsDouble(Math.max(yMin, Math.min(0, yMax))), Palette.AXIS, 1.2, false);
        c.text(valueLabel + " (mean \u00b1 " + errorBars.name() + ")", 20, (top + bottom) / 2, 12,
                Canvas.Align.CENTER, false, Palette.TEXT, true);

        double slot = (right - left) / k;
        double barW = Math.min(70, slot * 0.55);
        double zeroY = y.applyAsDouble(Math.max(yMin, Math.min(0, yMax)));
        for (int g = 0; g < k; g++) {
            Descriptives d = groups.get(g);
            double cx = left + slot * (g + 0.5);
            Color col = Palette.group(g);
            if (d.n > 0) {
                double my = y.applyAsDouble(d.mean);
                c.rect(cx - barW / 2, Math.min(my, zeroY), barW, Math.abs(zeroY - my), Palette.tint(col, 0.7), col,
                        1.2);
            }
            // individual values, spread deterministically so the figure is reproducible
            double[] v = comparison.data.values(g);
            for (int i = 0; i < v.length; i++) {
                double jitter = ((i * 0.618034) % 1.0 - 0.5) * barW * 0.6;
                c.circle(cx + jitter, y.applyAsDouble(v[i]), 3.2, Palette.alpha(col, 200), Color.WHITE);
            }
            // error bars drawn over the points
            if (d.n > 0) {
                double e = err(d);
                if (e > 0) {
                    double e1 = y.applyAsDouble(d.mean + e);
                    double e2 = y.applyAsDouble(d.mean - e);
                    c.line(cx, e1, cx, e2, Palette.AXIS, 1.3, false);
                    c.line(cx - barW / 5, e1, cx + barW / 5, e1, Palette.AXIS, 1.3, false);
                    c.line(cx - barW / 5, e2, cx + barW / 5, e2, Palette.AXIS, 1.3, false);
                }
            }
            c.text(d.level, cx, bottom + 18, 12, Canvas.Align.CENTER, false, Palette.TEXT, false);
            c.text("n = " + d.n, cx, bottom + 33, 10, Canvas.Align.CENTER, false, new Color(0x555555), false);
        }

        // p-values
        double yTopData = y.applyAsDouble(yMax);
        if (k == 2 && !Double.isNaN(comparison.p())) {
            double by = Math.min(yTopData, top) - 10;
            double x1 = left + slot * 0.5;
            double x2 = left + slot * 1.5;
            c.line(x1, by + 6, x1, by, Palette.AXIS, 1, false);
            c.line(x1, by, x2, by, Palette.AXIS, 1, false);
            c.line(x2, by, x2, by + 6, Palette.AXIS, 1, false);
            c.text("p = " + Report.p(comparison.p()), (x1 + x2) / 2, by - 5, 11, Canvas.Align.CENTER, false,
                    Palette.TEXT, false);
        } else if (tukey) {
            // rows come in TukeyHsd order: pairs (i, j), i < j, in level order
            int shown = 0;
            int row = 0;
            for (int a = 0; a < k && shown < 6; a++) {
                for (int b = a + 1; b < k && shown < 6; b++) {
                    TukeyHsd.Row r = comparison.tukey.rows.get(row++);
                    double by = top - 8 - 18 * shown;
                    double x1 = left + slot * (a + 0.5);
                    double x2 = left + slot * (b + 0.5);
                    c.line(x1, by + 4, x1, by, Palette.AXIS, 0.9, false);
                    c.line(x1, by, x2, by, Palette.AXIS, 0.9, false);
                    c.line(x2, by, x2, by + 4, Palette.AXIS, 0.9, false);
                    c.text("p = " + Report.p(r.pAdj), (x1 + x2) / 2, by - 3, 9.5, Canvas.Align.CENTER, false,
                            Palette.TEXT, false);
                    shown++;
                }
            }
        }
        // caption: the test and what the bars mean
        String caption = comparison.test == GroupComparison.Test.NONE ? ""
                : comparison.test == GroupComparison.Test.ANOVA
                        ? "One-way ANOVA p = " + Report.p(comparison.p()) + "; brackets: Tukey HSD adjusted p"
                        : comparison.testLabel().replaceAll(",.*", "") + ", p = " + Report.p(comparison.p());
        c.text(caption, (left + right) / 2, c.height() - 24, 10.5, Canvas.Align.CENTER, false, Palette.TEXT, false);
        c.text("Bars: mean \u00b1 " + (errorBars == ErrorBars.SD ? "SD" : "SEM") + "; points: individual values",
                (left + right) / 2, c.height() - 9, 10, Canvas.Align.CENTER, false, new Color(0x555555), false);
    }
}
