package org.ihcblotquant.stats.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Java2D back-end: an antialiased RGB image, drawn at {@code scale} pixels per point. */
public final class PngCanvas implements Canvas {
    private final int width;
    private final int height;
    private final BufferedImage image;
    private final Graphics2D g;

    public PngCanvas(int width, int height, double scale) {
        this.width = width;
        this.height = height;
        image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(scale, scale);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    public BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    private void stroke(double w, boolean dashed) {
        g.setStroke(dashed ? new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f) : new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double w, boolean dashed) {
        g.setColor(color);
        stroke(w, dashed);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double w) {
        if (xs.length < 2) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        g.setColor(color);
        stroke(w, false);
        g.draw(p);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Color color) {
        if (xs.length < 3) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        g.setColor(color);
        g.fill(p);
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Color strokeColor, double sw) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(fill);
            g.fill(r);
        }
        if (strokeColor != null) {
            g.setColor(strokeColor);
            stroke(sw, false);
            g.draw(r);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color strokeColor) {
        Ellipse2D.Double e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        if (fill != null) {
            g.setColor(fill);
            g.fill(e);
        }
        if (strokeColor != null) {
            g.setColor(strokeColor);
            stroke(0.8, false);
            g.draw(e);
        }
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold, Color color,
            boolean vertical) {
        g.setFont(Fonts.font(size, bold));
        g.setColor(color);
        double w = Fonts.width(s, size, bold);
        double dx = align == Align.LEFT ? 0 : align == Align.CENTER ? -w / 2 : -w;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (vertical) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(s, (float) dx, 0f);
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return Fonts.width(s, size, bold);
    }
}
