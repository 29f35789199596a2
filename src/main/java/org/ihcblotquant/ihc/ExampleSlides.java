package org.ihcblotquant.ihc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;

/**
 * The bundled example data ({@code test-images/ihc}): synthetic p-STAT3 fields of four patients,
 * two fields each, on off-white glass, with their ground truth in {@code truth.csv}. Patients
 * P01/P02 stain weakly, P03/P04 strongly, as in a sensitive-vs-resistant comparison.
 */
public final class ExampleSlides {

    private ExampleSlides() {
    }

    /** Writes the PNG fields and truth.csv into {@code dir}; returns the files written. */
    public static List<Path> write(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Table truth = new Table("image", "slide", "tissue_fraction", "dab_mean_od", "h_score");
        truth.addComment("Ground truth of the synthetic example fields (Beer-Lambert, H DAB vectors, thresholds 0.2/0.4/0.6)");
        truth.addComment("Regenerate with: ihcq examples --out test-images");
        String[] patients = {"P01", "P02", "P03", "P04"};
        double[][] levels = {{0.0, 0.3}, {0.0, 0.3, 0.5}, {0.0, 0.5, 0.8}, {0.3, 0.5, 0.8}};
        double[][] weights = {{0.8, 0.2}, {0.6, 0.3, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.4, 0.4}};
        int[][] glass = {{240, 236, 238}, {232, 230, 236}};
        long seed = 100;
        for (int p = 0; p < patients.length; p++) {
            for (int f = 1; f <= 2; f++) {
                int[] g = glass[(p + f) % 2];
                SyntheticIhc.Sample s = new SyntheticIhc().size(480, 360).glass(g[0], g[1], g[2]).noise(2.0)
                        .tissueCover(0.45 + 0.1 * f).dab(levels[p], weights[p]).seed(seed++).generate();
                String name = patients[p] + "_field" + f + ".png";
                Path file = dir.resolve(name);
                AtomicFiles.write(file, out -> ImageIO.write(s.image.getBufferedImage(), "png", out));
                written.add(file);
                truth.addRow(name, patients[p], s.tissueFraction(), s.meanDab(), s.hScore(0.2, 0.4, 0.6));
            }
        }
        Path t = dir.resolve("truth.csv");
        CsvFormat.write(truth, t);
        written.add(t);
        return written;
    }
}
