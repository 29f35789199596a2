package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.TissueMaskSettings;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.slide.LevelChoice;
import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.IhcBatchJob;
import org.ihcblotquant.job.StainEstimateScope;

/** {@code ihcq ihc}: scores images and folders, writes the per-image and per-slide tables. */
public final class IhcCommand implements CliCommand {

    @Override
    public String name() {
        return "ihc";
    }

    @Override
    public String summary() {
        return "score DAB IHC images and folders: mean DAB OD, positive fraction, H-score";
    }

    static final String TISSUE_MASK_HELP =
            "  --tissue-smoothing UM  Gaussian sigma (µm) on the total OD before the tissue threshold\n"
            + "  --min-tissue-area A  drop tissue pieces smaller than A µm² (dust, debris)\n"
            + "  --max-hole-area A    fill holes in tissue smaller than A µm²; e.g. 1, 50, 200 give a\n"
            + "                       mask without specks (default: pixel by pixel, no cleaning)\n"
            + "  --pixel-size UM      micrometres per pixel of images for these areas (default 0.5); for whole\n"
            + "                       slides the pixel size of the scored level (see below)\n";

    @Override
    public String help() {
        return "Usage: ihcq ihc [options] INPUT...\n\n"
                + "Scores brightfield RGB images (files, or folders searched recursively for\n"
                + String.join("/", ImageFiles.EXTENSIONS) + "). Per image: tissue detection that excludes glass,\n"
                + "mean DAB OD over tissue, positive fraction, weak/moderate/strong percentages and H-score.\n"
                + "Per slide: the same, pooling the pixels of all the slide's images.\n\n"
                + "Options:\n"
                + StainOptions.HELP
                + "  --thresholds W,M,S   weak, moderate, strong lower bounds in DAB OD, compared with >=\n"
                + "                       (default 0.2,0.4,0.6)\n"
                + "  --tissue-od X|auto   tissue = total OD (sum of channel ODs) >= X; auto (default) sets it\n"
                + "                       from the glass: median + max(0.06, 2 x (q99.5 - median))\n"
                + "  --stain-estimate S   estimate H and DAB vectors from the images (Macenko): image, slide or\n"
                + "                       batch (default none); printed in the --vectors syntax and recorded\n"
                + TISSUE_MASK_HELP
                + "  --marker NAME        marker name for the tables (default: the scored stain, e.g. DAB)\n"
                + "  --slide-pattern RE   regular expression on the file name; its first group is the slide id\n"
                + "                       (default: file name without extension)\n"
                + "  --masks DIR          analyse each image only inside its mask DIR/<image name>.png (or .tif,\n"
                + "                       _mask.png, ...): same size, non-zero = analyse; a missing or\n"
                + "                       mismatched mask is an error row\n"
                + "  --out FILE           per-image CSV (default images.csv)\n"
                + "  --slides FILE        per-slide CSV (default slides.csv beside --out)\n"
                + "  --shard K/N          score only the K-th of N shards of the sorted input list (1..N), cut\n"
                + "                       into runs of equal total file size (slides: pixels; cut between slides\n"
                + "                       when each slide's fields lie together, as a per-slide background needs)\n"
                + "                       e.g. --shard $SLURM_ARRAY_TASK_ID/16\n"
                + "                       in a job array; join the shards' tables with 'ihcq merge'. Exit code 0\n"
                + "                       once the shard's tables are written, even if none of its images scored\n"
                + "  --qc DIR             write a QC picture per input: DIR/<name>_qc.png (thumbnail, tissue\n"
                + "                       outline, weak/moderate/strong map)\n"
                + "  --quiet              print only the summary line\n\n"
                + "Whole slides (SVS, OME-TIFF and other tiled or pyramidal TIFF/BigTIFF; folders may mix them\n"
                + "with images) are read tile by tile in bounded memory: glass and tissue are found on a\n"
                + "low-resolution level, one level is scored, and the row gets its level and pixel_size_um.\n"
                + "  --level N            pyramid level to score (0 = full resolution)\n"
                + "  --pixel-size UM      score the level nearest UM micrometres per pixel (default: nearest\n"
                + "                       1 um/px; full resolution when the file states no pixel size)\n\n"
                + "Settings (vectors, background rule, thresholds, version) are written as '#' lines above\n"
                + "the header of both CSVs. A file that cannot be scored gets a row whose status starts with\n"
                + "'error:'; the batch goes on. Exit code 0 when at least one image was scored, 1 when none\n"
                + "could be, 2 for invalid options.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("stain", "vectors", "third", "background", "thresholds", "tissue-od",
                "marker", "slide-pattern", "out", "slides", "masks", "shard", "level", "pixel-size", "qc", "tissue-smoothing",
                "min-tissue-area", "max-hole-area", "stain-estimate"), Args.names("quiet"));
        StainEstimateScope estimate = StainEstimateScope.parse(a.get("stain-estimate", "none"));
        if (estimate != StainEstimateScope.NONE && a.has("vectors")) {
            throw new UsageException("give either --vectors or --stain-estimate, not both");
        }
        IhcSettings settings = settings(a);
        if (a.positional().isEmpty()) {
            throw new UsageException("no INPUT given (image files or folders)");
        }
        Path outFile = Paths.get(a.get("out", "images.csv"));
        Path slidesFile = a.has("slides") ? Paths.get(a.get("slides", null))
                : outFile.toAbsolutePath().resolveSibling("slides.csv");
        IhcBatchJob.Builder b = IhcBatchJob.Request.builder(settings)
                .masks(a.has("masks") ? Paths.get(a.get("masks", null)) : null)
                .outputs(outFile, slidesFile)
                .command(CommandLines.quoted("ihcq ihc", argv))
                .shard(a.has("shard") ? ShardSpec.parse(a.get("shard", null)) : null)
                .estimate(estimate)
                .slideLevel(slideLevel(a))
                .qc(a.has("qc") ? Paths.get(a.get("qc", null)) : null);
        for (String p : a.positional()) {
            b.input(Paths.get(p));
        }
        boolean quiet = a.flag("quiet");
        IhcBatchJob.Outcome o;
        try (ProgressLine progress = new ProgressLine(err, !quiet)) {
            o = new IhcBatchJob().run(b.build(), progress, r -> {
                if (!quiet) {
                    progress.clear();
                    out.println(line(r));
                }
            });
        }
        for (java.util.Map.Entry<String, String> e : o.provenance().entries().entrySet()) {
            if (e.getKey().startsWith("estimated_vectors ")) {
                out.println("stain vectors (" + e.getKey().substring("estimated_vectors ".length()) + "): --vectors '"
                        + e.getValue() + "'");
            }
        }
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        if (o.ranOutOfMemory()) {
            err.println("warning: images too large for memory: " + Main.MEMORY_ADVICE);
        }
        long ok = o.scored();
        out.printf(Locale.ROOT, "%d images, %d scored, %d failed; wrote %s and %s (%d slides)%n", o.results().size(),
                ok, o.results().size() - ok, outFile, slidesFile, o.slides().rowCount());
        if (o.shard() != null) {
            // a shard is done when its tables are written, even with no image scored (its rows say
            // why; the merge counts them) or none at all (more shards than images): a task that
            // fails is then exactly a shard to run again
            out.printf(Locale.ROOT, "shard %s: %d of the %d images of the list%s%n", o.shard().spec(),
                    o.results().size(), o.shard().listSize(),
                    Boolean.TRUE.equals(o.shard().bySlide()) ? " (whole slides)" : "");
            return OK;
        }
        return ok > 0 ? OK : FAILED;
    }

    /** {@code --level N} or {@code --pixel-size UM} for whole slides (not both). */
    static LevelChoice slideLevel(Args a) {
        if (a.has("level") && a.has("pixel-size")) {
            throw new UsageException("give --level or --pixel-size, not both");
        }
        if (a.has("level")) {
            return LevelChoice.level(Fields.whole("level", a.get("level", null)));
        }
        if (a.has("pixel-size")) {
            return LevelChoice.pixelSize(Fields.number("pixel-size", a.get("pixel-size", null)));
        }
        return LevelChoice.byDefault();
    }

    static IhcSettings settings(Args a) {
        IhcSettings s = IhcSettings.defaults();
        s = s.withVectors(StainOptions.vectors(a)).withThirdRule(StainOptions.third(a))
                .withBackground(StainOptions.background(a));
        if (a.has("thresholds")) {
            s = s.withThresholds(Args.parseDoubles("thresholds", a.get("thresholds", null)));
        }
        String t = a.get("tissue-od", "auto");
        if (!t.equalsIgnoreCase("auto")) {
            s = s.withTissueOd(Args.parseDouble("tissue-od", t));
        }
        s = s.withTissueMask(tissueMask(a));
        return s.withMarker(a.get("marker", "")).withSlidePattern(a.get("slide-pattern", null));
    }

    /** Tissue mask cleaning from --tissue-smoothing, --min-tissue-area, --max-hole-area and --pixel-size. */
    static TissueMaskSettings tissueMask(Args a) {
        if (!a.has("tissue-smoothing") && !a.has("min-tissue-area") && !a.has("max-hole-area")) {
            return TissueMaskSettings.NONE;
        }
        return TissueMaskSettings.of(Args.parseDouble("tissue-smoothing", a.get("tissue-smoothing", "0")),
                Args.parseDouble("min-tissue-area", a.get("min-tissue-area", "0")),
                Args.parseDouble("max-hole-area", a.get("max-hole-area", "0")),
                Args.parseDouble("pixel-size", a.get("pixel-size", "0.5")));
    }

    static String line(IhcImageResult r) {
        if (!r.isOk()) {
            return r.image() + "\t" + r.status();
        }
        return String.format(Locale.ROOT, "%s\tslide %s\ttissue %.3f\tDAB mean OD %.4f\tpositive %.3f\tH-score %.1f%s",
                r.image(), r.slide(), r.counts().tissueFraction(), r.counts().meanChromogen(),
                r.counts().positiveFraction(), r.counts().hScore(),
                r.notes().isEmpty() ? "" : "\t(" + String.join("; ", r.notes()) + ")");
    }
}
