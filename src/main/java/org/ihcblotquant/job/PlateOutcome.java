package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.plate.PlateChart;
import org.ihcblotquant.plate.PlateResult;
import org.ihcblotquant.plate.PlateTables;
import org.ihcblotquant.stats.Json;

/** The analysed plates of a {@link PlateJob}, as results objects, tables, JSON and charts. */
public final class PlateOutcome extends JobOutcome {
    private final List<PlateResult> plates;
    private final List<Path> written;
    private final String title;

    PlateOutcome(Provenance provenance, List<String> warnings, List<PlateResult> plates, List<Path> written,
            String title) {
        super(provenance, warnings);
        this.plates = Collections.unmodifiableList(new ArrayList<>(plates));
        this.written = Collections.unmodifiableList(new ArrayList<>(written));
        this.title = title;
    }

    /** The analysed plates in file order. */
    public List<PlateResult> plates() {
        return plates;
    }

    /** Files written, in order. */
    public List<Path> written() {
        return written;
    }

    public Table conditionsTable() {
        return PlateTables.conditions(plates);
    }

    public Table wellsTable() {
        return PlateTables.wells(plates);
    }

    public Table testsTable() {
        return PlateTables.tests(plates);
    }

    /** The bar chart of one analysed plate (index into {@link #plates()}). */
    public PlateChart chart(int index) {
        return new PlateChart(plates.get(index), title);
    }

    /**
     * The results as JSON: with one plate, its keys ({@code conditions}, {@code anova},
     * {@code dunnett}, {@code tukey}, {@code welch}, {@code wells}...) at the top level; with
     * several, a {@code plates} list of such objects. Plus {@code warnings} and {@code provenance}.
     */
    public Map<String, Object> json() {
        Map<String, Object> m = Json.object();
        if (plates.size() == 1) {
            m.putAll(PlateTables.json(plates.get(0)));
            m.remove("warnings");
        } else {
            List<Object> list = new ArrayList<>();
            for (PlateResult p : plates) {
                list.add(PlateTables.json(p));
            }
            m.put("plates", list);
        }
        m.put("warnings", warnings());
        m.put("provenance", provenance().entries());
        return m;
    }
}
