package org.ihcblotquant.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcScorer;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;

/** Writes the QC picture of each scored input of a batch as {@code <dir>/<name>_qc.png}. */
public final class QcFiles {

    private QcFiles() {
    }

    /** The QC file name for an input. */
    public static Path target(Path dir, Path input) {
        return dir.resolve(ImageFiles.baseName(input.getFileName().toString()) + "_qc.png");
    }

    /**
     * Writes the picture of one input: from the slide score when there is one, else by reading the
     * image again and classifying it with the settings' calibration (as the score did).
     *
     * @return null when written, else a warning saying why not
     */
    public static String write(Path input, IhcImageResult result, SlideScore slide, MaskFolder masks,
            IhcSettings settings, Path dir) {
        Path target = target(dir, input);
        try {
            BufferedImage img;
            String title = title(result);
            if (slide != null) {
                img = QcPicture.of(slide, title);
            } else {
                LoadedImage li = ImageFiles.read(input);
                if (!li.isRgb()) {
                    return input + ": no QC picture (not RGB)";
                }
                ColorProcessor cp = (ColorProcessor) li.processor();
                int[] px = (int[]) cp.getPixels();
                byte[] mask = masks == null ? null : masks.maskFor(input, cp.getWidth(), cp.getHeight());
                IhcScorer scorer = new IhcScorer(settings);
                IhcScorer.Calibration cal = scorer.calibrate(px, cp.getWidth(), cp.getHeight());
                byte[] classes = scorer.classify(px, cp.getWidth(), cp.getHeight(), mask, cal);
                img = QcPicture.ofImage(px, classes, cp.getWidth(), cp.getHeight(), title);
            }
            QcPicture.write(img, target);
            return null;
        } catch (IOException | InputException e) {
            return input + ": no QC picture written to " + target + " (" + e.getMessage() + ")";
        } catch (OutOfMemoryError e) {
            return input + ": no QC picture (out of memory)";
        }
    }

    private static String title(IhcImageResult r) {
        if (!r.isOk()) {
            return r.image();
        }
        return String.format(Locale.ROOT, "%s  H %.0f  pos %.0f%%", r.image(), r.counts().hScore(),
                100 * r.counts().positiveFraction());
    }
}
