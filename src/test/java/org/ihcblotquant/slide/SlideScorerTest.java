package org.ihcblotquant.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slides made of synthetic Beer-Lambert fields with known DAB, laid out on glass, saved as
 * lossless pyramids by libvips: the slide score must equal the pooled truth of all fields within
 * the image tolerances (issue 2: mean DAB 0.01 OD or 3 %, tissue fraction 0.02, H-score 5).
 */
class SlideScorerTest {
    static final int FW = 600;
    static final int FH = 450;
    static final int COLS = 3;
    static final int ROWS = 3;
    /** Glass margin around the fields and between them. */
    static final int GAP = 200;

    @TempDir
    static Path dir;
    static Path slide;
    static Path slideWithResolution;
    static double truthDab;
    static double truthH;
    static double truthTissue;
    static int W;
    static int H;

    @BeforeAll
    static void buildSlide() throws Exception {
        W = COLS * FW + (COLS + 1) * GAP;
        H = ROWS * FH + (ROWS + 1) * GAP;
        int[] px = new int[W * H];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < px.length; i++) {
            // glass 240,236,238 with the same noise as the fields (SD 2)
            int r = clamp(240 + rnd.nextGaussian() * 2);
            int g = clamp(236 + rnd.nextGaussian() * 2);
            int b = clamp(238 + rnd.nextGaussian() * 2);
            px[i] = r << 16 | g << 8 | b;
        }
        double dabSum = 0;
        long tissue = 0;
        long[] classes = new long[4];
        for (int fr = 0; fr < ROWS; fr++) {
            for (int fc = 0; fc < COLS; fc++) {
                SyntheticIhc.Sample s = new SyntheticIhc().size(FW, FH).glass(240, 236, 238).noise(2)
                        .tissueCover(0.3 + 0.1 * ((fr * COLS + fc) % 5)).seed(100 + fr * COLS + fc).generate();
                int[] f = (int[]) s.image.getPixels();
                int x0 = GAP + fc * (FW + GAP);
                int y0 = GAP + fr * (FH + GAP);
                for (int y = 0; y < FH; y++) {
                    System.arraycopy(f, y * FW, px, (y0 + y) * W + x0, FW);
                }
                for (int i = 0; i < f.length; i++) {
                    if (s.tissue[i]) {
                        tissue++;
                        double d = s.dab[i];
                        dabSum += d;
                        classes[d >= 0.6 ? 3 : d >= 0.4 ? 2 : d >= 0.2 ? 1 : 0]++;
                    }
                }
            }
        }
        truthDab = dabSum / tissue;
        truthH = 100.0 * (classes[1] + 2 * classes[2] + 3 * classes[3]) / tissue;
        truthTissue = tissue / (double) px.length;
        Path png = Vips.png(px, W, H, dir.resolve("slide.png"));
        slide = dir.resolve("S7_slide.tif");
        Vips.run("vips", "tiffsave", png.toString(), slide.toString(), "--tile", "--pyramid", "--compression",
                "deflate", "--tile-width", "256", "--tile-height", "256", "--bigtiff");
        Path v = dir.resolve("res.v");
        // 4000 px/mm: 0.25 um/px at level 0, so 1 um/px is level 2
        Vips.run("vips", "copy", png.toString(), v.toString(), "--xres", "4000", "--yres", "4000");
        slideWithResolution = dir.resolve("S8_slide.tif");
        Vips.run("vips", "tiffsave", v.toString(), slideWithResolution.toString(), "--tile", "--pyramid",
                "--compression", "deflate", "--subifd");
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void assertTruth(PixelCounts c, String what) {
        assertTrue(Math.abs(c.meanChromogen() - truthDab) <= Math.max(0.01, 0.03 * truthDab),
                what + ": mean DAB " + c.meanChromogen() + " vs truth " + truthDab);
        assertEquals(truthTissue, c.tissueFraction(), 0.02, what + ": tissue fraction");
        assertEquals(truthH, c.hScore(), 5, what + ": H-score");
        assertTrue(truthH > 20, "the test slide has a real score");
    }

    @Test
    void slideScoreEqualsPooledTruthOfItsFields() {
        try (TiffSlide s = TiffSlide.open(slide)) {
            SlideScore score = new SlideScorer(IhcSettings.defaults(), 2).score(s, LevelChoice.byDefault(),
                    ProgressListener.NONE);
            IhcImageResult r = score.result();
            assertEquals("ok", r.status());
            assertEquals(0, score.level(), "no pixel size: full resolution");
            assertEquals(W, r.width());
            assertEquals(Background.Source.GLASS, r.background().source());
            assertEquals(240, r.background().r(), 1.5);
            assertEquals((long) W * H, r.counts().analysed, "every pixel is analysed (skipped tiles count as glass)");
            assertTruth(r.counts(), "whole-level calibration");
            assertTrue(score.tilesScored() < score.tilesTotal(), "glass-only tiles are skipped: "
                    + score.tilesScored() + " of " + score.tilesTotal());
            assertEquals("S7_slide", r.slide());
        }
    }

    @Test
    void sampledCalibrationOfLargeLevelsGivesTheSameScore() {
        try (TiffSlide s = TiffSlide.open(slide)) {
            // limit 1 pixel: every level counts as large, calibration from the sampled tile mosaic
            SlideScore score = new SlideScorer(IhcSettings.defaults(), 2, 1).score(s, LevelChoice.level(0),
                    ProgressListener.NONE);
            assertEquals("ok", score.result().status());
            assertEquals(240, score.result().background().r(), 1.5);
            assertTruth(score.result().counts(), "sampled calibration");
        }
    }

    @Test
    void defaultLevelIsNearestOneMicronAndPixelSizeIsReported() {
        try (TiffSlide s = TiffSlide.open(slideWithResolution)) {
            assertEquals(2, LevelChoice.byDefault().resolve(s.levels()));
            assertEquals(1, LevelChoice.pixelSize(0.5).resolve(s.levels()));
            SlideScore score = new SlideScorer(IhcSettings.defaults(), 2).score(s, LevelChoice.byDefault(),
                    ProgressListener.NONE);
            assertEquals(2, score.level());
            assertEquals(1.0, score.pixelSizeUm(), 0.01);
            assertEquals("ok", score.result().status());
            // 4x smaller pixels blend tissue edges with glass: the mean DAB still follows the truth closely
            assertEquals(truthDab, score.result().counts().meanChromogen(), Math.max(0.02, 0.06 * truthDab));
            assertEquals(truthTissue, score.result().counts().tissueFraction(), 0.04);
            FieldException e = assertThrows(FieldException.class, () -> LevelChoice.level(9).resolve(s.levels()));
            assertEquals("level", e.field());
        }
    }

    @Test
    void cancelStopsTheScan() {
        AtomicInteger calls = new AtomicInteger();
        ProgressListener cancelSoon = new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() > 3;
            }
        };
        try (TiffSlide s = TiffSlide.open(slide)) {
            assertThrows(CancelledException.class, () -> new SlideScorer(IhcSettings.defaults(), 2).score(s,
                    LevelChoice.level(0), cancelSoon));
        }
    }
}
