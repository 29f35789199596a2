package org.ihcblotquant.scijava;

import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Fields;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/** The stain and scoring parameters as the ImageJ 1 dialogs spell them (choices as their labels). */
final class StainParameters {
    static final String USER = "User vectors";

    private StainParameters() {
    }

    static StainVectors vectors(String stain, String vectors) {
        if (USER.equalsIgnoreCase(stain.trim()) || stain.trim().isEmpty() && !vectors.trim().isEmpty()) {
            return StainVectors.parse(vectors);
        }
        return StainVectors.builtIn(stain);
    }

    /** {@code cross product} (or {@code cross}) or {@code complement}. */
    static ThirdStainRule third(String third) {
        String t = third.trim();
        if (t.equalsIgnoreCase("cross product")) {
            return ThirdStainRule.CROSS_PRODUCT;
        }
        return ThirdStainRule.fromKey(t);
    }

    static BackgroundRule background(String background) {
        return BackgroundRule.parse(background.trim().isEmpty() ? "auto" : background);
    }

    static IhcSettings settings(String stain, String vectors, String third, String background, String thresholds,
            String tissue, String marker) {
        IhcSettings s = IhcSettings.defaults().withVectors(vectors(stain, vectors)).withThirdRule(third(third))
                .withBackground(background(background)).withThresholds(Fields.numbers("thresholds", thresholds));
        if (!tissue.trim().isEmpty() && !tissue.trim().equalsIgnoreCase("auto")) {
            s = s.withTissueOd(Fields.number("tissue-od", tissue));
        }
        return s.withMarker(marker);
    }

    /** Parameter names of the IHC commands where they differ from the camel-cased neutral name. */
    static final String[] NAMES = {"tissue-od", "tissue", "out", "output", "slides", "output", "masks", "mask",
        "slide-pattern", "slide", "input", "input"};

    static FieldException noImage() {
        return new FieldException("image", "no image given (in Fiji: open one; in a script: pass it)");
    }
}
