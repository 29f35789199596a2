package org.ihcblotquant.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.job.FieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each front end words the same problem for its own user: the field as that user typed it, and
 * the remedy for lack of memory that works there (JAVA_OPTS for the CLI, Fiji's Memory &amp;
 * Threads dialog).
 */
class FrontEndMessagesTest {

    @Test
    void fieldsAreSpelledAsEachFrontEndTypesThem() {
        FieldException e = new FieldException("tissue-od", "9.0 is outside 0..7.2");
        assertEquals("tissue=: 9.0 is outside 0..7.2", UserMessages.describe(e, MacroKeys.IHC));
        FieldException ref = new FieldException("reference-lane", "9: lanes are numbered 1..6");
        assertEquals("reference=: 9: lanes are numbered 1..6", UserMessages.describe(ref, MacroKeys.BLOT));
        assertEquals("cv_limit=: must be a percentage above 0",
                UserMessages.describe(new FieldException("max-control-cv", "must be a percentage above 0"),
                        MacroKeys.BLOT));
        assertEquals("pair=: is required", UserMessages.describe(new FieldException("paired-by", "is required"),
                MacroKeys.COMPARE));
        assertEquals("level=: x", UserMessages.describe(new FieldException("conf-level", "x"), MacroKeys.SURVIVAL));
        assertEquals("output=: x", UserMessages.describe(new FieldException("out", "x"), MacroKeys.IHC_BATCH));
    }

    /** A PNG whose header claims a size that cannot fit in the heap (the pixels are never decoded). */
    private static Path hugePng(Path file) throws Exception {
        ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                file.toFile());
        byte[] b = Files.readAllBytes(file);
        int side = 200000;
        for (int k = 0; k < 2; k++) {
            int at = 16 + 4 * k;
            b[at] = (byte) (side >>> 24);
            b[at + 1] = (byte) (side >>> 16);
            b[at + 2] = (byte) (side >>> 8);
            b[at + 3] = (byte) side;
        }
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            b[29 + i] = (byte) (c >>> (24 - 8 * i));
        }
        return Files.write(file, b);
    }

    @Test
    void outOfMemoryAdviceFitsTheFrontEnd(@TempDir Path dir) throws Exception {
        Path huge = hugePng(dir.resolve("huge.png"));
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ImageFiles.read(huge));
        assertTrue(!e.getMessage().contains("JAVA_OPTS") && !e.getMessage().contains("Memory & Threads"),
                e.getMessage());
        assertTrue(UserMessages.describe(e, MacroKeys.IHC).endsWith("; " + UserMessages.MEMORY_ADVICE),
                UserMessages.describe(e, MacroKeys.IHC));
        assertTrue(UserMessages.MEMORY_ADVICE.contains("Edit > Options > Memory & Threads"));
        CliRunner blot = CliRunner.run("blot", huge.toString());
        assertEquals(1, blot.code, blot.toString());
        assertTrue(blot.err.contains("too large for memory") && blot.err.contains("JAVA_OPTS=-Xmx16g")
                && !blot.err.contains("Memory & Threads"), blot.err);
        CliRunner ihc = CliRunner.run("ihc", "--out", dir.resolve("o.csv").toString(), huge.toString());
        assertEquals(1, ihc.code, ihc.toString());
        CsvTable t = CsvTable.read(dir.resolve("o.csv"));
        assertTrue(t.get(0, t.column("status")).startsWith("error: ")
                && t.get(0, t.column("status")).contains("too large for memory"), t.row(0).toString());
        assertTrue(ihc.err.contains("warning: images too large for memory: raise the heap, e.g. JAVA_OPTS=-Xmx16g"),
                ihc.err);
    }
}
