package org.ihcblotquant.ihc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;
import org.junit.jupiter.api.Test;

class IhcScorerTest {

    /** Pixels of known colours: exact counts and sums follow from the field-notes formula. */
    @Test
    void countsAndSumsMatchPerPixelFormula() {
        int[] colours = {0xffffff, 200 << 16 | 150 << 8 | 100, 120 << 16 | 80 << 8 | 60, 230 << 16 | 200 << 8 | 180,
            100 << 16 | 120 << 8 | 200, 216 << 16 | 216 << 8 | 216};
        int w = 60;
        int h = 40;
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = colours[i % colours.length];
        }
        IhcSettings settings = IhcSettings.defaults().withBackground(BackgroundRule.white()).withTissueOd(0.1);
        IhcImageResult r = new IhcAnalysis(settings).score("known.png", new ColorProcessor(w, h, px), null,
                Collections.<String>emptyList(), ProgressListener.NONE);
        // oracle: DAB and total OD per colour computed here from the definitions
        StainMatrix m = StainMatrix.of(StainVectors.builtIn("h-dab"), ThirdStainRule.CROSS_PRODUCT);
        long[] classes = new long[4];
        double sum = 0;
        double sumH = 0;
        for (int p : px) {
            double[] od = new double[3];
            double total = 0;
            for (int c = 0; c < 3; c++) {
                int v = (p >> (16 - 8 * c)) & 0xff;
                od[c] = -Math.log10(Math.max(v, 1) / 255.0);
                total += od[c];
            }
            if (total < 0.1) {
                continue;
            }
            double[] a = m.unmix(od[0], od[1], od[2]);
            sum += a[1];
            sumH += a[0];
            classes[a[1] >= 0.6 ? 3 : a[1] >= 0.4 ? 2 : a[1] >= 0.2 ? 1 : 0]++;
        }
        PixelCounts c = r.counts();
        assertEquals(Arrays.toString(classes), Arrays.toString(c.classes));
        long tissue = classes[0] + classes[1] + classes[2] + classes[3];
        assertEquals(sum / tissue, c.meanChromogen(), 2e-4);
        assertEquals(sumH / tissue, c.meanCounter(), 2e-4);
        assertEquals(w * h, c.analysed);
    }

    @Test
    void maskRestrictsTheAnalysedArea() {
        SyntheticIhc.Sample s = new SyntheticIhc().size(200, 100).tissueCover(1.0).glass(255, 255, 255).seed(5).generate();
        byte[] mask = new byte[200 * 100];
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 50; x++) {
                mask[y * 200 + x] = 1;
            }
        }
        IhcImageResult r = new IhcAnalysis(IhcSettings.defaults()).score("m.png", s.image, mask,
                Collections.<String>emptyList(), ProgressListener.NONE);
        assertEquals(50 * 100, r.counts().analysed);
        // truth restricted to the mask
        double sum = 0;
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 50; x++) {
                sum += s.dab[y * 200 + x];
            }
        }
        assertEquals(sum / 5000, r.counts().meanChromogen(), 0.01);
    }

    @Test
    void classifyAgreesWithCount() {
        SyntheticIhc.Sample s = new SyntheticIhc().size(300, 200).seed(8).generate();
        int[] px = (int[]) s.image.getPixels();
        // the packed path (H DAB) and the fixed-point path (nearly collinear user vectors)
        for (IhcSettings settings : new IhcSettings[] {IhcSettings.defaults(),
            IhcSettings.defaults().withVectors(StainVectors.parse("H:0.65,0.70,0.29;DAB:0.60,0.72,0.36"))}) {
            IhcScorer scorer = new IhcScorer(settings);
            IhcScorer.Calibration cal = scorer.calibrate(px, 300, 200);
            PixelCounts c = scorer.count(px, 300, 200, null, cal, ProgressListener.NONE);
            byte[] cls = scorer.classify(px, 300, 200, null, cal);
            long[] n = new long[4];
            for (byte b : cls) {
                if (b >= 0) {
                    n[b]++;
                }
            }
            assertEquals(Arrays.toString(c.classes), Arrays.toString(n));
        }
    }

    /**
     * Nearly collinear user vectors make the inverse too large for the packed tables; the scorer
     * then takes the fixed-point path. Both paths implement one definition: same classes on the
     * same image (up to pixels within table resolution of a threshold).
     */
    @Test
    void fallbackPathAgreesWithPackedPath() {
        StainVectors wide = StainVectors.parse("H:0.65,0.70,0.29;DAB:0.27,0.57,0.78");
        StainVectors close = StainVectors.parse("H:0.65,0.70,0.29;DAB:0.60,0.72,0.36");
        SyntheticIhc.Sample s = new SyntheticIhc().size(300, 200).seed(12).generate();
        int[] px = (int[]) s.image.getPixels();
        for (StainVectors v : new StainVectors[] {wide, close}) {
            IhcScorer scorer = new IhcScorer(IhcSettings.defaults().withVectors(v));
            IhcScorer.Calibration cal = scorer.calibrate(px, 300, 200);
            assertEquals(v == close, cal.packed == null, "which path is taken");
            PixelCounts c = scorer.count(px, 300, 200, null, cal, ProgressListener.NONE);
            // oracle: per-pixel float unmixing with the calibration's background and threshold
            StainMatrix m = StainMatrix.of(v, ThirdStainRule.CROSS_PRODUCT);
            long[] classes = new long[4];
            double sum = 0;
            for (int p : px) {
                double[] od = new double[3];
                double total = 0;
                for (int ch = 0; ch < 3; ch++) {
                    od[ch] = org.ihcblotquant.stain.OpticalDensity.of((p >> (16 - 8 * ch)) & 0xff,
                            cal.background.channel(ch));
                    total += od[ch];
                }
                if (total < cal.tissueOd) {
                    continue;
                }
                double d = m.unmix(od[0], od[1], od[2])[1];
                sum += d;
                classes[d >= 0.6 ? 3 : d >= 0.4 ? 2 : d >= 0.2 ? 1 : 0]++;
            }
            long n = classes[0] + classes[1] + classes[2] + classes[3];
            assertEquals(n, c.tissue(), n * 0.002 + 2, "tissue pixels");
            for (int k = 0; k < 4; k++) {
                assertEquals(classes[k], c.classes[k], n * 0.002 + 2, "class " + k + " for " + v);
            }
            assertEquals(sum / n, c.meanChromogen(), 1e-3);
        }
    }

    /** Slides pool pixels: the slide mean is the tissue-weighted mean of image means. */
    @Test
    void slideTablePoolsPixelsNotMeans() {
        IhcSettings settings = IhcSettings.defaults().withSlidePattern("^(S\\d+)_");
        IhcAnalysis a = new IhcAnalysis(settings);
        SyntheticIhc.Sample s1 = new SyntheticIhc().size(300, 200).tissueCover(0.3).seed(31).generate();
        SyntheticIhc.Sample s2 = new SyntheticIhc().size(300, 200).tissueCover(0.8).seed(32)
                .dab(new double[] {0.0, 0.7}, new double[] {0.3, 0.7}).generate();
        SyntheticIhc.Sample s3 = new SyntheticIhc().size(300, 200).seed(33).generate();
        List<IhcImageResult> rs = Arrays.asList(
                a.score("S1_field1.png", s1.image, null, Collections.<String>emptyList(), ProgressListener.NONE),
                a.score("S1_field2.png", s2.image, null, Collections.<String>emptyList(), ProgressListener.NONE),
                a.score("S2_field1.png", s3.image, null, Collections.<String>emptyList(), ProgressListener.NONE));
        Table slides = IhcTables.slides(rs);
        assertEquals(2, slides.rowCount());
        assertEquals("S1", slides.get(0, "slide"));
        assertEquals(2, slides.get(0, "images"));
        PixelCounts c1 = rs.get(0).counts();
        PixelCounts c2 = rs.get(1).counts();
        double weighted = (c1.meanChromogen() * c1.tissue() + c2.meanChromogen() * c2.tissue())
                / (c1.tissue() + c2.tissue());
        double meanOfMeans = (c1.meanChromogen() + c2.meanChromogen()) / 2;
        double slideMean = (Double) slides.get(0, "dab_mean_od");
        assertEquals(weighted, slideMean, 1e-9);
        assertTrue(Math.abs(meanOfMeans - slideMean) > 0.01, "test must tell pooling from a mean of means");
        double hs = (c1.hScore() * c1.tissue() + c2.hScore() * c2.tissue()) / (c1.tissue() + c2.tissue());
        assertEquals(hs, (Double) slides.get(0, "h_score"), 1e-9);
        assertEquals(c1.tissue() + c2.tissue(), slides.get(0, "tissue_px"));
    }
}
