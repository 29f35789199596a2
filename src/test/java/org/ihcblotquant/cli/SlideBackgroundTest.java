package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.ihcblotquant.ihc.SyntheticIhc;
import org.ihcblotquant.io.CsvTable;

/**
 * {@code --background slide}: one I0 per slide from the glass of all its fields; a field without
 * glass takes the slide's value instead of 255, which keeps its DAB on the scale of its siblings.
 */
class SlideBackgroundTest {

    @Test
    void fieldsWithoutGlassTakeTheSlidesBackground(@TempDir Path dir) throws Exception {
        int[] glass = {226, 221, 229};
        SyntheticIhc.Sample withGlass1 = new SyntheticIhc().size(400, 300).glass(glass[0], glass[1], glass[2])
                .tissueCover(0.5).seed(1).generate();
        SyntheticIhc.Sample withGlass2 = new SyntheticIhc().size(400, 300).glass(glass[0], glass[1], glass[2])
                .tissueCover(0.4).seed(2).generate();
        SyntheticIhc.Sample allTissue = new SyntheticIhc().size(400, 300).glass(glass[0], glass[1], glass[2])
                .tissueCover(1.0).seed(3).generate();
        Path in = Files.createDirectories(dir.resolve("in"));
        save(withGlass1, in.resolve("S1_a.png"));
        save(withGlass2, in.resolve("S1_b.png"));
        save(allTissue, in.resolve("S1_c.png"));
        Path slideOut = dir.resolve("slide.csv");
        Path autoOut = dir.resolve("auto.csv");
        CliRunner s = CliRunner.run("ihc", "--background", "slide", "--slide-pattern", "^(S\\d+)_", "--quiet", "--out",
                slideOut.toString(), "--slides", dir.resolve("slide-slides.csv").toString(), in.toString());
        assertEquals(0, s.code, s.toString());
        CliRunner a = CliRunner.run("ihc", "--slide-pattern", "^(S\\d+)_", "--quiet", "--out", autoOut.toString(),
                "--slides", dir.resolve("auto-slides.csv").toString(), in.toString());
        assertEquals(0, a.code, a.toString());
        CsvTable slide = CsvTable.read(slideOut);
        CsvTable auto = CsvTable.read(autoOut);
        for (int i = 0; i < 3; i++) {
            assertEquals("slide-glass", slide.get(i, slide.column("background_source")));
            String[] cols = {"background_r", "background_g", "background_b"};
            for (int c = 0; c < 3; c++) {
                assertEquals(glass[c], Double.parseDouble(slide.get(i, slide.column(cols[c]))), 1.5, cols[c]);
            }
        }
        int c = 2;
        assertEquals("S1_c.png", auto.get(c, auto.column("image")));
        assertEquals("no-glass-255", auto.get(c, auto.column("background_source")));
        double truth = allTissue.meanDab();
        double withSlide = Double.parseDouble(slide.get(c, slide.column("dab_mean_od")));
        double with255 = Double.parseDouble(auto.get(c, auto.column("dab_mean_od")));
        assertTrue(Math.abs(withSlide - truth) < 0.01, "slide background: " + withSlide + " vs truth " + truth);
        assertTrue(Math.abs(with255 - truth) > 3 * Math.abs(withSlide - truth), "255 fallback is further off: "
                + with255 + " vs " + truth);
        String text = new String(Files.readAllBytes(slideOut), "UTF-8");
        assertTrue(text.contains("# slide_background S1: "), "the slide's background is recorded");
    }

    private static void save(SyntheticIhc.Sample s, Path p) {
        assertTrue(new FileSaver(new ImagePlus("x", s.image)).saveAsPng(p.toString()));
    }
}
