package org.ihcblotquant.stats.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.ihcblotquant.stats.KaplanMeier;
import org.ihcblotquant.stats.Report;
import org.ihcblotquant.stats.SurvivalAnalysis;
import org.ihcblotquant.stats.Ticks;

/**
 * Kaplan–Meier curves as steps with censoring tick marks, optional pointwise confidence bands,
 * a legend with n / events per group and the log-rank p, and the numbers at risk under the time
 * axis at the tick times.
 */
public final class KaplanMeierChart implements PlotFiles.Chart {
    private final SurvivalAnalysis analysis;
    private final String timeLabel;
    private final boolean bands;
    private final String title;

    public KaplanMeierChart(SurvivalAnalysis analysis, String timeLabel, boolean bands, String title) {
        this.analysis = analysis;
        this.timeLabel = timeLabel;
        this.bands = bands;
        this.title = title;
    }

    @Override
    public int width() {
        return 640;
    }

    @Override
    public int height() {
        return 420 + 18 * analysis.curves.size();
    }

    @Override
    public void draw(Canvas c) {
        List<KaplanMeier> curves = analysis.curves;
        double labelW = 0;
        for (KaplanMeier km : curves) {
            labelW = Math.max(labelW, c.textWidth(km.level, 10.5, false));
        }
        double left = Math.max(70, labelW + 34);
        double right = c.width() - 24;
        org.ihcblotquant.stats.CutPoint.Assignment cut = analysis.data.cut();
        boolean dataChosen = cut != null && cut.dataChosen;
        double top = (title == null || title.isEmpty() ? 20 : 40) + (dataChosen ? 18 : 0);
        double riskRows = curves.size();
        double bottom = c.height() - 70 - 18 * riskRows;

        double[] ticks = analysis.atTimes;
        double xMax = ticks[ticks.length - 1];
        for (KaplanMeier km : curves) {
            for (KaplanMeier.Row r : km.rows) {
                xMax = Math.max(xMax, r.time);
            }
        }
        // the axis reaches the last follow-up time; ticks stay at the at-risk times
        final double xmax = xMax <= 0 ? 1 : xMax;
        java.util.function.DoubleUnaryOperator x = t -> left + t / xmax * (right - left);
        java.util.function.DoubleUnaryOperator y = s -> bottom - s * (bottom - top);

        if (title != null && !title.isEmpty()) {
            c.text(title, (left + right) / 2, 22, 13, Canvas.Align.CENTER, true, Palette.TEXT, false);
        }
        if (dataChosen) {
            // an outcome-chosen cut-point is said on the figure itself, with the adjusted p
            c.text("Data-chosen cut-point: " + cut.score + " <= " + Report.num(cut.thresholds[0])
                    + " (maximally selected log-rank); adjusted p = " + Report.p(cut.search.pAdjusted)
                    + " (Lausen-Schumacher)", (left + right) / 2, top - 8, 10.5, Canvas.Align.CENTER, true,
                    new Color(0xB00020), false);
        }
        // axes
        for (double s = 0; s <= 1.0001; s += 0.25) {
            double yy = y.applyAsDouble(s);
            c.line(left, yy, right, yy, Palette.GRID, 0.6, false);
            c.line(left - 5, yy, left, yy, Palette.AXIS, 1, false);
            c.text(Report.num(s), left - 8, yy + 4, 11, Canvas.Align.RIGHT, false, Palette.TEXT, false);
        }
        c.line(left, top, left, bottom, Palette.AXIS, 1.2, false);
        c.line(left, bottom, right, bottom, Palette.AXIS, 1.2, false);
        for (double t : ticks) {
            double xx = x.applyAsDouble(t);
            if (t > xmax) {
                continue;
            }
            c.line(xx, bottom, xx, bottom + 5, Palette.AXIS, 1, false);
            c.text(Report.num(t), xx, bottom + 18, 11, Canvas.Align.CENTER, false, Palette.TEXT, false);
        }
        c.text(timeLabel, (left + right) / 2, bottom + 36, 12, Canvas.Align.CENTER, false, Palette.TEXT, false);
        c.text("Survival probability", 16, (top + bottom) / 2, 12, Canvas.Align.CENTER, false, Palette.TEXT, true);

        for (int g = 0; g < curves.size(); g++) {
            KaplanMeier km = curves.get(g);
            Color col = Palette.group(analysis.data.levels().indexOf(km.level));
            if (bands) {
                drawBand(c, km, x, y, Palette.alpha(col, 45));
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double s = 1;
            xs.add(x.applyAsDouble(0));
            ys.add(y.applyAsDouble(1));
            for (KaplanMeier.Row r : km.rows) {
                if (r.surv != s) {
                    xs.add(x.applyAsDouble(r.time));
                    ys.add(y.applyAsDouble(s));
                    xs.add(x.applyAsDouble(r.time));
                    ys.add(y.applyAsDouble(r.surv));
                    s = r.surv;
                }
            }
            double lastTime = km.rows.isEmpty() ? 0 : km.rows.get(km.rows.size() - 1).time;
            xs.add(x.applyAsDouble(lastTime));
            ys.add(y.applyAsDouble(s));
            c.polyline(toArray(xs), toArray(ys), col, 2);
            for (KaplanMeier.Row r : km.rows) {
                if (r.nCensor > 0) {
                    double xx = x.applyAsDouble(r.time);
                    double yy = y.applyAsDouble(r.surv);
                    c.line(xx, yy - 5, xx, yy + 5, col, 1.6, false);
                }
            }
        }

        // legend, top right: group (n, events), then the log-rank p
        double lx = right - 10;
        double ly = top + 16;
        List<String> lines = new ArrayList<>();
        for (KaplanMeier km : curves) {
            lines.add(km.level + "  (n = " + km.n + ", events = " + km.events + ")");
        }
        double lw = 0;
        for (String s : lines) {
            lw = Math.max(lw, c.textWidth(s, 11, false));
        }
        String pText = analysis.logRank == null ? null : "Log-rank p = " + Report.p(analysis.logRank.p)
                + (dataChosen ? " (unadjusted)" : "");
        // with two groups the Cox hazard ratio goes under the p-value (labelled with its method)
        SurvivalAnalysis.HazardRatio hr = analysis.curves.size() == 2 ? analysis.primaryHazardRatio() : null;
        String hrText = hr == null || Double.isNaN(hr.hr) ? null : "HR " + hr.level + " vs " + hr.reference + " "
                + sig3(hr.hr) + " (" + sig3(hr.lower) + "\u2013" + sig3(hr.upper)
                + "), Cox";
        if (pText != null) {
            lw = Math.max(lw, c.textWidth(pText, 11, false) - 24);
        }
        if (hrText != null) {
            lw = Math.max(lw, c.textWidth(hrText, 10, false) - 24);
        }
        double boxX = lx - lw - 34;
        String bandText = bands ? "shaded: " + Report.num(analysis.confLevel * 100) + "% CI (" + analysis.confType.label
                + ")" : null;
        double boxH = 16 * lines.size() + (pText != null ? 18 : 0) + (hrText != null ? 15 : 0)
                + (bandText != null ? 15 : 0) + 8;
        c.rect(boxX, ly - 14, lw + 40, boxH, new Color(255, 255, 255, 230), new Color(0xBBBBBB), 0.6);
        for (int g = 0; g < curves.size(); g++) {
            Color col = Palette.group(analysis.data.levels().indexOf(curves.get(g).level));
            double yy = ly + 16 * g;
            c.line(boxX + 6, yy - 4, boxX + 26, yy - 4, col, 2.2, false);
            c.text(lines.get(g), boxX + 32, yy, 11, Canvas.Align.LEFT, false, Palette.TEXT, false);
        }
        if (pText != null) {
            c.text(pText, boxX + 8, ly + 16 * curves.size() + 3, 11, Canvas.Align.LEFT, true, Palette.TEXT, false);
        }
        double next = ly + 16 * curves.size() + (pText != null ? 18 : 0) + 1;
        if (hrText != null) {
            c.text(hrText, boxX + 8, next, 10, Canvas.Align.LEFT, false, Palette.TEXT, false);
            next += 15;
        }
        if (bandText != null) {
            c.text(bandText, boxX + 8, next, 9.5,
                    Canvas.Align.LEFT, false, new Color(0x555555), false);
        }

        // numbers at risk under the time axis, at the tick times
        double ry = bottom + 58;
        c.text("Number at risk", 8, ry, 10.5, Canvas.Align.LEFT, true, Palette.TEXT, false);
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeier km = curves.get(g);
            Color col = Palette.group(analysis.data.levels().indexOf(km.level));
            double yy = ry + 17 * (g + 1);
            c.text(km.level, left - 22, yy, 10.5, Canvas.Align.RIGHT, false, col, false);
            for (double t : ticks) {
                if (t > xmax) {
                    continue;
                }
                c.text(String.valueOf(km.atRisk(t)), x.applyAsDouble(t), yy, 10.5, Canvas.Align.CENTER, false,
                        Palette.TEXT, false);
            }
        }
    }

    private static void drawBand(Canvas c, KaplanMeier km, java.util.function.DoubleUnaryOperator x,
            java.util.function.DoubleUnaryOperator y, Color col) {
        // step band: upper edge forwards, lower edge backwards
        List<double[]> pts = new ArrayList<>();
        double lo = 1;
        double hi = 1;
        double prevT = 0;
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        for (KaplanMeier.Row r : km.rows) {
            if (Double.isNaN(r.lower) || Double.isNaN(r.upper)) {
                if (r.surv == 1) {
                    continue;
                }
                break;
            }
            upper.add(new double[] {r.time, hi});
            lower.add(new double[] {r.time, lo});
            hi = r.upper;
            lo = r.lower;
            upper.add(new double[] {r.time, hi});
            lower.add(new double[] {r.time, lo});
            prevT = r.time;
        }
        upper.add(0, new double[] {0, 1});
        lower.add(0, new double[] {0, 1});
        for (double[] p : upper) {
            pts.add(p);
        }
        for (int i = lower.size() - 1; i >= 0; i--) {
            pts.add(lower.get(i));
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.applyAsDouble(pts.get(i)[0]);
            ys[i] = y.applyAsDouble(pts.get(i)[1]);
        }
        if (prevT > 0) {
            c.fillPolygon(xs, ys, col);
        }
    }

    /** Three significant digits for the legend, trailing zeros kept (full precision is in the JSON). */
    private static String sig3(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
