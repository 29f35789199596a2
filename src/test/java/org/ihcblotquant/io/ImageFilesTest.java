package org.ihcblotquant.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import org.ihcblotquant.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @Test
    void sixteenBitTiffKeepsNativeDepth(@TempDir Path dir) {
        ShortProcessor sp = new ShortProcessor(30, 20);
        sp.set(3, 4, 65000);
        Path f = dir.resolve("blot16.tif");
        new FileSaver(new ImagePlus("b", sp)).saveAsTiff(f.toString());
        LoadedImage img = ImageFiles.read(f);
        assertEquals(16, img.bitDepth());
        assertEquals(65000, img.processor().get(3, 4));
        assertEquals("tiff", img.format());
    }

    @Test
    void truncatedTiffIsNamed(@TempDir Path dir) throws Exception {
        ShortProcessor sp = new ShortProcessor(100, 100);
        Path f = dir.resolve("full.tif");
        new FileSaver(new ImagePlus("b", sp)).saveAsTiff(f.toString());
        byte[] b = Files.readAllBytes(f);
        Path t = dir.resolve("cut.tif");
        Files.write(t, Arrays.copyOf(b, b.length / 2));
        InputException e = assertThrows(InputException.class, () -> ImageFiles.read(t));
        assertTrue(e.getMessage().contains("cut.tif") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void tooLargeForMemoryIsRefusedBeforeDecoding(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class,
                () -> ImageFiles.checkFitsInMemory(dir.resolve("huge.tif"), 400_000, 400_000));
        assertTrue(e.getMessage().contains("huge.tif") && e.getMessage().contains("too large for memory"), e.getMessage());
    }

    @Test
    void missingAndEmptyFilesAreNamed(@TempDir Path dir) throws Exception {
        InputException missing = assertThrows(InputException.class, () -> ImageFiles.read(dir.resolve("nope.png")));
        assertTrue(missing.getMessage().contains("nope.png") && missing.getMessage().contains("not found"));
        Files.write(dir.resolve("zero.png"), new byte[0]);
        InputException empty = assertThrows(InputException.class, () -> ImageFiles.read(dir.resolve("zero.png")));
        assertTrue(empty.getMessage().contains("empty file"));
    }
}
