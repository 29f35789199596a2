package org.ihcblotquant.stain;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * What the user asked for as background: {@code auto} (estimate from glass, 255 when there is
 * none), {@code slide} (one estimate from the glass of all fields of a slide), {@code white} (255)
 * or given {@code R,G,B}.
 */
public final class BackgroundRule {
    private final boolean auto;
    private final boolean slide;
    private final Background fixed;

    private BackgroundRule(boolean auto, Background fixed) {
        this(auto, false, fixed);
    }

    private BackgroundRule(boolean auto, boolean slide, Background fixed) {
        this.auto = auto;
        this.slide = slide;
        this.fixed = fixed;
    }

    /**
     * One background per slide: glass pooled over all fields of the slide ({@link GlassPool}) by a
     * batch that sees the slide's fields; a single image on its own is treated as {@code auto}.
     */
    public static BackgroundRule slide() {
        return new BackgroundRule(true, true, null);
    }

    public static BackgroundRule auto() {
        return new BackgroundRule(true, null);
    }

    public static BackgroundRule white() {
        return new BackgroundRule(false, Background.white());
    }

    public static BackgroundRule given(double r, double g, double b) {
        for (double v : new double[] {r, g, b}) {
            if (!(v >= 1 && v <= 255)) {
                throw new FieldException("background", String.format(Locale.ROOT,
                        "%s is outside 1..255 (channel values of bare glass)", fmt(v)));
            }
        }
        return new BackgroundRule(false, new Background(r, g, b, Background.Source.GIVEN));
    }

    /** Parses {@code auto}, {@code white} or {@code R,G,B}. */
    public static BackgroundRule parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return auto();
        }
        if (t.equals("white") || t.equals("255")) {
            return white();
        }
        if (t.equals("slide")) {
            return slide();
        }
        String[] p = t.split(",");
        if (p.length != 3) {
            throw new FieldException("background", "'" + s + "' is not auto, slide, white or R,G,B");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new FieldException("background", "'" + p[i].trim() + "' is not a number");
            }
        }
        return given(v[0], v[1], v[2]);
    }

    public boolean isAuto() {
        return auto;
    }

    /** True for one background per slide (pooled glass of its fields). */
    public boolean isSlide() {
        return slide;
    }

    /** The background for an image: estimated from its glass when auto, else the fixed one. */
    public Background resolve(GlassSurvey survey) {
        return auto ? survey.background() : fixed;
    }

    @Override
    public String toString() {
        if (slide) {
            return "slide (glass pooled over all fields of a slide, weighted by glass area; 255 when no field shows glass)";
        }
        if (auto) {
            return "auto (glass estimate; 255 when no glass)";
        }
        return fixed.source() == Background.Source.WHITE ? "white (255,255,255)" : "given " + fixed;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%g", v);
    }
}
