package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.stats.EventCodes;

/** The clinical sheet: file, patient id column, response group column and survival endpoints. */
public final class ClinicalSpec {

    /** One survival endpoint (OS, RFS...): its time and event columns. */
    public static final class Endpoint {
        public final String name;
        public final String time;
        public final String event;

        public Endpoint(String name, String time, String event) {
            this.name = name;
            this.time = time;
            this.event = event;
        }
    }

    private final Path file;
    private final String id;
    private final String group;
    private final List<String> levels;
    private final List<Endpoint> endpoints;
    private final EventCodes eventCodes;
    private final String timeLabel;

    public ClinicalSpec(Path file, String id, String group, List<String> levels, List<Endpoint> endpoints,
            EventCodes eventCodes, String timeLabel) {
        this.file = file;
        this.id = id;
        this.group = group;
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
        this.endpoints = Collections.unmodifiableList(new ArrayList<>(endpoints));
        this.eventCodes = eventCodes;
        this.timeLabel = timeLabel;
    }

    public Path file() {
        return file;
    }

    /** Column holding the patient id (matched against the ids taken from image names). */
    public String id() {
        return id;
    }

    /** Column holding the response group, or null. */
    public String group() {
        return group;
    }

    /** Group levels in analysis order (first is the reference), or empty for R's sorted order. */
    public List<String> levels() {
        return levels;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public EventCodes eventCodes() {
        return eventCodes;
    }

    public String timeLabel() {
        return timeLabel;
    }

    /** Every column the sheet must have. */
    public List<String> requiredColumns() {
        List<String> c = new ArrayList<>();
        c.add(id);
        if (group != null) {
            c.add(group);
        }
        for (Endpoint e : endpoints) {
            c.add(e.time);
            c.add(e.event);
        }
        return c;
    }
}
