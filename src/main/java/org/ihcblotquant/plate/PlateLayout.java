package org.ihcblotquant.plate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which condition each well holds: from a layout grid (the same form as the readings, each cell
 * a condition name such as "Control", "Dox 0.5" or "Blank") or a long table
 * {@code well,condition[,dose]}. Empty cells are unused wells.
 */
public final class PlateLayout {
    private final PlateGrid grid;
    private final ConditionLabel[] wells;
    private final Map<String, ConditionLabel> conditions;

    private PlateLayout(PlateGrid grid, ConditionLabel[] wells, Map<String, ConditionLabel> conditions) {
        this.grid = grid;
        this.wells = wells;
        this.conditions = conditions;
    }

    public static PlateLayout of(PlateGrid grid) {
        int n = grid.format().wells();
        ConditionLabel[] wells = new ConditionLabel[n];
        Map<String, ConditionLabel> conditions = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = grid.cell(i);
            if (name == null || name.isEmpty()) {
                continue;
            }
            ConditionLabel c;
            String doseText = grid.extra(i);
            if (doseText != null) {
                double dose = PlateReads.number(doseText, grid.where(i, false) + " dose");
                c = ConditionLabel.withDose(name, doseText, dose);
            } else {
                c = ConditionLabel.parse(name);
            }
            ConditionLabel known = conditions.get(c.label);
            if (known == null) {
                conditions.put(c.label, c);
                known = c;
            }
            wells[i] = known;
        }
        return new PlateLayout(grid, wells, conditions);
    }

    public PlateFormat format() {
        return grid.format();
    }

    public String source() {
        return grid.source();
    }

    public boolean isLongTable() {
        return grid.isLongTable();
    }

    /** The condition of a well (row-major index in this layout's format), or null when unused. */
    public ConditionLabel condition(int well) {
        return wells[well];
    }

    /** Condition names in order of first appearance (row by row). */
    public List<String> conditionNames() {
        return Collections.unmodifiableList(new ArrayList<>(conditions.keySet()));
    }

    public ConditionLabel condition(String name) {
        return conditions.get(name);
    }
}
