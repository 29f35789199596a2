package org.ihcblotquant.core;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings and context of a measurement, as ordered key/value pairs, so that any number in a
 * results table can be traced to how it was measured. Written as '#' comment lines above CSVs.
 */
public final class Provenance {
    private final Map<String, String> entries = new LinkedHashMap<>();

    /** Starts with tool, version and the time of the run. */
    public static Provenance start(String command) {
        Provenance p = new Provenance();
        p.put("tool", Version.TOOL);
        p.put("version", Version.get());
        p.put("command", command);
        p.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return p;
    }

    public Provenance put(String key, Object value) {
        entries.put(key, value == null ? "" : String.valueOf(value));
        return this;
    }

    public String get(String key) {
        return entries.get(key);
    }

    public Map<String, String> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Lines of the form {@code key: value}, one per entry. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out.add(e.getKey() + ": " + e.getValue().replace('\n', ' '));
        }
        return out;
    }
}
