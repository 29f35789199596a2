package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.io.CsvTable;

/** {@code ihcq cells} end to end on synthetic fields with known truth, written as PNG files. */
class CellsCommandTest {
    @TempDir
    static Path dir;
    static SyntheticNuclei.Field a;
    static SyntheticNuclei.Field b;

    @BeforeAll
    static void fields() throws Exception {
        a = new SyntheticNuclei().size(700, 600).seed(21).generate();
        b = new SyntheticNuclei().size(700, 600).seed(22).classWeights(0.3, 0.2, 0.2, 0.3).generate();
        Files.createDirectories(dir.resolve("in"));
        save(a.image, dir.resolve("in/S1_f1.png"));
        save(b.image, dir.resolve("in/S1_f2.png"));
        Files.write(dir.resolve("in/S2_broken.png"), "not an image".getBytes(StandardCharsets.UTF_8));
    }

    static void save(ColorProcessor cp, Path p) {
        assertTrue(new FileSaver(new ImagePlus("x", cp)).saveAsPng(p.toString()));
    }

    @Test
    void writesImageSlideAndCellTablesThatMatchTheTruth() throws Exception {
        Path out = dir.resolve("out/images.csv");
        Files.createDirectories(out.getParent());
        Path cells = dir.resolve("out/cells.csv");
        CliRunner r = CliRunner.run("cells", "--slide-pattern", "^(S\\d+)_", "--cells-out", cells.toString(), "--out",
                out.toString(), dir.resolve("in").toString());
        assertEquals(0, r.code, r.toString());
        CsvTable images = CsvTable.read(out);
        for (String col : new String[] {"image", "slide", "marker", "status", "nuclei", "positive_nuclei",
            "positive_pct", "weak_pct", "moderate_pct", "strong_pct", "cell_h_score", "nuclear_dab_mean_od", "allred",
            "irs"}) {
            assertTrue(images.hasColumn(col), col);
        }
        assertEquals(3, images.rowCount());
        int status = images.column("status");
        assertTrue(images.get(2, status).startsWith("error:"), "broken file is an error row: " + images.row(2));
        SyntheticNuclei.Field[] truth = {a, b};
        long totalNuclei = 0;
        long totalPositive = 0;
        for (int i = 0; i < 2; i++) {
            assertEquals("ok", images.get(i, status));
            long n = Long.parseLong(images.get(i, images.column("nuclei")));
            double pos = Double.parseDouble(images.get(i, images.column("positive_pct")));
            double hs = Double.parseDouble(images.get(i, images.column("cell_h_score")));
            SyntheticNuclei.Field t = truth[i];
            assertTrue(Math.abs(n - t.nuclei.size()) <= 0.1 * t.nuclei.size(), n + " vs " + t.nuclei.size());
            assertEquals(t.positivePct(0.2, 0.4, 0.6), pos, 5.0);
            assertEquals(t.hScore(0.2, 0.4, 0.6), hs, 15.0);
            double w = Double.parseDouble(images.get(i, images.column("weak_pct")));
            double m = Double.parseDouble(images.get(i, images.column("moderate_pct")));
            double s = Double.parseDouble(images.get(i, images.column("strong_pct")));
            assertEquals(w + 2 * m + 3 * s, hs, 1e-6, "cell H-score = 1 x weak + 2 x moderate + 3 x strong");
            assertEquals(w + m + s, pos, 1e-6);
            totalNuclei += n;
            totalPositive += Long.parseLong(images.get(i, images.column("positive_nuclei")));
        }
        // the second field has about 70 % positive nuclei: Allred proportion 5, IRS proportion 3; intensity from
        // the true mean DAB of its positive nuclei
        double sum = 0;
        int npos = 0;
        for (SyntheticNuclei.TrueNucleus t : b.nuclei) {
            if (t.meanDab >= 0.2) {
                sum += t.meanDab;
                npos++;
            }
        }
        double meanPos = sum / npos;
        int intensity = meanPos >= 0.6 ? 3 : meanPos >= 0.4 ? 2 : 1;
        assertEquals(String.valueOf(5 + intensity), images.get(1, images.column("allred")));
        assertEquals(String.valueOf(3 * intensity), images.get(1, images.column("irs")));
        CsvTable slides = CsvTable.read(out.resolveSibling("cell-slides.csv"));
        assertEquals(1, slides.rowCount(), "the broken S2 file has no slide row");
        assertEquals("S1", slides.get(0, slides.column("slide")));
        assertEquals(String.valueOf(totalNuclei), slides.get(0, slides.column("nuclei")));
        assertEquals(100.0 * totalPositive / totalNuclei,
                Double.parseDouble(slides.get(0, slides.column("positive_pct"))), 1e-9, "slides pool cells");
        CsvTable perCell = CsvTable.read(cells);
        assertEquals(totalNuclei, perCell.rowCount());
        int withRing = 0;
        for (int i = 0; i < perCell.rowCount(); i++) {
            double na = Double.parseDouble(perCell.get(i, perCell.column("nucleus_area_um2")));
            double ra = Double.parseDouble(perCell.get(i, perCell.column("ring_area_um2")));
            double nd = Double.parseDouble(perCell.get(i, perCell.column("nucleus_dab_mean_od")));
            double cd = Double.parseDouble(perCell.get(i, perCell.column("cell_dab_mean_od")));
            if (ra > 0) {
                withRing++;
                double rd = Double.parseDouble(perCell.get(i, perCell.column("ring_dab_mean_od")));
                assertEquals((nd * na + rd * ra) / (na + ra), cd, 1e-9, "cell DAB = area-weighted nucleus and ring");
                // a 5 µm expansion around a nucleus of a few tens of µm² gives a ring of at least as much
                assertTrue(ra > 0.5 * na, "ring of cell " + i + ": " + ra + " µm² around " + na);
            }
        }
        assertTrue(withRing > 0.95 * perCell.rowCount(), "cells have rings: " + withRing);
        List<String> first = perCell.row(0);
        assertEquals("S1_f1.png", first.get(perCell.column("image")));
        String text = new String(Files.readAllBytes(cells), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# tool:"), "settings as # lines");
        assertTrue(text.contains("# pixel_size_um: 0.5"), "pixel size recorded");
        assertTrue(text.contains("# compartment: nucleus"), "compartment recorded");
    }

    @Test
    void estimatesStainVectorsForTheBatchAndPrintsThemInTheVectorsSyntax() throws Exception {
        Path out = dir.resolve("est/images.csv");
        Files.createDirectories(out.getParent());
        CliRunner r = CliRunner.run("cells", "--stain-estimate", "batch", "--quiet", "--out", out.toString(),
                dir.resolve("in/S1_f1.png").toString(), dir.resolve("in/S1_f2.png").toString());
        assertEquals(0, r.code, r.toString());
        {
            assertTrue(Files.readAllLines(out).stream().anyMatch(l -> l.startsWith("# estimated_vectors batch: ")),
                    "estimated vectors in the sidecar lines");
            assertTrue(r.out.contains("stain vectors (batch): --vectors 'Hematoxylin:"), r.out);
            String spec = r.out.substring(r.out.indexOf("--vectors '") + 11);
            spec = spec.substring(0, spec.indexOf('\''));
            // the printed vectors are accepted back as --vectors
            CliRunner again = CliRunner.run("cells", "--vectors", spec, "--quiet", "--out",
                    dir.resolve("est/again.csv").toString(), dir.resolve("in/S1_f1.png").toString());
            assertEquals(0, again.code, again.toString());
        }
    }

    @Test
    void invalidOptionsNameTheOption() {
        CliRunner r = CliRunner.run("cells", "--compartment", "membrane", dir.resolve("in").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--compartment"), r.err);
        r = CliRunner.run("cells", "--nucleus-area", "50,10", dir.resolve("in").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--nucleus-area"), r.err);
    }
}
