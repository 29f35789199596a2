package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the event column is read: 1 / 0 and true / false by default; other words (dead / alive,
 * relapse / none) only when the user names them, so that a typo is an error, not a censoring.
 */
public final class EventCodes {
    private final List<String> event;
    private final List<String> censored;

    private EventCodes(List<String> event, List<String> censored) {
        this.event = event;
        this.censored = censored;
    }

    public static EventCodes defaults() {
        return new EventCodes(Arrays.asList("1", "true"), Arrays.asList("0", "false"));
    }

    /** Parses {@code EVENT:CENSORED}, each side a comma-separated list, e.g. {@code dead:alive}. */
    public static EventCodes parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("event codes must look like EVENT:CENSORED, e.g. dead:alive (got '"
                    + spec + "')");
        }
        return new EventCodes(words(spec.substring(0, colon)), words(spec.substring(colon + 1)));
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split(",")) {
            if (!w.trim().isEmpty()) {
                out.add(w.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** TRUE = event, FALSE = censored, null = not a known code. */
    public Boolean decode(String cell) {
        String v = cell.trim().toLowerCase(Locale.ROOT);
        // 1.0 / 0.0 from spreadsheets count as 1 / 0
        if (v.equals("1.0")) {
            v = "1";
        } else if (v.equals("0.0")) {
            v = "0";
        }
        if (event.contains(v)) {
            return Boolean.TRUE;
        }
        if (censored.contains(v)) {
            return Boolean.FALSE;
        }
        return null;
    }

    public String describe() {
        return String.join("/", event) + " = event, " + String.join("/", censored) + " = censored";
    }
}
