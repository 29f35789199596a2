package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.stain.BackgroundEstimator;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.ColourDeconvolver;
import org.ihcblotquant.stain.StainMatrix;
import org.ihcblotquant.stain.StainVectors;

/** {@code ihcq deconvolve}: 32-bit optical-density images, one per stain. */
public final class DeconvolveCommand implements CliCommand {

    @Override
    public String name() {
        return "deconvolve";
    }

    @Override
    public String summary() {
        return "colour deconvolution into 32-bit OD (absorbance) TIFFs, one per stain";
    }

    @Override
    public String help() {
        return "Usage: ihcq deconvolve IMAGE --out DIR [options]\n\n"
                + "Writes DIR/<image>_<stain>.tif for each of the three stains (the third may be 'Residual'):\n"
                + "32-bit float optical density, OD_c = max(0, log10(I0_c / max(v,1))) unmixed through the\n"
                + "inverse stain matrix, not clipped (blue pixels have negative DAB). Settings are stored in\n"
                + "each TIFF's Info metadata (Image>Show Info in Fiji).\n\n"
                + "Options:\n"
                + "  --out DIR            output folder (created if needed; required)\n"
                + StainOptions.HELP;
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out", "stain", "vectors", "third", "background"), Args.names());
        if (a.positional().size() != 1) {
            throw new UsageException("need exactly one IMAGE, got " + a.positional().size());
        }
        if (!a.has("out")) {
            throw new UsageException("--out DIR is required");
        }
        StainVectors vectors = StainOptions.vectors(a);
        StainMatrix matrix;
        try {
            matrix = StainMatrix.of(vectors, StainOptions.third(a));
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        BackgroundRule rule = StainOptions.background(a);
        Path file = Paths.get(a.positional().get(0));
        Path dir = Paths.get(a.get("out", null));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out: " + dir + " exists and is not a folder");
        }
        LoadedImage img = ImageFiles.read(file);
        if (!img.isRgb()) {
            throw new InputException(file + ": not an RGB colour image (" + img.bitDepth()
                    + "-bit greyscale); colour deconvolution needs RGB");
        }
        ColorProcessor cp = (ColorProcessor) img.processor();
        int[] px = (int[]) cp.getPixels();
        Background bg = rule.resolve(BackgroundEstimator.survey(px, cp.getWidth(), cp.getHeight()));
        FloatProcessor[] od = ColourDeconvolver.deconvolve(px, cp.getWidth(), cp.getHeight(), matrix, bg,
                ProgressListener.NONE);
        Provenance prov = Provenance.start("ihcq deconvolve " + String.join(" ", argv));
        prov.put("input", file.toString());
        prov.put("stain_vectors", matrix.describe());
        prov.put("background_rule", rule.toString());
        prov.put("background_used", bg.toString());
        String base = ImageFiles.baseName(file.getFileName().toString());
        List<Path> written = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String stain = matrix.stains().get(k).name();
            Path target = dir.resolve(base + "_" + safe(stain) + ".tif");
            OutputGuard.checkNotInput(target, Collections.singletonList(file), "--out");
            TiffOutput.write(od[k], base + "_" + stain, ColourDeconvolver.imageInfo(prov, stain), target);
            written.add(target);
        }
        out.println("background " + bg);
        for (Path p : written) {
            out.println("wrote " + p);
        }
        return OK;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
