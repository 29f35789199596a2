package org.ihcblotquant.stats.plot;

import java.awt.Color;
import java.util.Locale;

/** SVG back-end: our own small writer (no dependency), one element per drawing call. */
public final class SvgCanvas implements Canvas {
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n"
                + body + "</svg>\n";
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("\\.?0+$", "");
        return s.equals("-0") ? "0" : s;
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String opacity(Color c, String attr) {
        return c.getAlpha() == 255 ? "" : " " + attr + "=\"" + n(c.getAlpha() / 255.0) + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String stroke(Color c, double w, boolean dashed) {
        return " stroke=\"" + rgb(c) + "\"" + opacity(c, "stroke-opacity") + " stroke-width=\"" + n(w) + "\""
                + (dashed ? " stroke-dasharray=\"4,3\"" : "");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double w, boolean dashed) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(stroke(color, w, dashed)).append("/>\n");
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            sb.append(i > 0 ? " " : "").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return sb.toString();
    }

    @Override
    public void polyline(double[] xs, double[] ys, Color color, double w) {
        if (xs.length < 2) {
            return;
        }
        body.append("<polyline fill=\"none\" points=\"").append(points(xs, ys)).append('"')
                .append(stroke(color, w, false)).append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Color color) {
        if (xs.length < 3) {
            return;
        }
        body.append("<polygon stroke=\"none\" fill=\"").append(rgb(color)).append('"')
                .append(opacity(color, "fill-opacity")).append(" points=\"").append(points(xs, ys)).append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill, Color strokeColor, double sw) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"")
                .append(fill == null ? "none" : rgb(fill)).append('"')
                .append(fill == null ? "" : opacity(fill, "fill-opacity"))
                .append(strokeColor == null ? "" : stroke(strokeColor, sw, false)).append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color strokeColor) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill == null ? "none" : rgb(fill)).append('"')
                .append(fill == null ? "" : opacity(fill, "fill-opacity"))
                .append(strokeColor == null ? "" : stroke(strokeColor, 0.8, false)).append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, double size, Align align, boolean bold, Color color,
            boolean vertical) {
        String anchor = align == Align.LEFT ? "start" : align == Align.CENTER ? "middle" : "end";
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-family=\"")
                .append("DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append('"').append(bold ? " font-weight=\"bold\"" : "")
                .append(" fill=\"").append(rgb(color)).append('"')
                .append(vertical ? " transform=\"rotate(-90 " + n(x) + " " + n(y) + ")\"" : "").append('>')
                .append(escape(s)).append("</text>\n");
    }

    @Override
    public double textWidth(String s, double size, boolean bold) {
        return Fonts.width(s, size, bold);
    }
}
