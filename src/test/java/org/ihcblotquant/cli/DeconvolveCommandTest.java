package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeconvolveCommandTest {

    @Test
    void writesFloatOdTiffsMatchingTheOracle(@TempDir Path dir) throws Exception {
        int w = 64;
        int h = 48;
        int[] px = new int[w * h];
        Random rnd = new Random(3);
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt(1 << 24);
        }
        Path img = dir.resolve("field.png");
        ImageIO.write(new ColorProcessor(w, h, px).getBufferedImage(), "png", img.toFile());
        Path out = dir.resolve("od");
        CliRunner r = CliRunner.run("deconvolve", img.toString(), "--out", out.toString(), "--background", "white");
        assertEquals(0, r.code, r.toString());
        for (String stain : new String[] {"Hematoxylin", "DAB", "Residual"}) {
            assertTrue(Files.exists(out.resolve("field_" + stain + ".tif")), stain);
        }
        LoadedImage dab = ImageFiles.read(out.resolve("field_DAB.tif"));
        assertEquals(32, dab.bitDepth());
        ImageProcessor ip = dab.processor();
        double worst = 0;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double odR = -Math.log10(Math.max((p >> 16) & 0xff, 1) / 255.0);
            double odG = -Math.log10(Math.max((p >> 8) & 0xff, 1) / 255.0);
            double odB = -Math.log10(Math.max(p & 0xff, 1) / 255.0);
            double oracle = -0.689388 * odR + 0.023597 * odG + 1.508706 * odB;
            worst = Math.max(worst, Math.abs(oracle - ip.getf(i)));
        }
        assertEquals(0, worst, 1e-5);
        ij.io.FileInfo[] fi = new ij.io.TiffDecoder(out.toString() + "/", "field_DAB.tif").getTiffInfo();
        assertTrue(fi[0].info != null && fi[0].info.contains("stain_vectors: Hematoxylin"), "provenance in the TIFF Info");
        assertTrue(fi[0].info.contains("background_used: 255.0,255.0,255.0 (white)"), fi[0].info);
    }

    @Test
    void rejectsGreyscaleAndMissingOut(@TempDir Path dir) throws Exception {
        Path grey = dir.resolve("grey.png");
        ImageIO.write(new ij.process.ByteProcessor(10, 10).getBufferedImage(), "png", grey.toFile());
        CliRunner r = CliRunner.run("deconvolve", grey.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("grey.png") && r.err.contains("not an RGB"), r.err);
        assertEquals(2, CliRunner.run("deconvolve", grey.toString()).code);
    }
}
