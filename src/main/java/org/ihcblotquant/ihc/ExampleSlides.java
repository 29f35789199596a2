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
 * The bundled example data ({@code test-images/ihc}): synthetic p-STAT3 fields of eight patients,
 * two fields each, on off-white glass, with their ground truth in {@code truth.csv}, and a made-up
 * clinical sheet ({@code test-images/clinical.csv}: response group, overall survival, death) so
 * the demo runs from images to p-values. Patients P01–P04 are "sensitive" and stain weakly,
 * P05–P08 "resistant" and stain strongly. Everything here is synthetic: no patient data.
 */
public final class ExampleSlides {
    private static final String[] PATIENTS = {"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"};
    private static final String[] RESPONSE = {"sensitive", "sensitive", "sensitive", "sensitive", "resistant",
        "resistant", "resistant", "resistant"};
    private static final double[][] LEVELS = {{0.0, 0.3}, {0.0, 0.3, 0.5}, {0.0, 0.3}, {0.0, 0.3, 0.5},
        {0.0, 0.5, 0.8}, {0.3, 0.5, 0.8}, {0.0, 0.5, 0.8}, {0.3, 0.5, 0.8}};
    private static final double[][] WEIGHTS = {{0.8, 0.2}, {0.6, 0.3, 0.1}, {0.7, 0.3}, {0.5, 0.35, 0.15},
        {0.3, 0.4, 0.3}, {0.2, 0.4, 0.4}, {0.35, 0.35, 0.3}, {0.15, 0.45, 0.4}};
    /** Overall survival in months and death (1) or censored (0). */
    private static final double[] OS_MONTHS = {60, 20, 48, 41, 30, 14, 52, 9};
    private static final int[] DEATH = {0, 1, 1, 0, 1, 1, 0, 1};

    private ExampleSlides() {
    }

    /**
     * Writes the PNG fields and truth.csv into {@code dir}/ihc and clinical.csv into {@code dir};
     * returns the files written.
     */
    public static List<Path> write(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path ihc = dir.resolve("ihc");
        Table truth = new Table("image", "slide", "tissue_fraction", "dab_mean_od", "h_score");
        truth.addComment("Ground truth of the synthetic example fields (Beer-Lambert, H DAB vectors, thresholds 0.2/0.4/0.6)");
        truth.addComment("Regenerate with: ihcq examples --out test-images");
        int[][] glass = {{240, 236, 238}, {232, 230, 236}};
        long seed = 100;
        for (int p = 0; p < PATIENTS.length; p++) {
            for (int f = 1; f <= 2; f++) {
                int[] g = glass[(p + f) % 2];
                SyntheticIhc.Sample s = new SyntheticIhc().size(320, 240).glass(g[0], g[1], g[2]).noise(2.0)
                        .tissueCover(0.45 + 0.1 * f).dab(LEVELS[p], WEIGHTS[p]).seed(seed++).generate();
                String name = PATIENTS[p] + "_field" + f + ".png";
                Path file = ihc.resolve(name);
                AtomicFiles.write(file, out -> ImageIO.write(s.image.getBufferedImage(), "png", out));
                written.add(file);
                truth.addRow(name, PATIENTS[p], s.tissueFraction(), s.meanDab(), s.hScore(0.2, 0.4, 0.6));
            }
        }
        Path t = ihc.resolve("truth.csv");
        CsvFormat.write(truth, t);
        written.add(t);
        Table clinical = new Table("slide", "response", "os_months", "death");
        clinical.addComment("Made-up clinical sheet for the synthetic example slides (not patient data)");
        for (int p = 0; p < PATIENTS.length; p++) {
            clinical.addRow(PATIENTS[p], RESPONSE[p], OS_MONTHS[p], DEATH[p]);
        }
        Path c = dir.resolve("clinical.csv");
        CsvFormat.write(clinical, c);
        written.add(c);
        return written;
    }
}
