package org.ihcblotquant.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.cells.CellCounts;
import org.ihcblotquant.cells.CellImageResult;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.Compartment;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.job.CellsJob;
import org.ihcblotquant.job.CommandLines;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.job.StainEstimateScope;
import org.ihcblotquant.slide.LevelChoice;

/** {@code ihcq cells}: cell-level scoring (nuclei, % positive, cell H-score, Allred, IRS). */
public final class CellsCommand implements CliCommand {

    @Override
    public String name() {
        return "cells";
    }

    @Override
    public String summary() {
        return "cell-level IHC: nuclei, % positive cells, cell H-score, Allred, IRS (per image, slide, cell)";
    }

    @Override
    public String help() {
        return "Usage: ihcq cells [options] INPUT...\n\n"
                + "Detects nuclei on the hematoxylin OD channel of brightfield RGB images (files, or folders\n"
                + "searched recursively for " + String.join("/", ImageFiles.EXTENSIONS) + "), splits touching nuclei,\n"
                + "approximates cells by expanding each nucleus, and classes every cell negative/1+/2+/3+ by the\n"
                + "mean DAB OD of the chosen compartment. Per image and per slide (pooling cells): nuclei,\n"
                + "positive_pct, weak/moderate/strong pct, cell_h_score, nuclear_dab_mean_od, Allred, IRS.\n\n"
                + "Options:\n"
                + StainOptions.HELP
                + "  --stain-estimate S   estimate H and DAB vectors from the images (Macenko): image, slide\n"
                + "                       or batch (default none); printed in the --vectors syntax\n"
                + "  --thresholds W,M,S   1+, 2+, 3+ lower bounds in DAB OD, compared with >= (default 0.2,0.4,0.6)\n"
                + "  --compartment C      nucleus (default), cytoplasm (ring around the nucleus) or cell\n"
                + "  --pixel-size UM      micrometres per pixel of images (default 0.5); whole slides: the\n"
                + "                       level nearest UM is analysed, at its own pixel size from the file\n"
                + "  --level N            whole slides: analyse pyramid level N instead (0 = full resolution)\n"
                + "  --nucleus-area A,B   nucleus area limits in µm² (default 10,400)\n"
                + "  --nucleus-od X|auto  hematoxylin OD threshold for nuclei (default auto: Otsu over tissue)\n"
                + "  --smoothing UM       Gaussian sigma before the threshold, µm (default 0.5)\n"
                + "  --split UM           prominence of distance-map peaks that split touching nuclei, µm\n"
                + "                       (default 0.25; 0 = no splitting)\n"
                + "  --cell-expansion UM  cell outline this far around each nucleus, µm (default 5)\n"
                + "  --tissue-od X|auto   tissue threshold on total OD (default auto, as ihcq ihc)\n"
                + IhcCommand.TISSUE_MASK_HELP.replace("  --pixel-size UM      micrometres per pixel for these areas (default 0.5)\n", "")
                + "  --marker NAME        marker name for the tables\n"
                + "  --slide-pattern RE   regular expression on the file name; its first group is the slide id\n"
                + "  --masks DIR          analyse each image only inside DIR/<image name>.png (non-zero)\n"
                + "  --out FILE           per-image CSV (default cell-images.csv)\n"
                + "  --slides FILE        per-slide CSV (default cell-slides.csv beside --out)\n"
                + "  --cells-out FILE     one row per cell: centroid, areas, ODs, class\n"
                + "  --shard K/N          analyse only the K-th of N shards of the sorted input list (1..N), cut\n"
                + "                       as 'ihcq ihc --shard' cuts it, e.g. --shard $SLURM_ARRAY_TASK_ID/16;\n"
                + "                       join the shards' per-image tables with 'ihcq merge' (their nucleus\n"
                + "                       counts per class and DAB sums pool the slides exactly). Exit code 0\n"
                + "                       once the shard's tables are written, even if none of its images worked\n"
                + "  --quiet              print only the summary line\n\n"
                + "Whole slides (SVS, OME-TIFF, tiled or pyramidal TIFF/BigTIFF; folders may mix them with\n"
                + "images) are streamed tile by tile in bounded memory: tissue is found on a low-resolution\n"
                + "level, tiles without tissue are skipped, and the slide gets one row with its level and\n"
                + "pixel_size_um (empty for images).\n\n"
                + "Settings are written as '#' lines above the header of every CSV. A file that cannot be\n"
                + "analysed gets a row whose status starts with 'error:'; the batch goes on. Exit code 0 when at\n"
                + "least one image was analysed, 1 when none could be, 2 for invalid options.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(argv, Args.names("stain", "vectors", "third", "background", "thresholds", "tissue-od",
                "marker", "slide-pattern", "out", "slides", "masks", "cells-out", "pixel-size", "compartment",
                "nucleus-area", "nucleus-od", "smoothing", "split", "cell-expansion", "stain-estimate", "tissue-smoothing",
                "min-tissue-area", "max-hole-area", "shard", "level"),
                Args.names("quiet"));
        CellSettings settings = settings(a);
        StainEstimateScope scope = StainEstimateScope.parse(a.get("stain-estimate", "none"));
        if (scope != StainEstimateScope.NONE && a.has("vectors")) {
            throw new UsageException("give either --vectors or --stain-estimate, not both");
        }
        if (a.positional().isEmpty()) {
            throw new UsageException("no INPUT given (image files or folders)");
        }
        Path outFile = Paths.get(a.get("out", "cell-images.csv"));
        Path slidesFile = a.has("slides") ? Paths.get(a.get("slides", null))
                : outFile.toAbsolutePath().resolveSibling("cell-slides.csv");
        CellsJob.Builder b = CellsJob.Request.builder(settings)
                .masks(a.has("masks") ? Paths.get(a.get("masks", null)) : null)
                .outputs(outFile, slidesFile)
                .cells(a.has("cells-out") ? Paths.get(a.get("cells-out", null)) : null)
                .estimate(scope)
                .shard(a.has("shard") ? ShardSpec.parse(a.get("shard", null)) : null)
                .slideLevel(a.has("level") ? LevelChoice.level(Fields.whole("level", a.get("level", null))) : null)
                .command(CommandLines.quoted("ihcq cells", argv));
        for (String p : a.positional()) {
            b.input(Paths.get(p));
        }
        boolean quiet = a.flag("quiet");
        CellsJob.Outcome o = new CellsJob().run(b.build(), ProgressListener.NONE, r -> {
            if (!quiet) {
                out.println(line(r, scope == StainEstimateScope.IMAGE));
            }
        });
        for (Map.Entry<String, String> e : o.estimatedVectors().entrySet()) {
            out.println("stain vectors (" + e.getKey() + "): --vectors '" + e.getValue() + "'");
        }
        for (String w : o.warnings()) {
            err.println("warning: " + w);
        }
        if (o.ranOutOfMemory()) {
            err.println("warning: images too large for memory: " + Main.MEMORY_ADVICE);
        }
        long ok = o.analysed();
        out.printf(Locale.ROOT, "%d images, %d analysed, %d failed; wrote %s and %s (%d slides)%s%n",
                o.results().size(), ok, o.results().size() - ok, outFile, slidesFile, o.slides().rowCount(),
                a.has("cells-out") ? " and " + a.get("cells-out", null) + " (" + o.cells().rowCount() + " cells)" : "");
        if (o.shard() != null) {
            // as ihcq ihc: a shard is done when its tables are written, so a failed task is exactly a
            // shard to run again
            out.printf(Locale.ROOT, "shard %s: %d of the %d images of the list%s%n", o.shard().spec(),
                    o.results().size(), o.shard().listSize(),
                    Boolean.TRUE.equals(o.shard().bySlide()) ? " (whole slides)" : "");
            return OK;
        }
        return ok > 0 ? OK : FAILED;
    }

    static CellSettings settings(Args a) {
        CellSettings s = CellSettings.defaults().withStain(IhcCommand.settings(a));
        if (a.has("pixel-size")) {
            s = s.withPixelSize(Args.parseDouble("pixel-size", a.get("pixel-size", null)));
        }
        if (a.has("compartment")) {
            s = s.withCompartment(Compartment.parse(a.get("compartment", null)));
        }
        if (a.has("nucleus-area")) {
            double[] v = Args.parseDoubles("nucleus-area", a.get("nucleus-area", null));
            if (v.length != 2) {
                throw new FieldException("nucleus-area", "need MIN,MAX in µm², got " + v.length + " values");
            }
            s = s.withAreaLimits(v[0], v[1]);
        }
        String nod = a.get("nucleus-od", "auto");
        if (!nod.equalsIgnoreCase("auto")) {
            s = s.withNucleusOd(Args.parseDouble("nucleus-od", nod));
        }
        if (a.has("smoothing")) {
            s = s.withSmoothing(Args.parseDouble("smoothing", a.get("smoothing", null)));
        }
        if (a.has("split")) {
            s = s.withSplit(Args.parseDouble("split", a.get("split", null)));
        }
        if (a.has("cell-expansion")) {
            s = s.withExpansion(Args.parseDouble("cell-expansion", a.get("cell-expansion", null)));
        }
        return s;
    }

    static String line(CellImageResult r, boolean vectors) {
        if (!r.isOk()) {
            return r.image() + "\t" + r.status();
        }
        CellCounts c = r.counts();
        return String.format(Locale.ROOT, "%s\tslide %s\tnuclei %d\tpositive %.1f %%\tcell H-score %.1f%s%s", r.image(),
                r.slide(), c.nuclei(), c.nuclei() == 0 ? 0.0 : c.positivePct(), c.nuclei() == 0 ? 0.0 : c.hScore(),
                vectors ? "\t--vectors '" + r.vectors() + "'" : "",
                r.notes().isEmpty() ? "" : "\t(" + String.join("; ", r.notes()) + ")");
    }
}
