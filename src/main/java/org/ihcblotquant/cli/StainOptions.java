package org.ihcblotquant.cli;

import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * The colour-deconvolution options shared by {@code ihc}, {@code deconvolve} and {@code bench}.
 * Invalid values throw the core's {@link org.ihcblotquant.job.FieldException}, which {@link Main}
 * renders as {@code --name: problem} (exit 2).
 */
final class StainOptions {
    static final String[] VALUE_OPTIONS = {"stain", "vectors", "third", "background"};

    static final String HELP =
            "  --stain SET          built-in stain vectors (default h-dab): " + String.join(", ", StainVectors.builtInKeys()) + "\n"
            + "  --vectors SPEC       user vectors instead of --stain: 'NAME:r,g,b;NAME:r,g,b[;NAME:r,g,b]'\n"
            + "                       (OD colours, non-negative, not collinear; the stain named DAB, else\n"
            + "                       the second, is scored)\n"
            + "  --third RULE         third vector when two are given: cross (default, cross product) or\n"
            + "                       complement (sqrt(1-a^2-b^2), Fiji's v1 plugin)\n"
            + "  --background B       I0 per channel: auto (default; glass in the image, 255 when there is\n"
            + "                       none, which the results say), slide (one I0 per slide: glass pooled\n"
            + "                       over all its fields; fields without glass take the slide's value),\n"
            + "                       white (255,255,255) or R,G,B\n";

    private StainOptions() {
    }

    static StainVectors vectors(Args a) {
        if (a.has("vectors")) {
            if (a.has("stain")) {
                throw new UsageException("give either --stain or --vectors, not both");
            }
            return StainVectors.parse(a.get("vectors", null));
        }
        return StainVectors.builtIn(a.get("stain", "h-dab"));
    }

    static ThirdStainRule third(Args a) {
        return ThirdStainRule.fromKey(a.get("third", "cross"));
    }

    static BackgroundRule background(Args a) {
        return BackgroundRule.parse(a.get("background", "auto"));
    }
}
