package org.ihcblotquant.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Numeric values split by group level, levels in analysis order (the first level is "x"). */
public final class GroupedValues {
    private final List<String> levels;
    private final List<double[]> values;

    public GroupedValues(List<String> levels, List<double[]> values) {
        if (levels.size() != values.size()) {
            throw new IllegalArgumentException("levels and values differ in size");
        }
        this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
        this.values = new ArrayList<>();
        for (double[] v : values) {
            this.values.add(v.clone());
        }
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    public double[] values(int group) {
        return values.get(group).clone();
    }

    public List<Descriptives> describe() {
        List<Descriptives> out = new ArrayList<>();
        for (int g = 0; g < levels.size(); g++) {
            out.add(Descriptives.of(levels.get(g), values.get(g)));
        }
        return out;
    }
}
