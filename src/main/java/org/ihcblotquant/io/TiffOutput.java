package org.ihcblotquant.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffEncoder;
import ij.process.ImageProcessor;

/** Writes single images as TIFF at their native type (32-bit float stays float), atomically. */
public final class TiffOutput {

    private TiffOutput() {
    }

    /**
     * @param info text stored in the TIFF's ImageJ "Info" metadata (provenance), may be null
     */
    public static void write(ImageProcessor ip, String title, String info, Path file) throws IOException {
        ImagePlus imp = new ImagePlus(title, ip);
        if (info != null) {
            imp.setProperty("Info", info);
        }
        FileInfo fi = imp.getFileInfo();
        fi.info = info;
        fi.description = null;
        AtomicFiles.write(file, out -> {
            DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            new TiffEncoder(fi).write(dos);
            dos.flush();
        });
    }
}
