package org.ihcblotquant.stain;

import java.util.Locale;

/** One stain: its name and its optical-density colour (R, G, B), normalised to unit length. */
public final class Stain {
    private final String name;
    private final double[] od;

    /** Normalises {@code rgbOd}; the caller has validated it (positive length). */
    Stain(String name, double[] rgbOd) {
        double len = Math.sqrt(rgbOd[0] * rgbOd[0] + rgbOd[1] * rgbOd[1] + rgbOd[2] * rgbOd[2]);
        this.name = name;
        this.od = new double[] {rgbOd[0] / len, rgbOd[1] / len, rgbOd[2] / len};
    }

    public String name() {
        return name;
    }

    /** Unit OD vector (copy). */
    public double[] vector() {
        return od.clone();
    }

    double component(int c) {
        return od[c];
    }

    /** "DAB (0.268, 0.570, 0.776)" as given to 6 decimals, for provenance. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%.6f, %.6f, %.6f)", name, od[0], od[1], od[2]);
    }
}
