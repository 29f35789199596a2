package org.ihcblotquant.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.Provenance;

/**
 * What every job returns besides its own results: the provenance of the numbers (tool version,
 * settings, inputs) and the warnings a user must see, in the order they arose. Warnings are plain
 * sentences without a front-end prefix; each front end prints them its own way.
 */
public abstract class JobOutcome {
    private final Provenance provenance;
    private final List<String> warnings;

    protected JobOutcome(Provenance provenance, List<String> warnings) {
        this.provenance = provenance;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public Provenance provenance() {
        return provenance;
    }

    public List<String> warnings() {
        return warnings;
    }
}
