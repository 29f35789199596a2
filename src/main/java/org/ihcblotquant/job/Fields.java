package org.ihcblotquant.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsing of typed text fields shared by every front end (CLI options, macro keys, SciJava
 * string parameters), so a malformed value gets the same message everywhere, under the field's
 * neutral name.
 */
public final class Fields {

    private Fields() {
    }

    /** A finite number. */
    public static double number(String field, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new FieldException(field, "'" + v.trim() + "' is not a number");
        }
    }

    /** Comma-separated numbers, e.g. {@code 0.2,0.4,0.6}. */
    public static double[] numbers(String field, String v) {
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = number(field, parts[i]);
        }
        return out;
    }

    /** A whole number. */
    public static int whole(String field, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new FieldException(field, "'" + v.trim() + "' is not a whole number");
        }
    }

    /** Comma-separated whole numbers, e.g. lane numbers {@code 1,2}. */
    public static int[] wholes(String field, String v) {
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = whole(field, parts[i]);
        }
        return out;
    }

    /** Comma-separated names, trimmed, none empty, none twice. */
    public static List<String> names(String field, String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            String n = s.trim();
            if (n.isEmpty()) {
                throw new FieldException(field, "empty name in '" + list + "'");
            }
            if (out.contains(n)) {
                throw new FieldException(field, "name " + n + " given twice");
            }
            out.add(n);
        }
        return out;
    }

    /** Comma-separated names with empty entries skipped; null for a null or blank list. */
    public static List<String> optionalList(String list) {
        if (list == null || list.trim().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** A text field the user must fill. */
    public static String required(String field, String v) {
        if (v == null || v.trim().isEmpty()) {
            throw new FieldException(field, "is required");
        }
        return v.trim();
    }
}
