package org.ihcblotquant.cells;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/** Where a cell's marker intensity is read for its class: nucleus, cytoplasm (the ring) or whole cell. */
public enum Compartment {
    NUCLEUS("nucleus"),
    CYTOPLASM("cytoplasm"),
    CELL("cell");

    private final String key;

    Compartment(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Compartment parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Compartment c : values()) {
            if (c.key.equals(t)) {
                return c;
            }
        }
        throw new FieldException("compartment", "'" + s + "' is not nucleus, cytoplasm or cell");
    }
}
