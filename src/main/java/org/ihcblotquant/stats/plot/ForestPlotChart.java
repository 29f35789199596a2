package org.ihcblotquant.stats.plot;

import java.awt.Color;
import java.util.Locale;

import org.ihcblotquant.stats.CoxRegression;
import org.ihcblotquant.stats.Report;

/**
 * Forest plot of a Cox model: one row per coefficient with its hazard ratio and confidence
 * interval on a log axis, the line of no effect at HR = 1, and the model's n, events,
 * concordance and likelihood-ratio test underneath.
 */
public final class ForestPlotChart implements PlotFiles.Chart {
    private final CoxRegression fit;
    private final String title;

    public ForestPlotChart(CoxRegression fit, String title) {
        this.fit = fit;
        this.title = title;
    }

    @Override
    public int width() {
        return 720;
    }

    @Override
    public int height() {
        return 130 + 24 * fit.coefficients.size() + (title == null || title.isEmpty() ? 0 : 20);
    }

    @Override
    public void draw(Canvas c) {
        double top = title == null || title.isEmpty() ? 34 : 54;
        if (title != null && !title.isEmpty()) {
            c.text(title, c.width() / 2.0, 22, 13, Canvas.Align.CENTER, true, Palette.TEXT, false);
        }
        double labelW = 60;
        for (CoxRegression.Coefficient k : fit.coefficients) {
            labelW = Math.max(labelW, c.textWidth(label(k), 11, false));
        }
        double left = 16 + labelW + 16;
        double right = c.width() - 190;
        double lo = 1;
        double hi = 1;
        for (CoxRegression.Coefficient k : fit.coefficients) {
            if (!k.infinite && k.ciLow > 0 && !Double.isInfinite(k.ciHigh)) {
                lo = Math.min(lo, k.ciLow);
                hi = Math.max(hi, k.ciHigh);
            }
        }
        double lmin = Math.floor(Math.log10(lo) * 2) / 2;
        double lmax = Math.ceil(Math.log10(hi) * 2) / 2;
        if (lmax - lmin < 0.5) {
            lmin -= 0.25;
            lmax += 0.25;
        }
        final double a = lmin;
        final double b = lmax;
        java.util.function.DoubleUnaryOperator x = v -> left + (Math.log10(v) - a) / (b - a) * (right - left);
        double bottom = top + 24 * fit.coefficients.size() + 6;
        c.text("Hazard ratio (" + Report.num(fit.confLevel * 100) + "% CI)", c.width() - 180, top - 12, 11,
                Canvas.Align.LEFT, true, Palette.TEXT, false);
        c.line(x.applyAsDouble(1), top - 6, x.applyAsDouble(1), bottom, Palette.AXIS, 1, true);
        for (int i = 0; i < fit.coefficients.size(); i++) {
            CoxRegression.Coefficient k = fit.coefficients.get(i);
            double yy = top + 24 * i + 12;
            c.text(label(k), 16, yy + 4, 11, Canvas.Align.LEFT, false, Palette.TEXT, false);
            String v = k.infinite ? "not estimable" : String.format(Locale.ROOT, "%s (%s\u2013%s), p %s", sig3(k.hr),
                    sig3(k.ciLow), sig3(k.ciHigh), Report.p(k.p));
            c.text(v, c.width() - 180, yy + 4, 10.5, Canvas.Align.LEFT, false, Palette.TEXT, false);
            if (k.infinite) {
                continue;
            }
            double x1 = x.applyAsDouble(Math.max(k.ciLow, Math.pow(10, a)));
            double x2 = x.applyAsDouble(Math.min(k.ciHigh, Math.pow(10, b)));
            Color col = Palette.group(0);
            c.line(x1, yy, x2, yy, col, 1.6, false);
            c.rect(x.applyAsDouble(k.hr) - 4, yy - 4, 8, 8, col, col, 1);
        }
        c.line(left, bottom, right, bottom, Palette.AXIS, 1, false);
        for (double e = Math.ceil(a); e <= b + 1e-9; e += 1) {
            tick(c, x, Math.pow(10, e), bottom);
        }
        for (double e = Math.floor(a); e <= b; e += 1) {
            for (double m : new double[] {2, 5}) {
                double v = m * Math.pow(10, e);
                if (Math.log10(v) > a && Math.log10(v) < b) {
                    tick(c, x, v, bottom);
                }
            }
        }
        String foot = String.format(Locale.ROOT, "n = %d, events = %d; concordance %.3f; likelihood-ratio test %.2f on %d df,"
                + " p = %s; %s ties%s", fit.n(), fit.events(), fit.concordance.concordance, fit.lrTest.statistic,
                fit.lrTest.df, Report.p(fit.lrTest.p), fit.ties.name().toLowerCase(Locale.ROOT),
                fit.data.strataVariable == null ? "" : "; stratified by " + fit.data.strataVariable);
        c.text(foot, 16, bottom + 44, 10, Canvas.Align.LEFT, false, new Color(0x444444), false);
        c.text(String.format(Locale.ROOT, "Proportional hazards (cox.zph, global): p = %s", Report.p(fit.zphGlobal.p)),
                16, bottom + 60, 10, Canvas.Align.LEFT, false, new Color(0x444444), false);
    }

    private static void tick(Canvas c, java.util.function.DoubleUnaryOperator x, double v, double bottom) {
        double xx = x.applyAsDouble(v);
        c.line(xx, bottom, xx, bottom + 4, Palette.AXIS, 1, false);
        c.text(Report.num(v), xx, bottom + 16, 10, Canvas.Align.CENTER, false, Palette.TEXT, false);
    }

    private static String label(CoxRegression.Coefficient k) {
        return k.column.level == null ? k.column.variable
                : k.column.variable + ": " + k.column.level + " vs " + k.column.reference;
    }

    private static String sig3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
