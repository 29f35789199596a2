package org.ihcblotquant.blot;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * Which way the bands go. Everything downstream works in "signal-up" units (more protein = larger
 * number), so dark bands are inverted first.
 */
public enum Polarity {
    /** Decide from the intensity histogram (see {@link SignalImage#detectPolarity}). */
    AUTO,
    /** Dark bands on a light background: film, Coomassie, inverted (Odyssey-style) exports. */
    DARK,
    /** Light bands on a dark background: fluorescence, raw chemiluminescence. */
    LIGHT;

    /** Parses {@code auto|dark|light}; {@code field} is the neutral field name the error carries. */
    public static Polarity parse(String field, String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "auto":
                return AUTO;
            case "dark":
                return DARK;
            case "light":
                return LIGHT;
            default:
                throw new FieldException(field, "'" + s + "' is not a polarity (auto, dark or light)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
