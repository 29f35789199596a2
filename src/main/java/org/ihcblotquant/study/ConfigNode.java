package org.ihcblotquant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.InputException;

/**
 * One mapping of a study file with its place in the file ({@code markers[2]}), so that every
 * message says where the problem is. Keys the study format does not know are refused: a typo
 * ({@code folderr:}) must not silently fall back to a default.
 */
final class ConfigNode {
    private final String file;
    private final String where;
    private final Map<?, ?> map;

    ConfigNode(String file, String where, Map<?, ?> map) {
        this.file = file;
        this.where = where;
        this.map = map;
    }

    String where() {
        return where;
    }

    /** A message for a problem at {@code key} of this node. */
    InputException error(String key, String problem) {
        return new InputException(file + ": " + path(key) + ": " + problem);
    }

    String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Object k : map.keySet()) {
            out.add(String.valueOf(k));
        }
        return out;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    /** Refuses keys outside {@code known}. */
    void allowOnly(String... known) {
        Set<String> ok = new LinkedHashSet<>(Arrays.asList(known));
        for (Object k : map.keySet()) {
            if (!ok.contains(String.valueOf(k))) {
                throw new InputException(file + ": " + (where.isEmpty() ? "" : where + ": ") + "unknown key '" + k
                        + "' (known here: " + String.join(", ", ok) + ")");
            }
        }
    }

    String string(String key) {
        if (!has(key)) {
            throw error(key, "missing (required)");
        }
        return scalar(key, map.get(key));
    }

    /** The value, or {@code dflt} when the key is absent or empty ({@code exclude: ''}). */
    String string(String key, String dflt) {
        if (!has(key) || String.valueOf(map.get(key)).trim().isEmpty()) {
            return dflt;
        }
        return scalar(key, map.get(key));
    }

    private String scalar(String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw error(key, "expected a single value, found " + (v instanceof Map ? "a mapping" : "a list"));
        }
        String s = String.valueOf(v).trim();
        if (s.isEmpty()) {
            throw error(key, "empty");
        }
        return s;
    }

    double number(String key, double dflt) {
        if (!has(key)) {
            return dflt;
        }
        Object v = map.get(key);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        try {
            return Double.parseDouble(scalar(key, v));
        } catch (NumberFormatException e) {
            throw error(key, "'" + v + "' is not a number");
        }
    }

    int integer(String key, int dflt) {
        double d = number(key, dflt);
        if (d != Math.rint(d)) {
            throw error(key, d + " is not a whole number");
        }
        return (int) d;
    }

    /** A list of scalars; a single value counts as a list of one; absent gives an empty list. */
    List<String> strings(String key) {
        if (!has(key)) {
            return Collections.emptyList();
        }
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                out.add(scalar(key, o));
            }
        } else {
            for (String s : scalar(key, v).split(",")) {
                if (!s.trim().isEmpty()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    double[] numbers(String key) {
        List<String> s = strings(key);
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(s.get(i));
            } catch (NumberFormatException e) {
                throw error(key, "'" + s.get(i) + "' is not a number");
            }
        }
        return out;
    }

    ConfigNode child(String key) {
        if (!has(key)) {
            return null;
        }
        Object v = map.get(key);
        if (!(v instanceof Map)) {
            throw error(key, "expected a mapping (indented 'key: value' lines)");
        }
        return new ConfigNode(file, path(key), (Map<?, ?>) v);
    }

    /** A list of mappings, e.g. {@code markers}; absent gives an empty list. */
    List<ConfigNode> children(String key) {
        if (!has(key)) {
            return Collections.emptyList();
        }
        Object v = map.get(key);
        if (!(v instanceof List)) {
            throw error(key, "expected a list (lines starting with '- ')");
        }
        List<ConfigNode> out = new ArrayList<>();
        List<?> items = (List<?>) v;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map)) {
                throw error(key + "[" + (i + 1) + "]", "expected a mapping (key: value lines)");
            }
            out.add(new ConfigNode(file, path(key) + "[" + (i + 1) + "]", (Map<?, ?>) items.get(i)));
        }
        return out;
    }
}
