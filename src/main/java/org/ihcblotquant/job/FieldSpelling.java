package org.ihcblotquant.job;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * How one front end spells the neutral field names of the jobs ({@link FieldException#field()}):
 * the CLI as {@code --name}, an ImageJ macro as {@code key=}, a SciJava command by its parameter
 * name. Commands whose own spelling differs from the rule (the CLI's {@code --masks} is the macro's
 * {@code mask=}) pass an override map.
 */
public final class FieldSpelling {
    private final String prefix;
    private final String suffix;
    private final boolean camelCase;
    private final boolean underscores;
    private final Map<String, String> overrides;

    private FieldSpelling(String prefix, String suffix, boolean camelCase, boolean underscores,
            Map<String, String> overrides) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.camelCase = camelCase;
        this.underscores = underscores;
        this.overrides = Collections.unmodifiableMap(new HashMap<>(overrides));
    }

    /** {@code tissue-od} becomes {@code --tissue-od}. */
    public static FieldSpelling cli() {
        return new FieldSpelling("--", "", false, false, Collections.<String, String>emptyMap());
    }

    /** {@code tissue-od} becomes {@code tissue_od=} unless an override names the macro key. */
    public static FieldSpelling macro(Map<String, String> overrides) {
        return new FieldSpelling("", "=", false, true, overrides);
    }

    /** {@code tissue-od} becomes {@code tissueOd} unless an override names the parameter. */
    public static FieldSpelling scijava(Map<String, String> overrides) {
        return new FieldSpelling("", "", true, false, overrides);
    }

    /** The same rule with more overrides (neutral name to front-end name, without prefix or suffix). */
    public FieldSpelling with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(overrides);
        all.putAll(more);
        return new FieldSpelling(prefix, suffix, camelCase, underscores, all);
    }

    public String spell(String field) {
        String name = overrides.get(field);
        if (name == null) {
            name = field;
            if (camelCase) {
                name = toCamel(field);
            } else if (underscores) {
                name = field.replace('-', '_');
            }
        }
        return prefix + name + suffix;
    }

    private static String toCamel(String field) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : field.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
                up = false;
            }
        }
        return sb.toString();
    }
}
