package org.ihcblotquant.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.process.ImageProcessor;

/**
 * An image read from disk at its native depth, with what the reader learned about the file:
 * its format, whether the encoding is lossy, an alpha channel if it had one, and notes
 * (for example "first of 3 pages used") that belong in the results' provenance.
 */
public final class LoadedImage {
    private final Path file;
    private final ImageProcessor processor;
    private final String format;
    private final boolean lossy;
    private final byte[] alpha;
    private final List<String> notes;

    LoadedImage(Path file, ImageProcessor processor, String format, boolean lossy, byte[] alpha,
            List<String> notes) {
        this.file = file;
        this.processor = processor;
        this.format = format;
        this.lossy = lossy;
        this.alpha = alpha;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    public Path file() {
        return file;
    }

    /** ByteProcessor (8-bit grey), ShortProcessor (16-bit grey), FloatProcessor or ColorProcessor (RGB). */
    public ImageProcessor processor() {
        return processor;
    }

    /** Lower-case format name: tiff, png, jpeg, bmp, gif. */
    public String format() {
        return format;
    }

    /** True for JPEG: lossy compression changes intensities and is not fit for quantification. */
    public boolean isLossy() {
        return lossy;
    }

    /** The alpha channel (0 = transparent) when the file had one, else null. */
    public byte[] alpha() {
        return alpha;
    }

    /** 8, 16, 32 or 24 (RGB). */
    public int bitDepth() {
        return processor.getBitDepth();
    }

    public boolean isRgb() {
        return processor instanceof ij.process.ColorProcessor;
    }

    public List<String> notes() {
        return notes;
    }

    public int width() {
        return processor.getWidth();
    }

    public int height() {
        return processor.getHeight();
    }
}
