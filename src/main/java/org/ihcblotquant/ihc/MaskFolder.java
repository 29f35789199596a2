package org.ihcblotquant.ihc;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.process.ImageProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;

/**
 * User masks for a batch: for image {@code NAME.ext} the mask is {@code DIR/NAME.png} (or .tif,
 * .tiff, .bmp, .gif, or the same names with a {@code _mask} suffix), an image of the same size whose
 * non-zero pixels are analysed. Regions drawn in QuPath or Fiji and exported as binary images fit.
 */
public final class MaskFolder {
    private static final String[] EXTENSIONS = {"png", "tif", "tiff", "bmp", "gif"};
    private final Path dir;

    public MaskFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FieldException("masks", dir + " is not a folder");
        }
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** True for files inside the mask folder (they are not images to score). */
    public boolean contains(Path file) {
        return file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    /** The mask of an image as a full-size array (non-zero = analyse), or an error naming both files. */
    public byte[] maskFor(Path image, int width, int height) {
        String base = ImageFiles.baseName(image.getFileName().toString());
        Path found = null;
        for (String suffix : new String[] {"", "_mask"}) {
            for (String ext : EXTENSIONS) {
                Path p = dir.resolve(base + suffix + "." + ext);
                if (found == null && Files.isRegularFile(p)) {
                    found = p;
                }
            }
        }
        if (found == null) {
            throw new InputException(image + ": no mask " + dir.resolve(base + ".png") + " (or .tif, _mask.png, ...)");
        }
        LoadedImage m = ImageFiles.read(found);
        if (m.width() != width || m.height() != height) {
            throw new InputException(found + ": mask is " + m.width() + "x" + m.height() + ", image " + image.getFileName()
                    + " is " + width + "x" + height);
        }
        ImageProcessor ip = m.processor();
        byte[] mask = new byte[width * height];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) ((ip.get(i) & (m.isRgb() ? 0xffffff : 0xffffffff)) != 0 ? 1 : 0);
        }
        return mask;
    }
}
