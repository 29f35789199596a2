package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.stain.StainVectorEstimator;
import org.ihcblotquant.stain.StainVectors;

/** {@code ihcq ihc --stain-estimate}: vectors from the images, printed for reuse and recorded. */
class IhcStainEstimateTest {

    @Test
    void estimatesPerSlideAndRefusesABatchWithoutStain(@TempDir Path dir) throws Exception {
        double[] h = {0.70, 0.66, 0.27};
        double[] d = {0.22, 0.52, 0.83};
        StainVectors truth = StainVectors.parse("H:" + h[0] + "," + h[1] + "," + h[2] + ";DAB:" + d[0] + "," + d[1] + ","
                + d[2]);
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int k = 0; k < 2; k++) {
            SyntheticNuclei.Field f = new SyntheticNuclei().size(500, 400).vectors(truth).blush(0.8).seed(40 + k)
                    .generate();
            assertTrue(new FileSaver(new ImagePlus("x", f.image)).saveAsPng(in.resolve("S1_f" + k + ".png").toString()));
        }
        Path out = dir.resolve("images.csv");
        CliRunner r = CliRunner.run("ihc", "--stain-estimate", "slide", "--slide-pattern", "^(S\\d+)_", "--quiet", "--out",
                out.toString(), in.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("stain vectors (slide S1): --vectors '"), r.out);
        String spec = r.out.substring(r.out.indexOf("--vectors '") + 11);
        spec = spec.substring(0, spec.indexOf('\''));
        StainVectors est = StainVectors.parse(spec);
        assertTrue(StainVectorEstimator.angleDeg(est.stains().get(0).vector(), h) < 3, spec);
        assertTrue(StainVectorEstimator.angleDeg(est.stains().get(1).vector(), d) < 3, spec);
        String text = new String(Files.readAllBytes(out), "UTF-8");
        assertTrue(text.contains("# estimated_vectors slide S1: " + spec), "recorded in the settings lines");

        // glass with hardly any stain: a batch estimate is refused with a clear message, nothing written
        Path empty = Files.createDirectories(dir.resolve("empty"));
        new FileSaver(new ImagePlus("x", new SyntheticIhc().size(300, 200).tissueCover(0).seed(3).generate().image))
                .saveAsPng(empty.resolve("glass.png").toString());
        Path out2 = dir.resolve("refused.csv");
        CliRunner refused = CliRunner.run("ihc", "--stain-estimate", "batch", "--out", out2.toString(), empty.toString());
        assertEquals(2, refused.code, refused.toString());
        assertTrue(refused.err.contains("--stain-estimate") && refused.err.contains("too little stain"), refused.err);
        assertTrue(!Files.exists(out2), "nothing written");
    }
}
