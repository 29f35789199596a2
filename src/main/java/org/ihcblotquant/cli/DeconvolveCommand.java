package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.job.DeconvolveJob;

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
                + StainOptions.HELP
                + "  --level N            for a whole slide: the pyramid level to write (0 = full resolution)\n"
                + "  --pixel-size UM      for a whole slide: the level nearest UM um/px (default: nearest 1 um/px);\n"
                + "                       a level too large for the heap is refused with the levels that fit\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("out", "stain", "vectors", "third", "background", "level",
                "pixel-size"), Args.names());
        if (a.positional().size() != 1) {
            throw new UsageException("need exactly one IMAGE, got " + a.positional().size());
        }
        if (!a.has("out")) {
            throw new UsageException("--out DIR is required");
        }
        DeconvolveJob.Outcome o;
        try (ProgressLine progress = new ProgressLine(err, true)) {
            o = new DeconvolveJob().run(DeconvolveJob.Request.ofFile(Paths.get(a.positional().get(0)),
                    StainOptions.vectors(a), StainOptions.third(a), StainOptions.background(a),
                    Paths.get(a.get("out", null)), CommandLines.quoted("ihcq deconvolve", argv))
                    .withSlideLevel(IhcCommand.slideLevel(a)), progress);
        }
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        out.println("background " + o.background());
        for (Path p : o.written()) {
            out.println("wrote " + p);
        }
        return OK;
    }
}
