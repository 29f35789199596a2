package org.ihcblotquant.slide;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ihcblotquant.core.InputException;

/**
 * An open TIFF or BigTIFF file: byte order, offset size, bounded positional reads (thread-safe,
 * one shared channel) and the walk over image file directories. Every length read from the file
 * is checked against the file size before anything is allocated, so a corrupt header cannot make
 * us reserve gigabytes.
 */
final class TiffFile implements Closeable {
    /** Most directories we follow in one chain: real slides have fewer than 20. */
    static final int MAX_DIRECTORIES = 4096;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final boolean big;
    private final long firstDirectory;

    private TiffFile(Path path, FileChannel channel, long size, ByteOrder order, boolean big, long first) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.order = order;
        this.big = big;
        this.firstDirectory = first;
    }

    /** Opens a file and reads its header; not a TIFF is an {@link InputException}. */
    static TiffFile open(Path path) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new InputException(path + ": cannot open (" + e.getMessage() + ")", e);
        }
        boolean ok = false;
        try {
            long size = ch.size();
            if (size < 8) {
                throw new InputException(path + ": not a TIFF file (" + size + " bytes)");
            }
            ByteBuffer h = ByteBuffer.allocate((int) Math.min(16, size));
            readFully(ch, h, 0, path);
            h.flip();
            ByteOrder order;
            if (h.get(0) == 'I' && h.get(1) == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (h.get(0) == 'M' && h.get(1) == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new InputException(path + ": not a TIFF file (no II/MM byte-order mark)");
            }
            h.order(order);
            int magic = h.getShort(2) & 0xffff;
            long first;
            boolean big;
            if (magic == 42) {
                big = false;
                first = h.getInt(4) & 0xffffffffL;
            } else if (magic == 43) {
                big = true;
                if (h.limit() < 16 || (h.getShort(4) & 0xffff) != 8) {
                    throw new InputException(path + ": corrupt BigTIFF header");
                }
                first = h.getLong(8);
            } else {
                throw new InputException(path + ": not a TIFF file (version " + magic + ")");
            }
            TiffFile f = new TiffFile(path, ch, size, order, big, first);
            ok = true;
            return f;
        } catch (IOException e) {
            throw new InputException(path + ": cannot read (" + e.getMessage() + ")", e);
        } finally {
            if (!ok) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // already failing
                }
            }
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    boolean isBig() {
        return big;
    }

    ByteOrder order() {
        return order;
    }

    /** Reads {@code length} bytes at {@code offset}; a range past the end of the file is an error naming what. */
    ByteBuffer read(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new InputException(String.format(java.util.Locale.ROOT,
                    "%s: %s at byte %d (+%d bytes) lies past the end of the file (%d bytes); truncated or corrupt",
                    path, what, offset, length, size));
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new InputException(path + ": " + what + " is " + length + " bytes, too large to read");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length).order(order);
        try {
            readFully(channel, b, offset, path);
        } catch (IOException e) {
            throw new InputException(path + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
        b.flip();
        return b;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long offset, Path path) throws IOException {
        long pos = offset;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    /** The main chain of directories, in file order (loops and absurd chains are errors). */
    List<TiffDirectory> mainChain() {
        List<TiffDirectory> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long next = firstDirectory;
        while (next != 0) {
            if (!seen.add(next)) {
                throw new InputException(path + ": corrupt TIFF (directory chain loops back to byte " + next + ")");
            }
            if (out.size() >= MAX_DIRECTORIES) {
                throw new InputException(path + ": corrupt TIFF (more than " + MAX_DIRECTORIES + " directories)");
            }
            TiffDirectory d = TiffDirectory.read(this, next);
            out.add(d);
            next = d.next();
        }
        if (out.isEmpty()) {
            throw new InputException(path + ": corrupt TIFF (no image directory)");
        }
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
