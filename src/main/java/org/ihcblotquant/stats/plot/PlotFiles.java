package org.ihcblotquant.stats.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.AtomicFiles;

/** Writes a chart as PNG (Java2D + ImageIO, 2 pixels per point) or SVG, chosen by the file extension. */
public final class PlotFiles {

    /** Something that draws itself on a canvas of a given size. */
    public interface Chart {
        int width();

        int height();

        void draw(Canvas c);
    }

    private PlotFiles() {
    }

    public static void write(Chart chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            SvgCanvas c = new SvgCanvas(chart.width(), chart.height());
            chart.draw(c);
            AtomicFiles.writeText(file, c.toSvg());
        } else if (name.endsWith(".png")) {
            PngCanvas c = new PngCanvas(chart.width(), chart.height(), 2.0);
            chart.draw(c);
            java.awt.image.BufferedImage img = c.image();
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } else {
            throw new InputException(file + ": plot file must end in .png or .svg");
        }
    }

    /** Renders a chart to an image (e.g. to show in ImageJ). */
    public static java.awt.image.BufferedImage render(Chart chart, double scale) {
        PngCanvas c = new PngCanvas(chart.width(), chart.height(), scale);
        chart.draw(c);
        return c.image();
    }
}
