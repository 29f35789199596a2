package org.ihcblotquant.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.io.LoadedImage;
import org.ihcblotquant.io.TiffOutput;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.slide.LevelImage;
import org.ihcblotquant.slide.SlideFiles;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.ColourDeconvolver;
import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * Colour deconvolution into 32-bit optical-density images, one per stain, with the settings as
 * image metadata. Reads a file or takes pixels in memory; writes {@code <image>_<stain>.tif} into
 * an output folder when one is given (checked before the work; never over the input).
 */
public final class DeconvolveJob implements Job<DeconvolveJob.Request, DeconvolveJob.Outcome> {

    /** Immutable request: either a file or an image in memory. */
    public static final class Request {
        final Path file;
        final String name;
        final ColorProcessor image;
        final StainVectors vectors;
        final ThirdStainRule third;
        final BackgroundRule background;
        final Path outDir;
        final String command;
        LevelChoice slideLevel = LevelChoice.byDefault();

        private Request(Path file, String name, ColorProcessor image, StainVectors vectors, ThirdStainRule third,
                BackgroundRule background, Path outDir, String command) {
            this.file = file;
            this.name = name;
            this.image = image;
            this.vectors = vectors;
            this.third = third;
            this.background = background;
            this.outDir = outDir;
            this.command = command;
        }

        /** Deconvolve a file and write the OD TIFFs into {@code outDir} (created if needed). */
        public static Request ofFile(Path file, StainVectors v, ThirdStainRule third, BackgroundRule bg, Path outDir,
                String command) {
            return new Request(file, file.getFileName().toString(), null, v, third, bg, outDir, command);
        }

        /** For a whole-slide file: which level is deconvolved (default nearest 1 um/px). */
        public Request withSlideLevel(LevelChoice choice) {
            Request r = new Request(file, name, image, vectors, third, background, outDir, command);
            r.slideLevel = choice;
            return r;
        }

        /** Deconvolve pixels in memory (not modified); nothing is written. */
        public static Request ofImage(String name, ColorProcessor image, StainVectors v, ThirdStainRule third,
                BackgroundRule bg, String command) {
            return new Request(null, name, image, v, third, bg, null, command);
        }
    }

    /** The OD images in matrix order, their titles and metadata, the background used. */
    public static final class Outcome extends JobOutcome {
        private final List<FloatProcessor> od;
        private final List<String> stains;
        private final List<String> infos;
        private final Background background;
        private final String baseName;
        private final List<Path> written;

        Outcome(Provenance p, List<String> warnings, List<FloatProcessor> od, List<String> stains,
                List<String> infos, Background background, String baseName, List<Path> written) {
            super(p, warnings);
            this.od = Collections.unmodifiableList(od);
            this.stains = Collections.unmodifiableList(stains);
            this.infos = Collections.unmodifiableList(infos);
            this.background = background;
            this.baseName = baseName;
            this.written = Collections.unmodifiableList(written);
        }

        public List<FloatProcessor> images() {
            return od;
        }

        public List<String> stains() {
            return stains;
        }

        /** Image metadata (provenance, stain, unit) per OD image, for ImageJ's Info property. */
        public List<String> infos() {
            return infos;
        }

        public Background background() {
            return background;
        }

        /** The image name without extension, which the output names start with. */
        public String baseName() {
            return baseName;
        }

        public List<Path> written() {
            return written;
        }
    }

    @Override
    public Outcome run(Request q, ProgressListener progress) {
        StainMatrix matrix = StainMatrix.of(q.vectors, q.third);
        ColorProcessor cp = q.image;
        String base = ImageFiles.baseName(q.name);
        List<Path> targets = new ArrayList<>();
        if (q.outDir != null) {
            OutputFiles.checkFolder(q.outDir, "out", true);
            for (int k = 0; k < 3; k++) {
                Path t = q.outDir.resolve(base + "_" + safe(matrix.stains().get(k).name()) + ".tif");
                OutputFiles.checkFile(t, "out", q.file == null ? Collections.<Path>emptyList()
                        : Collections.singletonList(q.file), true);
                targets.add(t);
            }
        }
        LevelImage slideLevel = null;
        if (cp == null && SlideFiles.isSlide(q.file)) {
            slideLevel = LevelImage.read(q.file, q.slideLevel);
            cp = slideLevel.image;
        }
        if (cp == null) {
            LoadedImage img = ImageFiles.read(q.file);
            if (!img.isRgb()) {
                throw new InputException(q.file + ": not an RGB colour image (" + img.bitDepth()
                        + "-bit greyscale); colour deconvolution needs RGB");
            }
            cp = (ColorProcessor) img.processor();
        }
        int[] px = (int[]) cp.getPixels();
        Background bg = q.background.resolve(BackgroundEstimator.survey(px, cp.getWidth(), cp.getHeight()));
        FloatProcessor[] od = ColourDeconvolver.deconvolve(px, cp.getWidth(), cp.getHeight(), matrix, bg, progress);
        Provenance prov = Provenance.start(q.command);
        prov.put("input", q.file != null ? q.file.toString() : q.name);
        prov.put("stain_vectors", matrix.describe());
        prov.put("background_rule", q.background.toString());
        prov.put("background_used", bg.toString());
        if (slideLevel != null) {
            prov.put("slide_level", slideLevel.level + " of " + slideLevel.levels + " (" + cp.getWidth() + "x"
                    + cp.getHeight() + (Double.isNaN(slideLevel.pixelSizeUm) ? ""
                    : String.format(java.util.Locale.ROOT, ", %.4f um/px", slideLevel.pixelSizeUm)) + ")");
        }
        List<String> stains = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String stain = matrix.stains().get(k).name();
            stains.add(stain);
            infos.add(ColourDeconvolver.imageInfo(prov, stain));
        }
        List<String> warnings = new ArrayList<>();
        if (bg.source() == Background.Source.NO_GLASS_FALLBACK) {
            warnings.add(q.name + ": no glass in the image: background 255 used");
        }
        List<Path> written = new ArrayList<>();
        try {
            for (int k = 0; k < targets.size(); k++) {
                TiffOutput.write(od[k], base + "_" + stains.get(k), infos.get(k), targets.get(k));
                written.add(targets.get(k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + targets.get(written.size()) + ": " + e.getMessage(), e);
        }
        List<FloatProcessor> images = new ArrayList<>();
        Collections.addAll(images, od);
        return new Outcome(prov, warnings, images, stains, infos, bg, base, written);
    }

    /** A stain name as part of a file name. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
