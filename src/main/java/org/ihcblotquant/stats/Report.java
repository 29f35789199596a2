package org.ihcblotquant.stats;

import java.util.Locale;

/** Number formatting for human-readable output (JSON and CSV keep full precision). */
public final class Report {

    private Report() {
    }

    /** Up to 6 significant digits, no locale, "NA" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** A p-value as papers print it: 4 significant digits, "< 2.2e-16" below double precision. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 2.2e-16) {
            return "< 2.2e-16";
        }
        if (p < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        return String.format(Locale.ROOT, "%.4g", p);
    }
}
