package org.ihcblotquant.blot;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * How the background under a band is estimated. One documented method per analysis:
 * <ul>
 * <li>{@code profile} (default, ImageJ Gel Analyzer style): the lane profile (mean across the lane
 * per row) above a straight baseline joining the profile at the band box's first and last rows,
 * which are the band's flanking minima; signal = that peak area times the lane width;</li>
 * <li>{@code border[:W]} (LI-COR Image Studio style): the median of a ring W pixels wide
 * (default 3) around the band box, all four sides; ring pixels that fall inside another band box
 * are left out so that neighbouring bands never count as background;</li>
 * <li>{@code lane}: the lane profile's baseline, a straight line joining the profile just above
 * and just below the band (the minima between bands), as in a Gel Analyzer baseline but placed
 * automatically;</li>
 * <li>{@code rolling:R}: a rolling ball of radius R pixels rolled under each lane profile (1-D, per
 * lane, as the field notes advise: never a whole-image rolling ball); R should exceed the band
 * height, or the ball eats signal;</li>
 * <li>{@code none}: background 0.</li>
 * </ul>
 */
public final class BackgroundMethod {

    public enum Kind { PROFILE, BORDER, LANE, ROLLING, NONE }

    /** Ring width used by {@code border} when none is given, in pixels. */
    public static final int DEFAULT_BORDER = 3;

    private final Kind kind;
    private final int size;

    private BackgroundMethod(Kind kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    public static BackgroundMethod border(int width) {
        return new BackgroundMethod(Kind.BORDER, width);
    }

    /**
     * ImageJ Gel Analyzer's peak area: the lane profile above a straight baseline joining the
     * profile at the band box's first and last rows (its flanking minima when the box is the
     * band's own extent), times the lane width.
     */
    public static BackgroundMethod profile() {
        return new BackgroundMethod(Kind.PROFILE, 0);
    }

    public static BackgroundMethod lane() {
        return new BackgroundMethod(Kind.LANE, 0);
    }

    public static BackgroundMethod rolling(int radius) {
        return new BackgroundMethod(Kind.ROLLING, radius);
    }

    public static BackgroundMethod none() {
        return new BackgroundMethod(Kind.NONE, 0);
    }

    /** Parses {@code profile|border|border:W|lane|rolling:R|none}. */
    public static BackgroundMethod parse(String option, String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String head = s;
        String arg = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            head = s.substring(0, colon);
            arg = s.substring(colon + 1);
        }
        switch (head) {
            case "border":
                return border(arg == null ? DEFAULT_BORDER : positive(option, text, arg));
            case "profile":
                if (arg != null) {
                    break;
                }
                return profile();
            case "lane":
                if (arg != null) {
                    break;
                }
                return lane();
            case "rolling":
                if (arg == null) {
                    throw new FieldException(option, "'" + text + "': rolling needs a radius in pixels, e.g. rolling:50");
                }
                return rolling(positive(option, text, arg));
            case "none":
                if (arg != null) {
                    break;
                }
                return none();
            default:
                break;
        }
        throw new FieldException(option, "'" + text + "' is not a background method "
                + "(profile, border, border:W, lane, rolling:R or none)");
    }

    private static int positive(String option, String text, String arg) {
        try {
            int v = Integer.parseInt(arg.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FieldException(option, "'" + text + "': '" + arg + "' must be a whole number of pixels >= 1");
    }

    public Kind kind() {
        return kind;
    }

    /** Ring width (border) or ball radius (rolling), in pixels; 0 otherwise. */
    public int size() {
        return size;
    }

    /** The text form, e.g. {@code border:3}, {@code rolling:50}. */
    @Override
    public String toString() {
        switch (kind) {
            case BORDER:
                return "border:" + size;
            case ROLLING:
                return "rolling:" + size;
            case LANE:
                return "lane";
            case PROFILE:
                return "profile";
            default:
                return "none";
        }
    }

    /** One sentence for the provenance lines. */
    public String describe() {
        switch (kind) {
            case BORDER:
                return "median of a " + size + " px ring around each band box (other band boxes excluded)";
            case ROLLING:
                return "rolling ball of radius " + size + " px under each lane profile";
            case LANE:
                return "lane profile baseline joining the profile above and below each band";
            case PROFILE:
                return "lane profile above a straight baseline between the band's flanking minima, times the lane"
                        + " width (ImageJ Gel Analyzer peak area)";
            default:
                return "none (background 0)";
        }
    }
}
