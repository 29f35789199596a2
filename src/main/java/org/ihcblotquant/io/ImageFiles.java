package org.ihcblotquant.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.TiffDecoder;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.ihcblotquant.core.InputException;

/**
 * Reads image files at native depth without any ImageJ GUI: TIFF through ImageJ's decoder
 * (8/16/32-bit grey and RGB), PNG/JPEG/BMP/GIF through javax.imageio. Every failure is an
 * {@link InputException} naming the file and the problem (missing, empty, truncated, corrupt,
 * tiled whole-slide TIFF, unsupported layout).
 */
public final class ImageFiles {

    /** File name endings treated as images when a folder is scanned. */
    public static final List<String> EXTENSIONS = Collections.unmodifiableList(
            Arrays.asList("tif", "tiff", "svs", "png", "jpg", "jpeg", "bmp", "gif"));

    private ImageFiles() {
    }

    /**
     * A file name without its extension ("S1_field.png" -> "S1_field"); a leading dot is kept, and
     * the double extensions of OME-TIFF ("x.ome.tif", "x.ome.tiff") go as a whole.
     */
    public static String baseName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".ome.tiff", ".ome.tif", ".ome.btf"}) {
            if (lower.endsWith(ext) && fileName.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && EXTENSIONS.contains(n.substring(dot + 1));
    }

    /**
     * Expands files and folders (recursively, sorted by path) into image files. A folder without
     * images, or a path that does not exist, is an {@link InputException}.
     */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(in)) {
                    found = s.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted()
                            .collect(Collectors.toList());
                } catch (IOException e) {
                    throw new InputException(in + ": cannot list folder (" + e.getMessage() + ")", e);
                }
                if (found.isEmpty()) {
                    throw new InputException(in + ": folder contains no images (" + String.join(", ", EXTENSIONS)
                            + ")");
                }
                out.addAll(found);
            } else if (Files.exists(in)) {
                out.add(in);
            } else {
                throw new InputException(in + ": no such file or folder");
            }
        }
        return out;
    }

    /** Reads one image. */
    public static LoadedImage read(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, not an image");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new InputException(file + ": empty file (0 bytes)");
        }
        byte[] magic = readMagic(file);
        if (isTiff(magic)) {
            return readTiff(file, size);
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xd8
                && jpegComponents(file) == 4) {
            // Java's decoders read CMYK/YCCK JPEGs without their colour profile: wrong colours, wrong ODs
            throw new InputException(file + ": CMYK JPEG (print colour space); its colours cannot be read "
                    + "faithfully: export the scan as RGB (TIFF or PNG)");
        }
        return readWithImageIo(file);
    }

    /** Colour components of a JPEG's frame header (SOFn), or -1 when none is found. */
    static int jpegComponents(Path file) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(file)))) {
            in.readUnsignedShort(); // SOI
            while (true) {
                int b = in.readUnsignedByte();
                if (b != 0xff) {
                    return -1;
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xff) {
                    marker = in.readUnsignedByte();
                }
                if (marker == 0xd8 || marker >= 0xd0 && marker <= 0xd7 || marker == 0x01) {
                    continue;
                }
                if (marker == 0xd9 || marker == 0xda) {
                    return -1;
                }
                int len = in.readUnsignedShort();
                boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
                if (sof) {
                    in.readUnsignedByte(); // precision
                    in.readUnsignedShort(); // height
                    in.readUnsignedShort(); // width
                    return in.readUnsignedByte();
                }
                long skip = len - 2;
                while (skip > 0) {
                    long n = in.skip(skip);
                    if (n <= 0) {
                        return -1;
                    }
                    skip -= n;
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] readMagic(Path file) {
        byte[] b = new byte[8];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n = in.read(b);
            return n < 0 ? new byte[0] : Arrays.copyOf(b, n);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isTiff(byte[] m) {
        return m.length >= 4 && ((m[0] == 'I' && m[1] == 'I' && m[2] == 42 && m[3] == 0)
                || (m[0] == 'M' && m[1] == 'M' && m[2] == 0 && m[3] == 42));
    }

    /**
     * True when the first image directory of a classic TIFF has a TileWidth tag (322): whole-slide
     * and pyramid files, which ImageJ's decoder cannot read.
     */
    static boolean isTiled(Path file, byte[] magic) {
        if (magic.length < 4 || magic[2] + magic[3] != 42) {
            return false;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            b.order(magic[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
            ch.read(b, 4);
            long ifd = b.getInt(0) & 0xffffffffL;
            java.nio.ByteBuffer n = java.nio.ByteBuffer.allocate(2).order(b.order());
            if (ch.read(n, ifd) < 2) {
                return false;
            }
            int entries = n.getShort(0) & 0xffff;
            java.nio.ByteBuffer e = java.nio.ByteBuffer.allocate(entries * 12).order(b.order());
            ch.read(e, ifd + 2);
            for (int i = 0; i < entries && (i + 1) * 12 <= e.position(); i++) {
                if ((e.getShort(i * 12) & 0xffff) == 322) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException ex) {
            return false;
        }
        return false;
    }

    private static LoadedImage readTiff(Path file, long size) {
        Path abs = file.toAbsolutePath();
        String dir = abs.getParent().toString() + java.io.File.separator;
        FileInfo[] info;
        try {
            info = new TiffDecoder(dir, abs.getFileName().toString()).getTiffInfo();
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
            if (msg.toLowerCase(Locale.ROOT).contains("tiled") || isTiled(file, readMagic(file))) {
                throw new InputException(file + ": tiled TIFF (whole-slide or pyramid image, " + msg + "); "
                        + "not readable here: open it in Fiji with Bio-Formats and export fields or a region "
                        + "as plain TIFF or PNG", e);
            }
            throw new InputException(file + ": corrupt or unsupported TIFF (" + msg + ")", e);
        } catch (RuntimeException e) {
            throw new InputException(file + ": corrupt TIFF (" + e + ")", e);
        }
        if (info == null || info.length == 0) {
            throw new InputException(file + ": corrupt TIFF (no image directory)");
        }
        FileInfo fi = info[0];
        if (fi.width <= 0 || fi.height <= 0) {
            throw new InputException(file + ": corrupt TIFF (image size " + fi.width + "x" + fi.height + ")");
        }
        checkTiffComplete(file, fi, size);
        checkFitsInMemory(file, fi.width, fi.height);
        List<String> notes = new ArrayList<>();
        int pages = fi.nImages > 1 ? fi.nImages : info.length;
        if (pages > 1) {
            notes.add("first of " + pages + " pages used");
            fi.nImages = 1;
        }
        ImagePlus imp;
        try {
            imp = new FileOpener(fi).openImage();
        } catch (RuntimeException e) {
            throw new InputException(file + ": corrupt TIFF (" + e + ")", e);
        }
        if (imp == null) {
            throw new InputException(file + ": unsupported TIFF layout (file type " + fi.fileType + ")");
        }
        ImageProcessor ip = imp.getStack().getProcessor(1);
        if (imp.getStackSize() > 1 && imp.getBitDepth() != 24) {
            if (imp.getStackSize() == 3 && (imp.isComposite() || fi.samplesPerPixel == 3)) {
                ip = mergeToRgb(imp, notes);
            } else if (!notes.stream().anyMatch(n -> n.startsWith("first of"))) {
                notes.add("first of " + imp.getStackSize() + " planes used");
            }
        }
        return new LoadedImage(file, ip, "tiff", fi.compression == FileInfo.JPEG, null, notes);
    }

    /** A 48-bit RGB TIFF opens as three 16-bit planes; scale each to 8 bits for colour work. */
    private static ImageProcessor mergeToRgb(ImagePlus imp, List<String> notes) {
        int w = imp.getWidth();
        int h = imp.getHeight();
        int max = imp.getBitDepth() == 16 ? 65535 : 255;
        int[] rgb = new int[w * h];
        for (int c = 0; c < 3; c++) {
            ImageProcessor p = imp.getStack().getProcessor(c + 1);
            for (int i = 0; i < rgb.length; i++) {
                int v = (int) Math.round(p.getf(i) * 255.0 / max);
                v = Math.max(0, Math.min(255, v));
                rgb[i] |= v << (16 - 8 * c);
            }
        }
        notes.add("16-bit per channel colour reduced to 8-bit");
        return new ColorProcessor(w, h, rgb);
    }

    /**
     * Refuses images whose pixels (decoded, plus a working copy) would not fit in the free heap,
     * before decoding starts: a clear message instead of an OutOfMemoryError mid-batch.
     */
    static void checkFitsInMemory(Path file, long width, long height) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = width * height * 4L * 2L;
        if (need > free) {
            throw new InputException(String.format(Locale.ROOT,
                    "%s: too large for memory (%dx%d needs about %d MB, %d MB of heap free); "
                            + "give Java a heap of at least %d GB", file, width, height, need >> 20, free >> 20,
                    Math.max(2, (need * 2 >> 30) + 1)));
        }
    }

    private static void checkTiffComplete(Path file, FileInfo fi, long size) {
        long end;
        if (fi.stripOffsets != null && fi.stripLengths != null && fi.stripOffsets.length > 0
                && fi.stripLengths.length == fi.stripOffsets.length) {
            end = 0;
            for (int i = 0; i < fi.stripOffsets.length; i++) {
                end = Math.max(end, (fi.stripOffsets[i] & 0xffffffffL) + (fi.stripLengths[i] & 0xffffffffL));
            }
        } else {
            end = fi.getOffset() + (long) fi.width * fi.height * Math.max(1, fi.getBytesPerPixel());
        }
        if (end > size) {
            throw new InputException(file + ": truncated TIFF (pixel data needs " + end + " bytes, file has "
                    + size + ")");
        }
    }

    private static LoadedImage readWithImageIo(Path file) {
        BufferedImage img;
        String format;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InputException(file + ": cannot open");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(file + ": not a supported image format (" + String.join(", ", EXTENSIONS)
                        + ") or corrupt");
            }
            ImageReader reader = readers.next();
            try {
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((src, warning) -> warnings.add(warning));
                checkFitsInMemory(file, reader.getWidth(0), reader.getHeight(0));
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InputException(file + ": corrupt or truncated image (" + msg + ")", e);
        }
        if (format.equals("jpg")) {
            format = "jpeg";
        }
        for (String w : warnings) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.contains("premature") || lw.contains("truncat") || lw.contains("corrupt")) {
                throw new InputException(file + ": truncated or corrupt " + format + " (" + w + ")");
            }
        }
        if (img.getWidth() <= 0 || img.getHeight() <= 0) {
            throw new InputException(file + ": image has no pixels");
        }
        List<String> notes = new ArrayList<>(warnings);
        byte[] alpha = null;
        ColorModel cm = img.getColorModel();
        if (cm.hasAlpha()) {
            alpha = alphaOf(img);
        }
        ImageProcessor ip = toProcessor(img, cm, notes);
        return new LoadedImage(file, ip, format, format.equals("jpeg"), alpha, notes);
    }

    private static byte[] alphaOf(BufferedImage img) {
        Raster a = img.getAlphaRaster();
        if (a == null) {
            return null;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int bits = img.getColorModel().getComponentSize(img.getColorModel().getNumComponents() - 1);
        int shift = Math.max(0, bits - 8);
        byte[] out = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            a.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (row[x] >> shift);
            }
        }
        return out;
    }

    private static ImageProcessor toProcessor(BufferedImage img, ColorModel cm, List<String> notes) {
        int w = img.getWidth();
        int h = img.getHeight();
        int colourComponents = cm.getNumColorComponents();
        if (cm instanceof IndexColorModel) {
            IndexColorModel icm = (IndexColorModel) cm;
            if (isGreyPalette(icm)) {
                byte[] px = new byte[w * h];
                Raster r = img.getRaster();
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) {
                        px[y * w + x] = (byte) icm.getRed(row[x]);
                    }
                }
                return new ByteProcessor(w, h, px);
            }
            notes.add("palette colour image (" + icm.getMapSize() + " colours): quantised or dithered colours change "
                    + "optical densities; score the original RGB scan");
            return rgb(img);
        }
        if (colourComponents == 1) {
            Raster r = img.getRaster();
            int bits = cm.getComponentSize(0);
            int[] row = new int[w];
            if (bits > 8) {
                short[] px = new short[w * h];
                int shift = Math.max(0, bits - 16);
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) {
                        px[y * w + x] = (short) (row[x] >> shift);
                    }
                }
                return new ShortProcessor(w, h, px, null);
            }
            byte[] px = new byte[w * h];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = (byte) (bits < 8 ? row[x] * 255 / ((1 << bits) - 1) : row[x]);
                }
            }
            return new ByteProcessor(w, h, px);
        }
        if (cm.getComponentSize(0) > 8) {
            notes.add("16-bit per channel colour reduced to 8-bit");
        }
        return rgb(img);
    }

    private static boolean isGreyPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static ColorProcessor rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xffffff;
        }
        return new ColorProcessor(w, h, px);
    }
}
