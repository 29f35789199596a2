package org.ihcblotquant.job;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import ij.process.ImageProcessor;

import org.ihcblotquant.blot.BlotAnalysis;
import org.ihcblotquant.blot.BlotAnalyzer;
import org.ihcblotquant.blot.BlotOverlay;
import org.ihcblotquant.blot.BlotQuantifier;
import org.ihcblotquant.blot.BlotSettings;
import org.ihcblotquant.blot.Lane;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.io.Table;

/**
 * Western blot densitometry of one membrane image, or of several images of one membrane (one per
 * protein, lanes matched by order): lanes, band rows, background, band volumes, normalisation to
 * the loading control in the same lane. The table carries the provenance (inputs, how each became
 * signal, region, lanes, background, normalisation) and the warnings as comment lines; lossy
 * JPEG inputs are warned about. Output paths are checked before the work.
 */
public final class BlotAnalyzeJob implements Job<BlotAnalyzeJob.Request, BlotAnalyzeJob.Outcome> {

    /** One image of the membrane: a file, or pixels in memory (the current image in Fiji). */
    public static final class BlotImage {
        final String label;
        final Path file;
        final ImageProcessor pixels;
        final boolean lossy;
        final List<String> rowNames;
        final Rectangle roi;

        private BlotImage(String label, Path file, ImageProcessor pixels, boolean lossy, List<String> rowNames,
                Rectangle roi) {
            this.label = label;
            this.file = file;
            this.pixels = pixels;
            this.lossy = lossy;
            this.rowNames = rowNames == null ? null : Collections.unmodifiableList(new ArrayList<>(rowNames));
            this.roi = roi == null ? null : new Rectangle(roi);
        }

        /**
         * @param label    name of the image in the table (file name, or the row names joined by '+')
         * @param rowNames protein names of the band rows top to bottom, or null for row1, row2, ...
         * @param roi      region holding the lanes, or null for the whole image
         */
        public static BlotImage file(String label, Path file, List<String> rowNames, Rectangle roi) {
            return new BlotImage(label, file, null, false, rowNames, roi);
        }

        /** An image in memory; {@code lossy} when it was opened from a JPEG file. */
        public static BlotImage pixels(String title, ImageProcessor ip, boolean lossy, List<String> rowNames,
                Rectangle roi) {
            return new BlotImage(title, null, ip, lossy, rowNames, roi);
        }

        public String label() {
            return label;
        }
    }

    /** Immutable request. */
    public static final class Request {
        final List<BlotImage> images;
        final BlotSettings settings;
        final String control;
        final int[] referenceLanes;
        final Path csv;
        final Path overlay;
        final int overlaySize;
        final String command;

        /**
         * @param settings       analysis settings (copied; its roi is ignored: each image has its own)
         * @param control        loading-control row name, or null
         * @param referenceLanes 1-based lanes whose mean normalised value is 1
         * @param csv            table to write, or null
         * @param overlay        PNG picture of lanes and bands ({@code NAME-label.png} per image when
         *                       several), or null
         * @param overlaySize    longest side of the picture in pixels (at least 100)
         */
        public Request(List<BlotImage> images, BlotSettings settings, String control, int[] referenceLanes, Path csv,
                Path overlay, int overlaySize, String command) {
            this.images = Collections.unmodifiableList(new ArrayList<>(images));
            this.settings = settings.copy();
            this.control = control == null || control.trim().isEmpty() ? null : control.trim();
            this.referenceLanes = referenceLanes.clone();
            this.csv = csv;
            this.overlay = overlay;
            this.overlaySize = overlaySize;
            this.command = command;
        }
    }

    /** The analyses (for overlays, ROIs, profile plots), the table and what was written. */
    public static final class Outcome extends JobOutcome {
        private final List<BlotAnalysis> analyses;
        private final Table table;
        private final List<Path> written;

        Outcome(Provenance p, List<String> warnings, List<BlotAnalysis> analyses, Table table, List<Path> written) {
            super(p, warnings);
            this.analyses = Collections.unmodifiableList(analyses);
            this.table = table;
            this.written = Collections.unmodifiableList(written);
        }

        public List<BlotAnalysis> analyses() {
            return analyses;
        }

        /** Band table with the provenance and warnings as comment lines. */
        public Table table() {
            return table;
        }

        public List<Path> written() {
            return written;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        if (q.images.isEmpty()) {
            throw new FieldException("image", "no image given");
        }
        checkSettings(q.settings);
        if (q.referenceLanes.length == 0) {
            throw new FieldException("reference-lane", "give at least one lane number");
        }
        List<Path> inputs = new ArrayList<>();
        for (BlotImage im : q.images) {
            if (im.file != null) {
                inputs.add(im.file);
            }
        }
        if (q.csv != null) {
            OutputFiles.checkFile(q.csv, "out", inputs, false);
        }
        List<Path> overlays = new ArrayList<>();
        if (q.overlay != null) {
            if (q.overlaySize < 100) {
                throw new FieldException("overlay-size", "must be at least 100 pixels");
            }
            if (!q.overlay.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new FieldException("overlay", "give a .png file name");
            }
            for (BlotImage im : q.images) {
                Path p = q.images.size() == 1 ? q.overlay : withSuffix(q.overlay, im.label);
                OutputFiles.checkFile(p, "overlay", inputs, false);
                overlays.add(p);
            }
        }

        List<String> warnings = new ArrayList<>();
        List<BlotAnalysis> analyses = new ArrayList<>();
        Provenance prov = Provenance.start(q.command);
        for (int i = 0; i < q.images.size(); i++) {
            BlotImage im = q.images.get(i);
            ImageProcessor ip;
            byte[] alpha = null;
            String source;
            String described;
            boolean lossy;
            List<String> notes = Collections.emptyList();
            if (im.file != null) {
                LoadedImage img = ImageFiles.read(im.file);
                ip = img.processor();
                alpha = img.alpha();
                lossy = img.isLossy();
                notes = img.notes();
                source = im.file.getFileName().toString();
                described = im.file + " (" + img.format() + ", " + img.width() + "x" + img.height() + ", "
                        + (img.isRgb() ? "RGB" : img.bitDepth() + "-bit") + ")";
            } else {
                ip = im.pixels;
                lossy = im.lossy;
                source = im.label;
                described = im.label + " (open image, " + ip.getWidth() + "x" + ip.getHeight() + ", "
                        + (ip.getBitDepth() == 24 ? "RGB" : ip.getBitDepth() + "-bit") + ")";
            }
            if (ip.getBitDepth() == 32) {
                throw new InputException(source + ": 32-bit float image; give the scanner's 8- or 16-bit file");
            }
            if (lossy) {
                warnings.add(source + ": JPEG (lossy) file: compression changes band intensities; "
                        + "quantify the original TIFF/PNG scan");
            }
            for (String n : notes) {
                warnings.add(source + ": " + n);
            }
            BlotSettings s = q.settings.copy();
            s.roi = im.roi;
            BlotAnalysis an = BlotAnalyzer.analyze(im.label, ip, alpha, s, im.rowNames, slice(progress, i,
                    q.images.size()));
            for (String w : an.image().warnings()) {
                warnings.add(source + ": " + w);
            }
            analyses.add(an);
            describe(prov, im.label, described, an);
        }
        BlotQuantifier.Quantification quant = BlotQuantifier.quantify(analyses, q.control, q.referenceLanes,
                q.settings.minSnr, q.settings.maxControlCv);
        List<String> all = new ArrayList<>(warnings);
        for (String w : quant.warnings) {
            if (!all.contains(w) && !isImageWarning(w, analyses)) {
                all.add(w);
            }
        }
        BlotSettings s = q.settings;
        prov.put("background", s.background + " = " + s.background.describe());
        prov.put("control", q.control == null ? "none" : q.control);
        prov.put("reference lanes", Arrays.toString(q.referenceLanes));
        prov.put("normalisation", q.control == null ? "relative = signal / mean signal of the reference lanes"
                : "normalized = signal / " + q.control + " signal in the same lane; relative = normalized / mean "
                        + "normalized of the reference lanes");
        prov.put("min snr", s.minSnr);
        prov.put("ladder", s.ladder.toString());
        prov.put("merge doublets", s.mergeDoublets);
        prov.put("max control cv %", 100 * s.maxControlCv);
        for (int i = 0; i < all.size(); i++) {
            prov.put("warning " + (i + 1), all.get(i));
        }
        Table t = quant.table;
        t.addComments(prov.lines());
        List<Path> written = new ArrayList<>();
        try {
            if (q.csv != null) {
                CsvFormat.write(t, q.csv);
                written.add(q.csv);
            }
            for (int i = 0; i < overlays.size(); i++) {
                BlotOverlay.writePng(BlotOverlay.render(analyses.get(i), s.minSnr, q.overlaySize), overlays.get(i));
                written.add(overlays.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results: " + e.getMessage(), e);
        }
        return new Outcome(prov, all, analyses, t, written);
    }

    /** Checks of the settings a front end may have filled from free text. */
    static void checkSettings(BlotSettings s) {
        if (s.lanes < 0) {
            throw new FieldException("lanes", "must be 0 (detect) or more");
        }
        if (!(s.minSnr >= 0) || Double.isInfinite(s.minSnr)) {
            throw new FieldException("min-snr", "must be a number >= 0");
        }
        if (!(s.maxControlCv > 0) || Double.isInfinite(s.maxControlCv)) {
            throw new FieldException("max-control-cv", "must be a percentage above 0");
        }
        if (s.laneWidth < 0) {
            throw new FieldException("lane-width", "must be 0 (automatic) or more");
        }
    }

    /** Provenance of one image: the file, how it became signal, the region and the lanes placed. */
    private static void describe(Provenance prov, String label, String input, BlotAnalysis an) {
        prov.put("input " + label, input);
        prov.put("signal " + label, an.image().describeConversion());
        Rectangle r = an.roi();
        prov.put("region " + label, r.x + "," + r.y + "," + r.width + "," + r.height);
        StringBuilder lanes = new StringBuilder();
        for (Lane l : an.lanes()) {
            lanes.append(lanes.length() == 0 ? "" : " ").append(Math.round(l.centreX()));
        }
        prov.put("lanes " + label, an.lanes().size() + " (centres x = " + lanes + ", width "
                + an.lanes().get(0).bounds().width + " px)");
    }

    /** Warnings of the analyses that were already reported with their file name. */
    private static boolean isImageWarning(String w, List<BlotAnalysis> analyses) {
        for (BlotAnalysis a : analyses) {
            if (a.image().warnings().contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Path withSuffix(Path p, String name) {
        String f = p.getFileName().toString();
        String base = f.substring(0, f.length() - 4);
        String safe = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        return p.resolveSibling(base + "-" + safe + ".png");
    }

    private static ProgressListener slice(ProgressListener all, int index, int count) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                all.progress((index + fraction) / count, message);
            }

            @Override
            public boolean isCancelled() {
                return all.isCancelled();
            }
        };
    }
}
