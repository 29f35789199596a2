package org.ihcblotquant.plugin;

import java.util.List;

import ij.gui.GenericDialog;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.stain.BackgroundRule;
import org.ihcblotquant.stain.StainVectors;
import org.ihcblotquant.stain.ThirdStainRule;

/**
 * The colour-deconvolution fields shared by the IHC dialogs. Macro keys (first word of the
 * label, lower case): {@code stain}, {@code vectors}, {@code third}, {@code background}.
 */
final class StainDialogFields {
    static final String USER = "User vectors";
    static final String[] THIRD = {"cross product", "complement"};

    private StainDialogFields() {
    }

    static void add(GenericDialog gd) {
        List<String> labels = StainVectors.builtInLabels();
        labels.add(USER);
        gd.addChoice("Stain set:", labels.toArray(new String[0]), "H DAB");
        gd.addStringField("Vectors (for user vectors):", "", 40);
        gd.addChoice("Third vector:", THIRD, THIRD[0]);
        gd.addStringField("Background (auto, slide, white or R,G,B):", "auto", 16);
    }

    /** The values in the order {@link #add} put them; invalid ones throw {@link InputException}. */
    static Values read(GenericDialog gd) {
        String set = gd.getNextChoice();
        String vectors = gd.getNextString().trim();
        String third = gd.getNextChoice();
        String background = gd.getNextString().trim();
        Values v = new Values();
        v.vectors = set.equals(USER) ? StainVectors.parse(vectors) : StainVectors.builtIn(set);
        v.third = third.equals(THIRD[1]) ? ThirdStainRule.COMPLEMENT : ThirdStainRule.CROSS_PRODUCT;
        v.background = BackgroundRule.parse(background.isEmpty() ? "auto" : background);
        return v;
    }

    static final class Values {
        StainVectors vectors;
        ThirdStainRule third;
        BackgroundRule background;
    }
}
