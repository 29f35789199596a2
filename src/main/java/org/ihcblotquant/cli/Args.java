package org.ihcblotquant.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small GNU-style option parser: {@code --name value}, {@code --name=value}, flags, repeatable
 * options and positional arguments. Unknown options are a {@link UsageException}.
 */
public final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> flagsSeen = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param args        the command line after the command name
     * @param withValue   options that take a value (without the leading dashes)
     * @param flags       options without value
     */
    public static Args parse(List<String> args, Set<String> withValue, Set<String> flags) {
        Args a = new Args();
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (onlyPositional || !s.startsWith("--") || s.equals("--")) {
                if (s.equals("--") && !onlyPositional) {
                    onlyPositional = true;
                } else {
                    a.positional.add(s);
                }
                continue;
            }
            String name = s.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                a.flagsSeen.add(name);
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return a;
    }

    public static Set<String> names(String... names) {
        return new HashSet<>(Arrays.asList(names));
    }

    public boolean flag(String name) {
        return flagsSeen.contains(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Last value given for an option, or the default. */
    public String get(String name, String dflt) {
        List<String> v = values.get(name);
        return v == null ? dflt : v.get(v.size() - 1);
    }

    /** All values of a repeatable option, in order. */
    public List<String> all(String name) {
        List<String> v = values.get(name);
        return v == null ? Collections.<String>emptyList() : Collections.unmodifiableList(v);
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }

    public double getDouble(String name, double dflt) {
        String v = get(name, null);
        return v == null ? dflt : parseDouble("--" + name, v);
    }

    public int getInt(String name, int dflt) {
        String v = get(name, null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    /** Parses a number for an option, naming the option when it is malformed. */
    public static double parseDouble(String option, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + v + "' is not a number");
        }
    }

    /** Comma-separated numbers, e.g. {@code 0.2,0.4,0.6}. */
    public static double[] parseDoubles(String option, String v) {
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseDouble(option, parts[i]);
        }
        return out;
    }

    public static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
