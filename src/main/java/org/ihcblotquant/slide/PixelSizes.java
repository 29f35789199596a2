package org.ihcblotquant.slide;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixel size of a slide's full-resolution level, in micrometres, from what scanners and converters
 * write: OME-XML ({@code PhysicalSizeX} with its unit), the Aperio {@code ImageDescription}
 * ({@code MPP = 0.2527}), or the TIFF resolution tags when their unit is centimetre or inch and the
 * value is one a microscope gives (0.01 to 100 um; 72 dpi defaults are ignored).
 */
final class PixelSizes {
    private static final Pattern OME_SIZE = Pattern.compile("PhysicalSizeX\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern OME_UNIT = Pattern.compile("PhysicalSizeXUnit\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern APERIO_MPP = Pattern.compile("\\bMPP\\s*=\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");

    private PixelSizes() {
    }

    /** The pixel size (um) an ImageDescription states; NaN when it states none. */
    static double fromDescription(String description) {
        if (description == null) {
            return Double.NaN;
        }
        if (description.contains("<OME")) {
            int pixels = description.indexOf("<Pixels");
            String tag = pixels < 0 ? description : description.substring(pixels, endOfTag(description, pixels));
            Matcher m = OME_SIZE.matcher(tag);
            if (m.find()) {
                double v = parse(m.group(1));
                Matcher u = OME_UNIT.matcher(tag);
                double scale = u.find() ? unitToMicrons(u.group(1)) : 1;
                if (v > 0 && scale > 0) {
                    return v * scale;
                }
            }
            return Double.NaN;
        }
        if (description.startsWith("Aperio") || description.contains("|MPP")) {
            Matcher m = APERIO_MPP.matcher(description);
            if (m.find()) {
                double v = parse(m.group(1));
                if (v > 0) {
                    return v;
                }
            }
        }
        return Double.NaN;
    }

    private static int endOfTag(String s, int from) {
        int e = s.indexOf('>', from);
        return e < 0 ? s.length() : e;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Micrometres per unit of an OME length unit; NaN for units we do not know. */
    static double unitToMicrons(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "\u00b5m": case "\u03bcm": case "um": case "micron": case "microns": case "micrometer": case "micrometre":
                return 1;
            case "nm":
                return 1e-3;
            case "mm":
                return 1e3;
            case "cm":
                return 1e4;
            case "m":
                return 1e6;
            default:
                return Double.NaN;
        }
    }

    /** Pixel size from XResolution and ResolutionUnit (2 inch, 3 cm); NaN when absent or implausible. */
    static double fromResolution(double xResolution, long unit) {
        if (!(xResolution > 0)) {
            return Double.NaN;
        }
        double um = unit == 3 ? 1e4 / xResolution : unit == 2 ? 25400 / xResolution : Double.NaN;
        return um >= 0.01 && um <= 100 ? um : Double.NaN;
    }
}
