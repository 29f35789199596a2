package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.cli.SlideCliTestData;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcAnalysis;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.testutil.FijiMacroRunner;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "IHC Score Slide" in a real ImageJ: Results row, overview with overlay, and the error policy for unreadable slides. */
class SlideFijiTest {

    @Test
    void scoresASlideAndReportsAnUnreadableOne(@TempDir Path dir) throws Exception {
        SyntheticIhc.Sample s = new SyntheticIhc().size(1200, 900).seed(31).generate();
        int[] px = (int[]) s.image.getPixels();
        Path png = Vips.png(px, 1200, 900, dir.resolve("field.png"));
        Path slide = dir.resolve("S1 slide.tif");
        Vips.run("vips", "tiffsave", png.toString(), slide.toString(), "--tile", "--pyramid", "--compression",
                "deflate", "--tile-width", "256", "--tile-height", "256", "--bigtiff");
        Path j2k = dir.resolve("J2K.svs");
        Files.write(j2k, SlideCliTestData.jpeg2000Svs());
        String keys = " stain=[H DAB] third=[cross product] background=auto thresholds=0.2,0.4,0.6 tissue=auto";
        String macro = "run(\"IHC Score Slide\", \"open=[" + FijiMacroRunner.macroPath(slide) + "] level=0 pixel=1"
                + keys + "\");\n"
                + "print(\"H=\" + getResult(\"h_score\", nResults-1));\n"
                + "print(\"level=\" + getResult(\"level\", nResults-1));\n"
                + "print(\"status=\" + getResultString(\"status\", nResults-1));\n"
                + "print(\"images=\" + nImages);\n"
                + "print(\"overlay=\" + Overlay.size);\n"
                + "print(\"width=\" + getWidth());\n"
                + "run(\"IHC Score Slide\", \"open=[" + FijiMacroRunner.macroPath(j2k) + "] level=auto pixel=1" + keys
                + "\");\n"
                + "print(\"after the error\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 180);
        IhcImageResult truth = new IhcAnalysis(IhcSettings.defaults()).score("field.png", s.image, null,
                Collections.<String>emptyList(), ProgressListener.NONE);
        String all = r.stdout + r.stderr;
        assertEquals(truth.counts().hScore(), value(all, "H"), 0.3, r.toString());
        assertEquals(0, value(all, "level"), 0, r.toString());
        assertTrue(all.contains("status=ok"), r.toString());
        assertEquals(1, value(all, "images"), 0, r.toString());
        assertEquals(2, value(all, "overlay"), 0, "class map and tissue outline: " + r);
        assertEquals(1200, value(all, "width"), 0, "the overview of a 1200 px slide is the slide itself: " + r);
        assertTrue(all.contains("JPEG 2000") && all.contains("J2K.svs") && all.contains("Bio-Formats"), r.toString());
        assertFalse(all.contains("after the error"), "the macro stops at the error: " + r);
    }

    private static double value(String text, String key) {
        Matcher m = Pattern.compile(key + "=([-0-9.eE]+|NaN)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + key + "= in\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
