package org.ihcblotquant.slide;

import java.nio.file.Path;
import java.util.Locale;

import org.ihcblotquant.core.InputException;

/**
 * How one TIFF directory stores its pixels: size, tiles or strips (strips are handled as tiles as
 * wide as the image), compression, colour layout and where each tile's bytes are. Built only for
 * layouts we decode; anything else is an {@link InputException} that names the file, the
 * directory and the unsupported feature.
 */
final class TiffLayout {
    static final int NONE = 1;
    static final int LZW = 5;
    static final int OLD_JPEG = 6;
    static final int JPEG = 7;
    static final int DEFLATE = 8;
    static final int DEFLATE_OLD = 32946;

    /** A tile or strip larger than this is refused rather than decoded (64 MP, 256 MB as int[]). */
    static final long MAX_TILE_PIXELS = 1L << 26;
    /** Side limit of a level: TIFF itself allows 2^32, real slides stay below 500 000 pixels. */
    static final long MAX_SIDE = 1L << 30;

    final long width;
    final long height;
    final boolean tiled;
    final int tileWidth;
    final int tileHeight;
    final int compression;
    final int photometric;
    final int samples;
    final int predictor;
    final byte[] jpegTables;
    final long[] offsets;
    final long[] byteCounts;
    final int columns;
    final int rows;

    private TiffLayout(TiffDirectory d, Path file, String where) {
        width = d.first(TiffDirectory.IMAGE_WIDTH, 0);
        height = d.first(TiffDirectory.IMAGE_LENGTH, 0);
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InputException(file + ": " + where + " has an impossible size " + width + "x" + height);
        }
        compression = (int) d.first(TiffDirectory.COMPRESSION, NONE);
        checkCompression(file, where, compression);
        photometric = (int) d.first(TiffDirectory.PHOTOMETRIC, -1);
        samples = (int) d.first(TiffDirectory.SAMPLES_PER_PIXEL, 1);
        long[] bits = d.longs(TiffDirectory.BITS_PER_SAMPLE);
        for (int i = 0; bits != null && i < bits.length; i++) {
            if (bits[i] != 8) {
                throw new InputException(file + ": " + where + " has " + bits[i]
                        + " bits per sample; only 8-bit RGB slides are read");
            }
        }
        if (d.first(TiffDirectory.SAMPLE_FORMAT, 1) != 1) {
            throw new InputException(file + ": " + where + " stores floating-point or signed samples; only 8-bit RGB is read");
        }
        if (samples < 3 || samples > 4) {
            throw new InputException(file + ": " + where + " has " + samples
                    + " sample(s) per pixel; brightfield scoring needs RGB (3 samples)");
        }
        if (d.first(TiffDirectory.PLANAR_CONFIGURATION, 1) != 1) {
            throw new InputException(file + ": " + where + " stores colour planes separately (PlanarConfiguration 2), "
                    + "which is not read here");
        }
        boolean ycbcr = photometric == 6;
        if (photometric != 2 && !(ycbcr && compression == JPEG)) {
            throw new InputException(file + ": " + where + " has photometric interpretation " + photometric
                    + (ycbcr ? " (YCbCr) without JPEG compression" : "") + "; only RGB (or YCbCr JPEG) is read");
        }
        predictor = (int) d.first(TiffDirectory.PREDICTOR, 1);
        if (predictor != 1 && predictor != 2) {
            throw new InputException(file + ": " + where + " uses predictor " + predictor
                    + " (floating point); only none and horizontal differencing are read");
        }
        jpegTables = compression == JPEG ? d.bytes(TiffDirectory.JPEG_TABLES) : null;
        tiled = d.has(TiffDirectory.TILE_WIDTH);
        if (tiled) {
            long tw = d.first(TiffDirectory.TILE_WIDTH, 0);
            long th = d.first(TiffDirectory.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0 || tw * th > MAX_TILE_PIXELS) {
                throw new InputException(file + ": " + where + " has an impossible tile size " + tw + "x" + th);
            }
            tileWidth = (int) tw;
            tileHeight = (int) th;
        } else {
            long rps = Math.min(d.first(TiffDirectory.ROWS_PER_STRIP, height), height);
            if (rps <= 0 || width * rps > MAX_TILE_PIXELS) {
                throw new InputException(String.format(Locale.ROOT,
                        "%s: %s stores strips of %dx%d pixels; strips above %d MP are not decoded (re-save it tiled, "
                                + "e.g. vips tiffsave --tile --pyramid)", file, where, width, rps, MAX_TILE_PIXELS >> 20));
            }
            tileWidth = (int) width;
            tileHeight = (int) rps;
        }
        long cols = (width + tileWidth - 1) / tileWidth;
        long rowsL = (height + tileHeight - 1) / tileHeight;
        long expected = cols * rowsL;
        int offsetsTag = tiled ? TiffDirectory.TILE_OFFSETS : TiffDirectory.STRIP_OFFSETS;
        int countsTag = tiled ? TiffDirectory.TILE_BYTE_COUNTS : TiffDirectory.STRIP_BYTE_COUNTS;
        String unit = tiled ? "tile" : "strip";
        if (d.count(offsetsTag) != expected || d.count(countsTag) != expected) {
            throw new InputException(String.format(Locale.ROOT,
                    "%s: %s of %dx%d pixels needs %d %s offsets and byte counts, the file lists %d and %d; corrupt",
                    file, where, width, height, expected, unit, d.count(offsetsTag), d.count(countsTag)));
        }
        offsets = d.longs(offsetsTag);
        byteCounts = d.longs(countsTag);
        columns = (int) cols;
        rows = (int) rowsL;
    }

    static TiffLayout of(TiffDirectory d, Path file, String where) {
        return new TiffLayout(d, file, where);
    }

    private static void checkCompression(Path file, String where, int c) {
        switch (c) {
            case NONE: case LZW: case JPEG: case DEFLATE: case DEFLATE_OLD:
                return;
            case OLD_JPEG:
                throw new InputException(file + ": " + where + " uses old-style JPEG (TIFF compression 6), which is not read");
            case 33003: case 33004: case 33005: case 34712:
                throw new InputException(file + ": " + where + " uses JPEG 2000 compression (TIFF compression " + c
                        + ", as in some Aperio SVS), which is not read here; in Fiji, IHC Score Slide can read it "
                        + "through Bio-Formats, or convert it first (e.g. vips tiffsave --tile --pyramid "
                        + "--compression jpeg)");
            default:
                throw new InputException(file + ": " + where + " uses TIFF compression " + c + " (" + compressionName(c)
                        + "), which is not read here; supported: none, LZW, Deflate, JPEG");
        }
    }

    static String compressionName(int c) {
        switch (c) {
            case NONE:
                return "none";
            case 2:
                return "CCITT";
            case LZW:
                return "LZW";
            case OLD_JPEG:
                return "old JPEG";
            case JPEG:
                return "JPEG";
            case DEFLATE: case DEFLATE_OLD:
                return "Deflate";
            case 32773:
                return "PackBits";
            case 34887:
                return "LERC";
            case 34925:
                return "LZMA";
            case 50000:
                return "Zstd";
            case 50001:
                return "WebP";
            case 50002:
                return "JPEG XL";
            default:
                return "unknown";
        }
    }

    /** Bytes one decoded (uncompressed) tile or strip holds. */
    long rawTileBytes(int row) {
        int h = tiled ? tileHeight : (int) Math.min(tileHeight, height - (long) row * tileHeight);
        return (long) tileWidth * h * samples;
    }
}
