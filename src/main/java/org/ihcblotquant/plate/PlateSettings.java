package org.ihcblotquant.plate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.job.FieldException;

/** How a plate is analysed: which conditions are blank and control, normalisation, exclusions, checks. */
public final class PlateSettings {
    /** No absorbance reader reports more than this: readings above it are counts (luminescence, fluorescence). */
    public static final double ABSORBANCE_CEILING = 10;
    public static final double DEFAULT_MAX_OD = 3.5;
    public static final double CV_WARNING_PERCENT = 20;

    public final String blank;
    public final String control;
    public final Normalisation normalisation;
    /** Wells to leave out: plate number (0 = every plate) to well names. */
    public final Map<Integer, Set<String>> exclude;
    /** Readings above this are flagged (absorbance plates only); NaN = no check. */
    public final double maxOd;
    public final double confLevel;

    public PlateSettings(String blank, String control, Normalisation normalisation, Map<Integer, Set<String>> exclude,
            double maxOd, double confLevel) {
        if (blank == null || blank.trim().isEmpty()) {
            throw new FieldException("blank", "give the condition name of the blank wells (medium without cells)");
        }
        if (control == null || control.trim().isEmpty()) {
            throw new FieldException("control", "give the condition name of the control wells");
        }
        if (blank.trim().equals(control.trim())) {
            throw new FieldException("control", "'" + control.trim() + "' is also the blank; they must differ");
        }
        if (!(Double.isNaN(maxOd) || maxOd > 0)) {
            throw new FieldException("max-od", "must be a positive optical density, e.g. 3.5");
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new FieldException("conf-level", "must be between 0 and 1, e.g. 0.95");
        }
        this.blank = blank.trim();
        this.control = control.trim();
        this.normalisation = normalisation;
        Map<Integer, Set<String>> ex = new LinkedHashMap<>();
        for (Map.Entry<Integer, Set<String>> e : exclude.entrySet()) {
            ex.put(e.getKey(), Collections.unmodifiableSet(new LinkedHashSet<>(e.getValue())));
        }
        this.exclude = Collections.unmodifiableMap(ex);
        this.maxOd = maxOd;
        this.confLevel = confLevel;
    }

    /**
     * Parses an exclusion list such as {@code A1,B7} (those wells on every plate) or {@code 2:C5}
     * (well C5 of plate 2 only). Well names are normalised ({@code b07} is B7).
     */
    public static Map<Integer, Set<String>> parseExclude(String spec) {
        Map<Integer, Set<String>> out = new LinkedHashMap<>();
        if (spec == null || spec.trim().isEmpty()) {
            return out;
        }
        for (String part : spec.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int plate = 0;
            String well = part;
            int colon = part.indexOf(':');
            if (colon >= 0) {
                try {
                    plate = Integer.parseInt(part.substring(0, colon).trim());
                } catch (NumberFormatException e) {
                    plate = -1;
                }
                well = part.substring(colon + 1);
                if (plate < 1) {
                    throw new FieldException("exclude", "'" + part + "': the plate before ':' must be 1, 2, ...");
                }
            }
            int[] rc = PlateFormat.parseWell(well);
            if (rc == null) {
                throw new FieldException("exclude", "'" + part + "' is not a well such as A1 or B12 (or 2:B12 for plate 2)");
            }
            Set<String> set = out.get(plate);
            if (set == null) {
                set = new LinkedHashSet<>();
                out.put(plate, set);
            }
            set.add(PlateFormat.wellName(rc[0], rc[1]));
        }
        return out;
    }

    boolean excluded(int plate, String well) {
        Set<String> all = exclude.get(0);
        Set<String> one = exclude.get(plate);
        return all != null && all.contains(well) || one != null && one.contains(well);
    }
}
