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

import org.ihcblotquant.job.Fields;

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
        return v == null ? dflt : parseDouble(name, v);
    }

    public int getInt(String name, int dflt) {
        String v = get(name, null);
        if (v == null) {
            return dflt;
        }
        return Fields.whole(name, v);
    }

    /** Parses a number for a field (neutral name, e.g. {@code tissue-od}), naming it when malformed. */
    public static double parseDouble(String field, String v) {
        return Fields.number(field, v);
    }

    /** Comma-separated numbers, e.g. {@code 0.2,0.4,0.6}. */
    public static double[] parseDoubles(String field, String v) {
        return Fields.numbers(field, v);
    }

    public static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
