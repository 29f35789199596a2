package org.ihcblotquant.stats.plot;

import java.awt.Color;

/**
 * The few drawing operations the charts use, so that one drawing routine produces both the
 * PNG (Java2D) and the SVG (our own writer). Coordinates are in points, y downwards.
 */
public interface Canvas {

    /** Horizontal anchor of a text. */
    enum Align {
        LEFT, CENTER, RIGHT
    }

    int width();

    int height();

    void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, Color color, double width);

    /** A filled polygon with the colour's alpha (confidence bands). */
    void fillPolygon(double[] xs, double[] ys, Color color);

    void rect(double x, double y, double w, double h, Color fill, Color stroke, double strokeWidth);

    void circle(double cx, double cy, double r, Color fill, Color stroke);

    /** Text with its baseline at y; rotated by -90 degrees when {@code vertical}. */
    void text(String s, double x, double y, double size, Align align, boolean bold, Color color, boolean vertical);

    double textWidth(String s, double size, boolean bold);
}
