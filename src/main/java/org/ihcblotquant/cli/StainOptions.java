package org.ihcblotquant.cli;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/** The colour-deconvolution options shared by {@code ihc}, {@code deconvolve} and {@code bench}. */
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
            + "                       none, which the results say), white (255,255,255) or R,G,B\n";

    private StainOptions() {
    }

    static StainVectors vectors(Args a) {
        try {
            if (a.has("vectors")) {
                if (a.has("stain")) {
                    throw new UsageException("give either --stain or --vectors, not both");
                }
                return StainVectors.parse(a.get("vectors", null));
            }
            return StainVectors.builtIn(a.get("stain", "h-dab"));
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static ThirdStainRule third(Args a) {
        try {
            return ThirdStainRule.fromKey(a.get("third", "cross"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--third: " + e.getMessage());
        }
    }

    static BackgroundRule background(Args a) {
        try {
            return BackgroundRule.parse(a.get("background", "auto"));
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
