package org.ihcblotquant.slide;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.ihcblotquant.core.InputException;

/**
 * One image file directory: its entries (tag, type, count, where the values are) and the offset of
 * the next directory. Values are read on demand; array lengths are checked against the file size
 * first (TIFF 6.0 and the BigTIFF extension define the layout).
 */
final class TiffDirectory {
    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int IMAGE_DESCRIPTION = 270;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SUB_IFDS = 330;
    static final int SAMPLE_FORMAT = 339;
    static final int JPEG_TABLES = 347;

    /** More entries than any real directory has (about 30 tags are defined for images). */
    private static final int MAX_ENTRIES = 10_000;

    private static final class Entry {
        final int type;
        final long count;
        final long valueAt;

        Entry(int type, long count, long valueAt) {
            this.type = type;
            this.count = count;
            this.valueAt = valueAt;
        }
    }

    private final TiffFile file;
    private final long offset;
    private final Map<Integer, Entry> entries = new HashMap<>();
    private long next;

    private TiffDirectory(TiffFile file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    static TiffDirectory read(TiffFile f, long offset) {
        TiffDirectory d = new TiffDirectory(f, offset);
        boolean big = f.isBig();
        ByteBuffer head = f.read(offset, big ? 8 : 2, "image directory");
        long n = big ? head.getLong(0) : head.getShort(0) & 0xffff;
        if (n <= 0 || n > MAX_ENTRIES) {
            throw new InputException(f.path() + ": corrupt TIFF (image directory at byte " + offset + " claims " + n
                    + " entries)");
        }
        int entrySize = big ? 20 : 12;
        long start = offset + (big ? 8 : 2);
        ByteBuffer b = f.read(start, n * entrySize + (big ? 8 : 4), "image directory");
        for (int i = 0; i < n; i++) {
            int at = i * entrySize;
            int tag = b.getShort(at) & 0xffff;
            int type = b.getShort(at + 2) & 0xffff;
            long count = big ? b.getLong(at + 4) : b.getInt(at + 4) & 0xffffffffL;
            int size = typeSize(type);
            if (size == 0 || count < 0) {
                continue; // unknown type: TIFF readers skip such entries
            }
            int inline = big ? 8 : 4;
            long valueAt;
            if (count * size <= inline) {
                valueAt = start + at + (big ? 12 : 8);
            } else {
                valueAt = big ? b.getLong(at + 12) : b.getInt(at + 8) & 0xffffffffL;
            }
            d.entries.put(tag, new Entry(type, count, valueAt));
        }
        long nextAt = n * entrySize;
        d.next = big ? b.getLong((int) nextAt) : b.getInt((int) nextAt) & 0xffffffffL;
        return d;
    }

    static int typeSize(int type) {
        switch (type) {
            case 1: case 2: case 6: case 7:
                return 1;
            case 3: case 8:
                return 2;
            case 4: case 9: case 11: case 13:
                return 4;
            case 5: case 10: case 12: case 16: case 17: case 18:
                return 8;
            default:
                return 0;
        }
    }

    long offset() {
        return offset;
    }

    long next() {
        return next;
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** File position of a tag's values (tests patch files there); -1 when absent. */
    long valueOffset(int tag) {
        Entry e = entries.get(tag);
        return e == null ? -1 : e.valueAt;
    }

    /** TIFF type of a tag; 0 when absent. */
    int type(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.type;
    }

    long count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count;
    }

    private ByteBuffer values(int tag, Entry e) {
        return file.read(e.valueAt, e.count * typeSize(e.type), "values of TIFF tag " + tag);
    }

    /** Integer values of a tag (BYTE, SHORT, LONG, LONG8, IFD types); null when absent. */
    long[] longs(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer b = values(tag, e);
        long[] out = new long[(int) e.count];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(tag, e.type, b, i);
        }
        return out;
    }

    private long integer(int tag, int type, ByteBuffer b, int i) {
        switch (type) {
            case 1: case 7:
                return b.get(i) & 0xff;
            case 6:
                return b.get(i);
            case 3:
                return b.getShort(2 * i) & 0xffff;
            case 8:
                return b.getShort(2 * i);
            case 4: case 13:
                return b.getInt(4 * i) & 0xffffffffL;
            case 9:
                return b.getInt(4 * i);
            case 16: case 17: case 18:
                return b.getLong(8 * i);
            default:
                throw new InputException(file.path() + ": TIFF tag " + tag + " has type " + type
                        + " where whole numbers are expected");
        }
    }

    /** First integer value of a tag, or {@code dflt} when absent. */
    long first(int tag, long dflt) {
        Entry e = entries.get(tag);
        if (e == null || e.count == 0) {
            return dflt;
        }
        ByteBuffer b = file.read(e.valueAt, typeSize(e.type), "value of TIFF tag " + tag);
        return integer(tag, e.type, b, 0);
    }

    /** A RATIONAL (or FLOAT/DOUBLE) value; NaN when absent. */
    double real(int tag) {
        Entry e = entries.get(tag);
        if (e == null || e.count == 0) {
            return Double.NaN;
        }
        ByteBuffer b = file.read(e.valueAt, typeSize(e.type), "value of TIFF tag " + tag);
        switch (e.type) {
            case 5: {
                long num = b.getInt(0) & 0xffffffffL;
                long den = b.getInt(4) & 0xffffffffL;
                return den == 0 ? Double.NaN : num / (double) den;
            }
            case 10: {
                int den = b.getInt(4);
                return den == 0 ? Double.NaN : b.getInt(0) / (double) den;
            }
            case 11:
                return b.getFloat(0);
            case 12:
                return b.getDouble(0);
            default:
                return first(tag, 0);
        }
    }

    /** An ASCII value without its trailing NUL; null when absent. */
    String ascii(int tag) {
        byte[] b = bytes(tag);
        if (b == null) {
            return null;
        }
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** Raw bytes of a byte-sized tag (ASCII, UNDEFINED, BYTE); null when absent. */
    byte[] bytes(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer b = values(tag, e);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
