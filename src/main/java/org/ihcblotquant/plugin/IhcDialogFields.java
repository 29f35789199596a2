package org.ihcblotquant.plugin;

import ij.gui.GenericDialog;

import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.job.Fields;

/**
 * IHC scoring fields after the stain fields. Macro keys: {@code thresholds}, {@code tissue},
 * {@code marker} (plus those of {@link StainDialogFields}). Invalid values throw the core's
 * {@link org.ihcblotquant.job.FieldException} (rendered through {@link MacroKeys#IHC}).
 */
final class IhcDialogFields {

    private IhcDialogFields() {
    }

    static void add(GenericDialog gd) {
        StainDialogFields.add(gd);
        gd.addStringField("Thresholds (weak,moderate,strong DAB OD):", "0.2,0.4,0.6", 16);
        gd.addStringField("Tissue OD (auto or total OD):", "auto", 10);
        gd.addStringField("Marker name:", "", 16);
    }

    static IhcSettings read(GenericDialog gd) {
        StainDialogFields.Values v = StainDialogFields.read(gd);
        String thresholds = gd.getNextString().trim();
        String tissue = gd.getNextString().trim();
        String marker = gd.getNextString().trim();
        IhcSettings s = IhcSettings.defaults().withVectors(v.vectors).withThirdRule(v.third)
                .withBackground(v.background);
        s = s.withThresholds(Fields.numbers("thresholds", thresholds));
        if (!tissue.isEmpty() && !tissue.equalsIgnoreCase("auto")) {
            s = s.withTissueOd(Fields.number("tissue-od", tissue));
        }
        return s.withMarker(marker);
    }
}
