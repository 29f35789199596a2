package org.ihcblotquant.stain;

import java.util.Locale;

/**
 * The incident light {@code I0} per channel (what bare glass transmits) and how it was obtained.
 * Optical density of a channel value v is {@code max(0, log10(I0 / max(v, 1)))}.
 */
public final class Background {

    /** How {@code I0} was chosen. */
    public enum Source {
        /** Estimated from the glass visible in the image. */
        GLASS("glass"),
        /** {@code auto} was asked for but the image shows no glass: 255 used instead. */
        NO_GLASS_FALLBACK("no-glass-255"),
        /** Glass pooled over all fields of a slide ({@link GlassPool}). */
        SLIDE_GLASS("slide-glass"),
        /** One background per slide was asked for but no field of the slide shows glass: 255 used. */
        SLIDE_NO_GLASS_FALLBACK("slide-no-glass-255"),
        /** 255 per channel, as Colour Deconvolution 2. */
        WHITE("white"),
        /** Given by the user. */
        GIVEN("given");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final double r;
    private final double g;
    private final double b;
    private final Source source;

    public Background(double r, double g, double b, Source source) {
        this.r = r;
        this.g = g;
        this.b = b;
        this.source = source;
    }

    public static Background white() {
        return new Background(255, 255, 255, Source.WHITE);
    }

    public double r() {
        return r;
    }

    public double g() {
        return g;
    }

    public double b() {
        return b;
    }

    public double channel(int c) {
        return c == 0 ? r : c == 1 ? g : b;
    }

    public Source source() {
        return source;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f (%s)", r, g, b, source.label());
    }
}
