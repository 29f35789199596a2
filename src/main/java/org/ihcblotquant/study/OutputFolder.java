package org.ihcblotquant.study;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.Json;
import org.ihcblotquant.stats.plot.PlotFiles;
import org.ihcblotquant.stats.plot.SvgCanvas;

/**
 * The study's output folder: {@code tables/} (CSV), {@code stats/} (JSON), {@code plots/} (PNG
 * and SVG of every figure), {@code report.html}, and {@code cache/} for resuming. Every file is
 * written atomically; names are returned relative to the folder, as the report links them.
 */
final class OutputFolder {
    private final Path root;

    OutputFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path cacheDir() {
        return root.resolve("cache");
    }

    String table(String name, Table t) throws IOException {
        String rel = "tables/" + name + ".csv";
        CsvFormat.write(t, root.resolve(rel));
        return rel;
    }

    String json(String name, Object value) throws IOException {
        String rel = "stats/" + name + ".json";
        AtomicFiles.writeText(root.resolve(rel), Json.write(value));
        return rel;
    }

    /** Writes the chart as PNG and SVG and returns the figure for the report (inline SVG). */
    ReportItem.Figure figure(String name, String caption, PlotFiles.Chart chart) throws IOException {
        String png = "plots/" + name + ".png";
        String svgFile = "plots/" + name + ".svg";
        PlotFiles.write(chart, root.resolve(png));
        SvgCanvas c = new SvgCanvas(chart.width(), chart.height());
        chart.draw(c);
        String svg = c.toSvg();
        AtomicFiles.writeText(root.resolve(svgFile), svg);
        return new ReportItem.Figure(caption, svg, null, Arrays.asList(png, svgFile));
    }

    /** Writes a picture (blot overlay) as PNG and returns the figure for the report. */
    ReportItem.Figure picture(String name, String caption, BufferedImage image) throws IOException {
        String png = "plots/" + name + ".png";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        byte[] b = bytes.toByteArray();
        AtomicFiles.write(root.resolve(png), out -> out.write(b));
        return new ReportItem.Figure(caption, null, b, Arrays.asList(png));
    }

    /** The rows of a job's table without its comment lines (which carry the run's date), for study tables. */
    static Table rowsOnly(Table t) {
        Table out = new Table(t.columns());
        for (int r = 0; r < t.rowCount(); r++) {
            out.addRow(t.row(r));
        }
        return out;
    }

    /** A file name made of the letters and digits of a label ({@code p-STAT3} gives {@code p-STAT3}). */
    static String slug(String label) {
        StringBuilder sb = new StringBuilder();
        for (char c : label.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_') {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        String s = sb.toString().replaceAll("-+$", "");
        return s.isEmpty() ? "item" : s;
    }
}
