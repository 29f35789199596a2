package org.ihcblotquant.plate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition's name split into a series name and a dose, so that dose–response conditions are
 * ordered by dose: "Dox 0.5 uM" is series "Dox" at dose 0.5; "IL-6 + AG490" has no dose. A dose
 * given in its own layout column takes precedence over one in the name.
 */
public final class ConditionLabel {
    /** A trailing number (decimal point or comma) with an optional unit such as uM, ng/mL, %. */
    private static final Pattern TRAILING_DOSE = Pattern.compile(
            "^(.*?\\S)\\s+([0-9]+(?:[.,][0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z\u00b5\u03bc/%]*)$");

    public final String label;
    public final String series;
    /** NaN when the condition has no dose. */
    public final double dose;

    private ConditionLabel(String label, String series, double dose) {
        this.label = label;
        this.series = series;
        this.dose = dose;
    }

    /** Splits a layout label of the "Name dose [unit]" form. */
    public static ConditionLabel parse(String label) {
        Matcher m = TRAILING_DOSE.matcher(label.trim());
        if (m.matches()) {
            return new ConditionLabel(label.trim(), m.group(1), Double.parseDouble(m.group(2).replace(',', '.')));
        }
        return new ConditionLabel(label.trim(), label.trim(), Double.NaN);
    }

    /** A name with its dose from a separate column: the label is "name dose". */
    public static ConditionLabel withDose(String name, String doseText, double dose) {
        return new ConditionLabel(name.trim() + " " + doseText.trim(), name.trim(), dose);
    }

    public boolean hasDose() {
        return !Double.isNaN(dose);
    }
}
