package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Messages about input rows that were skipped or looked odd, reported with the results. */
public final class Warnings {
    private final List<String> messages = new ArrayList<>();

    public void add(String message) {
        messages.add(message);
    }

    public List<String> all() {
        return Collections.unmodifiableList(messages);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
