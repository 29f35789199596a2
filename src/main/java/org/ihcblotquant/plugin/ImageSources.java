package org.ihcblotquant.plugin;

import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileInfo;

/** What the Fiji commands can tell about where an open image came from. */
public final class ImageSources {

    private ImageSources() {
    }

    /** True when the image was opened from a JPEG file (lossy: compression changes intensities). */
    public static boolean isLossyJpeg(ImagePlus imp) {
        FileInfo fi = imp.getOriginalFileInfo();
        String name = fi != null && fi.fileName != null ? fi.fileName : imp.getTitle();
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || fi != null && fi.compression == FileInfo.JPEG;
    }
}
