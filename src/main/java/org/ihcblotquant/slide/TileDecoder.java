package org.ihcblotquant.slide;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import org.ihcblotquant.core.InputException;

/**
 * Decodes TIFF tiles and strips into packed RGB. Not thread-safe: each thread owns one (the
 * Inflater, the LZW tables and the JPEG reader are reused from tile to tile).
 *
 * <p>JPEG tiles go to the JDK's baseline JPEG decoder, and to the TwelveMonkeys JPEG decoder for
 * streams it refuses; both are created directly from their service providers (not through
 * {@code ImageIO.getImageReaders}, which Fiji's class loaders make unreliable). We read the
 * raw decoded components ({@code readRaster}) and convert colour ourselves ({@link #isYCbCr}:
 * the tile's JFIF/Adobe marker when it has one, else the photometric tag, as libtiff); YCbCr is
 * converted with libjpeg's fixed-point JFIF tables so that pixels match libtiff/libvips.</p>
 */
final class TileDecoder {
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        // libjpeg jdcolor.c build_ycc_rgb_table: 16-bit fixed point with rounding
        final int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + half) >> 16;
            CB_B[i] = (fix(1.77200) * x + half) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + half;
        }
    }

    private static int fix(double v) {
        return (int) (v * 65536 + 0.5);
    }

    private final Path file;
    private Inflater inflater;
    private Lzw lzw;
    private ImageReader jpeg;
    private byte[] raw = new byte[0];
    private String jpegWarning;
    /** Tests switch the JDK decoder off to check the TwelveMonkeys path gives the same pixels. */
    static volatile boolean useJdkDecoder = true;
    private ImageReader jdkJpeg;
    private boolean noJdkJpeg;

    TileDecoder(Path file) {
        this.file = file;
    }

    /**
     * Decodes tile {@code index} of a layout into {@code out} (full tile size,
     * {@code tileWidth x rows} pixels where rows is the strip's height for strips).
     *
     * @param data    the tile's compressed bytes
     * @param rows    rows this tile holds (tile height, or the last strip's height)
     * @param where   "level 2 tile (3, 4)" for messages
     */
    void decode(TiffLayout l, ByteBuffer data, int rows, int[] out, String where) {
        int w = l.tileWidth;
        int n = w * rows;
        if (l.compression == TiffLayout.JPEG) {
            decodeJpeg(l, data, w, rows, out, where);
            return;
        }
        int spp = l.samples;
        int need = n * spp;
        if (raw.length < need) {
            raw = new byte[need];
        }
        int got;
        switch (l.compression) {
            case TiffLayout.NONE:
                got = Math.min(need, data.remaining());
                data.get(raw, 0, got);
                break;
            case TiffLayout.DEFLATE:
            case TiffLayout.DEFLATE_OLD:
                got = inflate(data, need, where);
                break;
            case TiffLayout.LZW:
                got = unLzw(data, need, where);
                break;
            default:
                throw new IllegalStateException("compression " + l.compression);
        }
        if (got < need) {
            throw new InputException(String.format(Locale.ROOT,
                    "%s: %s is truncated or corrupt (%s data gives %d of %d bytes)", file, where,
                    TiffLayout.compressionName(l.compression), got, need));
        }
        if (l.predictor == 2) {
            int rowBytes = w * spp;
            for (int y = 0; y < rows; y++) {
                int base = y * rowBytes;
                for (int i = base + spp; i < base + rowBytes; i++) {
                    raw[i] = (byte) (raw[i] + raw[i - spp]);
                }
            }
        }
        byte[] r = raw;
        for (int i = 0, j = 0; i < n; i++, j += spp) {
            out[i] = ((r[j] & 0xff) << 16) | ((r[j + 1] & 0xff) << 8) | (r[j + 2] & 0xff);
        }
    }

    private int inflate(ByteBuffer data, int need, String where) {
        if (inflater == null) {
            inflater = new Inflater();
        }
        inflater.reset();
        byte[] in = toArray(data);
        inflater.setInput(in);
        int got = 0;
        try {
            while (got < need) {
                int k = inflater.inflate(raw, got, need - got);
                if (k == 0) {
                    if (inflater.finished() || inflater.needsInput() || inflater.needsDictionary()) {
                        break;
                    }
                }
                got += k;
            }
        } catch (DataFormatException e) {
            throw new InputException(file + ": " + where + " is corrupt (Deflate: " + e.getMessage() + ")", e);
        }
        return got;
    }

    private int unLzw(ByteBuffer data, int need, String where) {
        if (lzw == null) {
            lzw = new Lzw();
        }
        byte[] in = toArray(data);
        byte[] target = raw.length == need ? raw : new byte[need];
        int got;
        try {
            got = lzw.decode(in, in.length, target);
        } catch (IllegalStateException e) {
            throw new InputException(file + ": " + where + " is corrupt (LZW: " + e.getMessage() + ")", e);
        }
        if (target != raw) {
            System.arraycopy(target, 0, raw, 0, got);
        }
        return got;
    }

    private static byte[] toArray(ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) {
            return b.array();
        }
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private void decodeJpeg(TiffLayout l, ByteBuffer data, int w, int rows, int[] out, String where) {
        byte[] tile = toArray(data);
        byte[] stream = tile;
        byte[] tables = l.jpegTables;
        if (tables != null && tables.length > 4 && tile.length > 2) {
            // abbreviated stream: the shared tables (without their EOI) then the tile (without its SOI)
            stream = new byte[tables.length - 2 + tile.length - 2];
            System.arraycopy(tables, 0, stream, 0, tables.length - 2);
            System.arraycopy(tile, 2, stream, tables.length - 2, tile.length - 2);
        }
        Raster r;
        ImageReader fast = jdkReader();
        try {
            r = fast == null ? null : readRaster(fast, stream, where);
        } catch (IOException | RuntimeException e) {
            r = null; // the JDK decoder refused the stream: TwelveMonkeys reads more variants
        }
        if (r == null) {
            try {
                r = readRaster(jpegReader(), stream, where);
            } catch (InputException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new InputException(file + ": " + where + " is truncated or corrupt (JPEG: " + msg + ")", e);
            }
        }
        if (r.getNumBands() < 3 || !(r.getSampleModel() instanceof ComponentSampleModel)
                || !(r.getDataBuffer() instanceof DataBufferByte)) {
            throw new InputException(file + ": " + where + " is a JPEG with " + r.getNumBands()
                    + " component(s); only 3-component colour JPEG tiles are read");
        }
        ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
        byte[] px = ((DataBufferByte) r.getDataBuffer()).getData();
        int stride = sm.getScanlineStride();
        int ps = sm.getPixelStride();
        int[] bo = sm.getBandOffsets();
        int base = ((DataBufferByte) r.getDataBuffer()).getOffset()
                - r.getSampleModelTranslateX() * ps - r.getSampleModelTranslateY() * stride;
        int cw = Math.min(w, r.getWidth());
        int ch = Math.min(rows, r.getHeight());
        if (cw < w || ch < rows) {
            throw new InputException(String.format(Locale.ROOT, "%s: %s is a %dx%d JPEG, %dx%d expected; corrupt",
                    file, where, r.getWidth(), r.getHeight(), w, rows));
        }
        boolean ycc = isYCbCr(tile, l.photometric);
        int o0 = bo[0];
        int o1 = bo[1];
        int o2 = bo[2];
        for (int y = 0; y < rows; y++) {
            int s = base + y * stride;
            int o = y * w;
            if (ycc) {
                for (int x = 0; x < w; x++, s += ps) {
                    int yy = px[s + o0] & 0xff;
                    int cb = px[s + o1] & 0xff;
                    int cr = px[s + o2] & 0xff;
                    int red = clamp(yy + CR_R[cr]);
                    int green = clamp(yy + ((CB_G[cb] + CR_G[cr]) >> 16));
                    int blue = clamp(yy + CB_B[cb]);
                    out[o + x] = (red << 16) | (green << 8) | blue;
                }
            } else {
                for (int x = 0; x < w; x++, s += ps) {
                    out[o + x] = ((px[s + o0] & 0xff) << 16) | ((px[s + o1] & 0xff) << 8) | (px[s + o2] & 0xff);
                }
            }
        }
    }

    /**
     * Whether a JPEG tile holds YCbCr. The stream's own colour marker decides when it has one (a
     * JFIF APP0 means YCbCr; an Adobe APP14 says so in its transform byte): Bio-Formats writes JFIF
     * (YCbCr) tiles under Photometric RGB, and libtiff's RGB tiles carry an Adobe marker with
     * transform 0. Without a marker the TIFF photometric tag decides, as in libtiff (SVS and
     * libvips tiles with shared tables have none).
     */
    static boolean isYCbCr(byte[] jpeg, int photometric) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                break;
            }
            int len = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            int p = i + 4;
            if (marker == 0xe0 && len >= 7 && p + 5 <= jpeg.length && jpeg[p] == 'J' && jpeg[p + 1] == 'F'
                    && jpeg[p + 2] == 'I' && jpeg[p + 3] == 'F' && jpeg[p + 4] == 0) {
                return true;
            }
            if (marker == 0xee && len >= 14 && p + 12 <= jpeg.length && jpeg[p] == 'A' && jpeg[p + 1] == 'd'
                    && jpeg[p + 2] == 'o' && jpeg[p + 3] == 'b' && jpeg[p + 4] == 'e') {
                return jpeg[p + 11] == 1;
            }
            i += 2 + len;
        }
        return photometric == 6;
    }

    private Raster readRaster(ImageReader reader, byte[] stream, String where) throws IOException {
        jpegWarning = null;
        Raster r;
        try (ImageInputStream in = new ByteArrayImageInputStream(stream)) {
            reader.setInput(in, true, true);
            r = reader.readRaster(0, null);
        } finally {
            reader.setInput(null);
        }
        if (jpegWarning != null) {
            // libjpeg pads a cut stream with grey and only warns ("Premature end of JPEG file")
            throw new InputException(file + ": " + where + " is truncated or corrupt (JPEG: " + jpegWarning + ")");
        }
        return r;
    }

    /**
     * The JDK's own baseline JPEG decoder, about twice as fast as going through TwelveMonkeys
     * (which wraps it and filters the stream) on the small tiles of a slide; null when the JDK
     * has none. TwelveMonkeys takes over for any stream the JDK decoder refuses.
     */
    private ImageReader jdkReader() {
        if (!useJdkDecoder) {
            return null;
        }
        if (jdkJpeg == null && !noJdkJpeg) {
            ImageReaderSpi spi = jdkProvider();
            try {
                jdkJpeg = spi == null ? null : spi.createReaderInstance(null);
            } catch (IOException e) {
                jdkJpeg = null;
            }
            if (jdkJpeg == null) {
                noJdkJpeg = true;
            } else {
                jdkJpeg.addIIOReadWarningListener((source, warning) -> {
                    if (jpegWarning == null) {
                        jpegWarning = warning;
                    }
                });
            }
        }
        return jdkJpeg;
    }

    static ImageReaderSpi jdkProvider() {
        Iterator<ImageReaderSpi> all = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (all.hasNext()) {
            ImageReaderSpi s = all.next();
            if (s.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) {
                return s;
            }
        }
        return null;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    private ImageReader jpegReader() throws IOException {
        if (jpeg == null) {
            try {
                jpeg = JpegProvider.get().createReaderInstance(null);
            } catch (NoClassDefFoundError e) {
                throw new InputException(file + ": JPEG tiles need the TwelveMonkeys ImageIO jars (imageio-jpeg, "
                        + "imageio-core, imageio-metadata, common-lang, common-io, common-image 3.14) on the class "
                        + "path, e.g. in Fiji's jars folder", e);
            }
            jpeg.addIIOReadWarningListener((source, warning) -> {
                if (jpegWarning == null) {
                    jpegWarning = warning;
                }
            });
        }
        return jpeg;
    }



    /** Frees the native Inflater and the JPEG reader. */
    void dispose() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
        if (jpeg != null) {
            jpeg.dispose();
            jpeg = null;
        }
        if (jdkJpeg != null) {
            jdkJpeg.dispose();
            jdkJpeg = null;
        }
    }
}
