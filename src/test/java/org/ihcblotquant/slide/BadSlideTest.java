package org.ihcblotquant.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.testutil.Vips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files fail with a message naming the file and the problem, without
 * allocating what a header claims; plus the ImgLib2 view against direct tile reads.
 */
class BadSlideTest {
    @TempDir
    Path dir;

    /** A little-endian classic TIFF with one directory of SHORT/LONG entries (tag, type, values). */
    static byte[] tiff(List<long[]> entries, int extraBytes) {
        int n = entries.size();
        int ifdSize = 2 + 12 * n + 4;
        ByteBuffer b = ByteBuffer.allocate(8 + ifdSize + extraBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) n);
        for (long[] e : entries) {
            b.putShort((short) e[0]).putShort((short) e[1]).putInt((int) e[2]);
            if (e[1] == 3 && e[2] == 1) {
                b.putShort((short) e[3]).putShort((short) 0);
            } else {
                b.putInt((int) e[3]);
            }
        }
        b.putInt(0);
        return b.array();
    }

    static List<long[]> rgbTiled(long w, long h, int tile, long tiles, int compression, long offsetsAt) {
        List<long[]> e = new ArrayList<>();
        e.add(new long[] {256, 4, 1, w});
        e.add(new long[] {257, 4, 1, h});
        e.add(new long[] {258, 3, 1, 8});
        e.add(new long[] {259, 3, 1, compression});
        e.add(new long[] {262, 3, 1, 2});
        e.add(new long[] {277, 3, 1, 3});
        e.add(new long[] {322, 3, 1, tile});
        e.add(new long[] {323, 3, 1, tile});
        e.add(new long[] {324, 4, tiles, offsetsAt});
        e.add(new long[] {325, 4, tiles, offsetsAt});
        return e;
    }

    private Path write(String name, byte[] b) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    @Test
    void absurdSizeFailsBeforeAllocating() throws Exception {
        // 10^6 x 10^6 pixels in 256-pixel tiles: 15 million tile offsets that the 200-byte file cannot hold
        long tiles = 3907L * 3907L;
        Path p = write("huge.tif", tiff(rgbTiled(1_000_000, 1_000_000, 256, tiles, 8, 300_000_000L), 0));
        long before = usedHeap();
        InputException e = assertThrows(InputException.class, () -> TiffSlide.open(p).close());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
        assertTrue(usedHeap() - before < 64L << 20, "no large allocation");
    }

    @Test
    void mismatchedTileCountAndZeroSizeAreCorrupt() throws Exception {
        Path p = write("count.tif", tiff(rgbTiled(1000, 1000, 256, 3, 8, 200), 64));
        InputException e = assertThrows(InputException.class, () -> TiffSlide.open(p).close());
        assertTrue(e.getMessage().contains("needs 16 tile offsets"), e.getMessage());
        Path z = write("zero.tif", tiff(rgbTiled(0, 1000, 256, 0, 8, 200), 64));
        e = assertThrows(InputException.class, () -> TiffSlide.open(z).close());
        assertTrue(e.getMessage().contains("impossible size 0x1000"), e.getMessage());
    }

    @Test
    void jpeg2000AndOtherCompressionsAreNamed() throws Exception {
        Path p = write("j2k.svs", tiff(rgbTiled(256, 256, 256, 1, 33003, 8), 0));
        InputException e = assertThrows(InputException.class, () -> TiffSlide.open(p).close());
        assertTrue(e.getMessage().contains("JPEG 2000"), e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        Path q = write("zstd.tif", tiff(rgbTiled(256, 256, 256, 1, 50000, 8), 0));
        e = assertThrows(InputException.class, () -> TiffSlide.open(q).close());
        assertTrue(e.getMessage().contains("Zstd"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> TiffSlide.open(write("not.tif", new byte[] {1, 2, 3, 4, 5,
            6, 7, 8, 9}))).getMessage().contains("not a TIFF"));
    }

    /** Overwrites value {@code index} of an integer tag of the first directory. */
    static void patch(Path tif, int tag, int index, long value) throws Exception {
        long at;
        int type;
        boolean little;
        try (TiffFile f = TiffFile.open(tif)) {
            TiffDirectory d = f.mainChain().get(0);
            type = d.type(tag);
            at = d.valueOffset(tag) + (long) index * TiffDirectory.typeSize(type);
            little = f.order() == ByteOrder.LITTLE_ENDIAN;
        }
        ByteBuffer b = ByteBuffer.allocate(TiffDirectory.typeSize(type))
                .order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (type == 16) {
            b.putLong(value);
        } else {
            b.putInt((int) value);
        }
        try (RandomAccessFile f = new RandomAccessFile(tif.toFile(), "rw")) {
            f.seek(at);
            f.write(b.array());
        }
    }

    @Test
    void truncatedTilesAndOffsetsPastTheEndAreErrorsNamingTheTile() throws Exception {
        int[] px = new int[512 * 512];
        for (int i = 0; i < px.length; i++) {
            px[i] = (int) (i * 2654435761L & 0xffffff);
        }
        Path png = Vips.png(px, 512, 512, dir.resolve("noise512.png"));
        for (String c : new String[] {"deflate", "jpeg", "lzw", "none"}) {
            Path tif = dir.resolve("t-" + c + ".tif");
            Vips.run("vips", "tiffsave", png.toString(), tif.toString(), "--tile", "--compression", c,
                    "--tile-width", "256", "--tile-height", "256");
            long count;
            try (TiffSlide s = TiffSlide.open(tif)) {
                assertEquals(4, s.levels().get(0).tileCount());
                s.readTile(0, 1, 0);
            }
            try (TiffFile f = TiffFile.open(tif)) {
                count = f.mainChain().get(0).longs(TiffDirectory.TILE_BYTE_COUNTS)[1];
            }
            // tile (1, 0) cut to a third of its bytes
            patch(tif, TiffDirectory.TILE_BYTE_COUNTS, 1, count / 3);
            // tile (0, 1) stored past the end of the file
            patch(tif, TiffDirectory.TILE_OFFSETS, 2, Files.size(tif) + 1000);
            try (TiffSlide s = TiffSlide.open(tif)) {
                InputException cut = assertThrows(InputException.class, () -> s.readTile(0, 1, 0), c);
                assertTrue(cut.getMessage().startsWith(tif.toString()) && cut.getMessage().contains("tile (1, 0)")
                        && cut.getMessage().contains("truncated or corrupt"), cut.getMessage());
                InputException past = assertThrows(InputException.class, () -> s.readTile(0, 0, 1), c);
                assertTrue(past.getMessage().contains("tile (0, 1)") && past.getMessage().contains("past the end"),
                        past.getMessage());
                assertEquals(256 * 256, s.readTile(0, 1, 1).length, "the intact tiles still read");
            }
        }
    }

    @Test
    void imglib2ViewShowsTheSameTiles() throws Exception {
        int[] px = new int[700 * 500];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 2654435761L & 0xffffff) == 0 ? 1 : (int) (i * 2654435761L & 0xffffff);
        }
        Path png = Vips.png(px, 700, 500, dir.resolve("noise.png"));
        Path tif = dir.resolve("noise.tif");
        Vips.run("vips", "tiffsave", png.toString(), tif.toString(), "--tile", "--pyramid", "--compression",
                "deflate", "--tile-width", "128", "--tile-height", "128");
        try (TiffSlide s = TiffSlide.open(tif)) {
            RandomAccessibleInterval<ARGBType> img = SlideImg.view(s, 0, 4);
            assertEquals(700, img.dimension(0));
            assertEquals(500, img.dimension(1));
            RandomAccess<ARGBType> ra = img.randomAccess();
            for (int k = 0; k < 2000; k++) {
                int x = (k * 37) % 700;
                int y = (k * 91) % 500;
                ra.setPosition(new long[] {x, y});
                assertEquals(0xff000000 | px[y * 700 + x], ra.get().get(), "pixel " + x + "," + y);
            }
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
