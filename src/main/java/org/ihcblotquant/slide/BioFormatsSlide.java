package org.ihcblotquant.slide;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.core.InputException;

/**
 * A slide read through Bio-Formats ({@code loci.formats.ImageReader}) by reflection, for formats
 * our TIFF reader does not handle (JPEG 2000 SVS, NDPI, MRXS, VSI...) when Bio-Formats is present,
 * as in Fiji. Never a compile dependency. Series 0 with its resolution levels; pixels come region
 * by region ({@code openBytes(0, x, y, w, h)}), never a whole full-resolution level. Bio-Formats
 * readers are not thread-safe: reads are serialised. Pixel size is not taken from Bio-Formats
 * metadata (NaN): the scorer then uses full resolution unless a level is chosen.
 */
public final class BioFormatsSlide implements SlideSource {
    private static final String READER = "loci.formats.ImageReader";

    private final Path file;
    private final Object reader;
    private final List<SlideLevel> levels;
    private final boolean interleaved;
    private final int channels;

    /** True when Bio-Formats can be loaded (Fiji with its Bio-Formats jars). */
    public static boolean available() {
        return loadReaderClass() != null;
    }

    private static Class<?> loadReaderClass() {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), BioFormatsSlide.class.getClassLoader()};
        for (ClassLoader l : loaders) {
            try {
                if (l != null) {
                    return Class.forName(READER, true, l);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        try {
            // inside ImageJ the plugin class loader sees Fiji's jars
            ClassLoader ij = (ClassLoader) Class.forName("ij.IJ").getMethod("getClassLoader").invoke(null);
            return ij == null ? null : Class.forName(READER, true, ij);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private BioFormatsSlide(Path file, Object reader, List<SlideLevel> levels, boolean interleaved, int channels) {
        this.file = file;
        this.reader = reader;
        this.levels = levels;
        this.interleaved = interleaved;
        this.channels = channels;
    }

    /** Opens series 0 of a file; InputException when Bio-Formats is missing or cannot read it as 8-bit RGB. */
    public static BioFormatsSlide open(Path file) {
        Class<?> c = loadReaderClass();
        if (c == null) {
            throw new InputException(file + ": Bio-Formats is not available (it comes with Fiji)");
        }
        Object r;
        try {
            r = c.getConstructor().newInstance();
            call(r, "setFlattenedResolutions", new Class<?>[] {boolean.class}, false);
            call(r, "setId", new Class<?>[] {String.class}, file.toString());
        } catch (InputException e) {
            throw new InputException(file + ": Bio-Formats cannot read it (" + e.getMessage() + ")", e);
        } catch (ReflectiveOperationException e) {
            throw new InputException(file + ": Bio-Formats could not be started (" + e + ")", e);
        }
        boolean ok = false;
        try {
            call(r, "setSeries", new Class<?>[] {int.class}, 0);
            int pixelType = (Integer) call(r, "getPixelType", new Class<?>[0]);
            int rgb = (Integer) call(r, "getRGBChannelCount", new Class<?>[0]);
            // loci.formats.FormatTools.UINT8 = 1, INT8 = 0
            if (pixelType > 1 || rgb < 3) {
                throw new InputException(file + ": Bio-Formats reads it as " + rgb + " channel(s) of pixel type "
                        + pixelType + "; brightfield scoring needs 8-bit RGB");
            }
            boolean inter = (Boolean) call(r, "isInterleaved", new Class<?>[0]);
            int count = (Integer) call(r, "getResolutionCount", new Class<?>[0]);
            List<SlideLevel> lv = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                call(r, "setResolution", new Class<?>[] {int.class}, i);
                int w = (Integer) call(r, "getSizeX", new Class<?>[0]);
                int h = (Integer) call(r, "getSizeY", new Class<?>[0]);
                int tw = Math.max(16, Math.min(w, (Integer) call(r, "getOptimalTileWidth", new Class<?>[0])));
                int th = Math.max(16, Math.min(h, (Integer) call(r, "getOptimalTileHeight", new Class<?>[0])));
                // very wide strips are cut into squares of at most 1024 so a tile stays small
                tw = Math.min(tw, 1024);
                th = Math.min(th, 1024);
                lv.add(new SlideLevel(i, w, h, tw, th, Double.NaN));
            }
            ok = true;
            return new BioFormatsSlide(file, r, Collections.unmodifiableList(lv), inter, rgb);
        } catch (ReflectiveOperationException e) {
            throw new InputException(file + ": Bio-Formats failed (" + e + ")", e);
        } finally {
            if (!ok) {
                try {
                    call(r, "close", new Class<?>[0]);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // already failing
                }
            }
        }
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(name, types);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw new InputException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
        }
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String format() {
        return "Bio-Formats, " + levels.size() + " level(s)";
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public int[] readTile(int level, int col, int row) {
        SlideLevel l = levels.get(level);
        return readRegion(level, (long) col * l.tileWidth(), (long) row * l.tileHeight(), l.tileWidthAt(col),
                l.tileHeightAt(row));
    }

    @Override
    public synchronized int[] readRegion(int level, long x, long y, int width, int height) {
        Regions.check(levels.get(level), x, y, width, height);
        byte[] b;
        try {
            call(reader, "setResolution", new Class<?>[] {int.class}, level);
            b = (byte[]) call(reader, "openBytes", new Class<?>[] {int.class, int.class, int.class, int.class,
                int.class}, 0, (int) x, (int) y, width, height);
        } catch (ReflectiveOperationException e) {
            throw new InputException(file + ": Bio-Formats failed (" + e + ")", e);
        } catch (InputException e) {
            throw new InputException(String.format(Locale.ROOT, "%s: Bio-Formats cannot read level %d region %d,%d "
                    + "%dx%d (%s)", file, level, x, y, width, height, e.getMessage()), e);
        }
        int n = width * height;
        int[] out = new int[n];
        if (interleaved) {
            for (int i = 0, j = 0; i < n; i++, j += channels) {
                out[i] = (b[j] & 0xff) << 16 | (b[j + 1] & 0xff) << 8 | (b[j + 2] & 0xff);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (b[i] & 0xff) << 16 | (b[n + i] & 0xff) << 8 | (b[2 * n + i] & 0xff);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            call(reader, "close", new Class<?>[0]);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // nothing left to release
        }
    }
}
