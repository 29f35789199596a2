package org.ihcblotquant.ihc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.process.ColorProcessor;

import org.ihcblotquant.core.CancelledException;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.stain.Background;

/**
 * Scores images into {@link IhcImageResult}s: one in-memory image, or a list of files where a bad
 * file becomes a result row with an {@code error:} status and the batch carries on.
 */
public final class IhcAnalysis {
    /**
     * Status text of an image that did not fit in memory; each front end adds how to give Java
     * more memory there (the CLI's JAVA_OPTS, Fiji's Edit > Options > Memory &amp; Threads).
     */
    public static final String TOO_LARGE = "too large for memory";
    /** Below this many pixels an image is too small for its fractions to mean much (1x1 gives 0 or 100 %). */
    public static final int MIN_PIXELS = 1024;
    /** Note of images below {@link #MIN_PIXELS}. */
    public static final String TOO_FEW_PIXELS = "too few pixels to score reliably";
    private final IhcSettings settings;
    private final IhcScorer scorer;
    private final MaskFolder masks;

    public IhcAnalysis(IhcSettings settings) {
        this(settings, null);
    }

    /** With {@code masks}, every file is analysed inside its mask (a missing mask is an error row). */
    public IhcAnalysis(IhcSettings settings, MaskFolder masks) {
        this.settings = settings;
        this.scorer = new IhcScorer(settings);
        this.masks = masks;
    }

    public IhcSettings settings() {
        return settings;
    }

    public IhcScorer scorer() {
        return scorer;
    }

    /**
     * Scores an RGB image held in memory.
     *
     * @param name  image name for the table (file name or window title)
     * @param mask  null, or non-zero where pixels are analysed (ROI or user mask)
     */
    public IhcImageResult score(String name, ColorProcessor cp, byte[] mask, List<String> extraNotes,
            ProgressListener progress) {
        return score(name, cp, mask, extraNotes, scorer.calibrate((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight()),
                progress);
    }

    /** As {@link #score(String, ColorProcessor, byte[], List, ProgressListener)} with a calibration already made for cp. */
    public IhcImageResult score(String name, ColorProcessor cp, byte[] mask, List<String> extraNotes,
            IhcScorer.Calibration cal, ProgressListener progress) {
        boolean[] matched = new boolean[1];
        String slide = settings.slideOf(name, matched);
        List<String> notes = new ArrayList<>(extraNotes);
        if (!matched[0]) {
            notes.add("slide pattern did not match; slide = file name");
        }
        int w = cp.getWidth();
        int h = cp.getHeight();
        int[] px = (int[]) cp.getPixels();
        if (cal.background.source() == Background.Source.NO_GLASS_FALLBACK) {
            notes.add("no glass in the image: background 255 used");
        } else if (cal.background.source() == Background.Source.SLIDE_NO_GLASS_FALLBACK) {
            notes.add("no glass in any field of the slide: background 255 used");
        }
        if ((long) w * h < MIN_PIXELS) {
            notes.add(TOO_FEW_PIXELS + " (" + w + "x" + h + ")");
        }
        PixelCounts counts = scorer.count(px, w, h, mask, cal, progress);
        if (counts.analysed == 0) {
            return new IhcImageResult(name, slide, settings.marker(), "error: empty mask or ROI (no pixel to analyse)",
                    w, h, cal.background, cal.tissueOd, counts, notes);
        }
        if (counts.tissue() == 0) {
            return new IhcImageResult(name, slide, settings.marker(), String.format(Locale.ROOT,
                    "error: no tissue detected (no pixel with total OD >= %.3f)", cal.tissueOd), w, h,
                    cal.background, cal.tissueOd, counts, notes);
        }
        return new IhcImageResult(name, slide, settings.marker(), "ok", w, h, cal.background, cal.tissueOd, counts,
                notes);
    }

    /** Reads and scores one file; never throws for bad input (the status says what went wrong). */
    public IhcImageResult scoreFile(Path file, ProgressListener progress) {
        return scoreFile(file, null, progress);
    }

    /**
     * As {@link #scoreFile(Path, ProgressListener)} with the background fixed by the caller (the
     * slide's pooled glass), or null for the image's own.
     */
    public IhcImageResult scoreFile(Path file, Background forced, ProgressListener progress) {
        String name = file.getFileName().toString();
        String slide = settings.slideOf(name, null);
        LoadedImage img;
        try {
            img = ImageFiles.read(file);
        } catch (InputException e) {
            return IhcImageResult.failed(name, slide, settings.marker(), e.getMessage(), 0, 0);
        } catch (OutOfMemoryError e) {
            return IhcImageResult.failed(name, slide, settings.marker(),
                    file + ": " + TOO_LARGE + " (give Java more memory)", 0, 0);
        }
        if (!img.isRgb()) {
            return IhcImageResult.failed(name, slide, settings.marker(), file + ": not an RGB colour image ("
                    + img.bitDepth() + "-bit greyscale); IHC scoring needs a brightfield RGB image",
                    img.width(), img.height());
        }
        List<String> notes = new ArrayList<>(img.notes());
        if (img.isLossy()) {
            notes.add("lossy JPEG input");
        }
        byte[] mask = null;
        if (masks != null) {
            try {
                mask = masks.maskFor(file, img.width(), img.height());
            } catch (InputException e) {
                return IhcImageResult.failed(name, slide, settings.marker(), e.getMessage(), img.width(), img.height());
            }
        }
        if (img.alpha() != null) {
            // transparent pixels are outside the picture (exported regions, padding): never tissue
            int before = mask == null ? img.width() * img.height() : count(mask);
            mask = opaque(mask, img.alpha());
            if (count(mask) < before) {
                notes.add("transparent pixels (alpha 0) left out");
            }
        }
        try {
            ColorProcessor cp = (ColorProcessor) img.processor();
            return score(name, cp, mask, notes,
                    scorer.calibrate((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight(), forced), progress);
        } catch (CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            return IhcImageResult.failed(name, slide, settings.marker(),
                    file + ": " + TOO_LARGE + " (give Java more memory)", img.width(), img.height());
        }
    }

    /** {@code mask} (null = everything) limited to pixels whose alpha is not 0. */
    static byte[] opaque(byte[] mask, byte[] alpha) {
        byte[] out = new byte[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = (byte) (alpha[i] != 0 && (mask == null || mask[i] != 0) ? 1 : 0);
        }
        return out;
    }

    private static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    /** Scores files in order; progress runs over the whole list. */
    public List<IhcImageResult> scoreFiles(List<Path> files, ProgressListener progress) {
        List<IhcImageResult> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            final int index = i;
            ProgressListener per = new ProgressListener() {
                @Override
                public void progress(double fraction, String message) {
                    progress.progress((index + fraction) / files.size(), files.get(index).getFileName().toString());
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            out.add(scoreFile(files.get(i), per));
        }
        progress.progress(1, "done");
        return out;
    }
}
