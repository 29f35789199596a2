package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.stats.GroupComparison;
import org.ihcblotquant.stats.PValueAdjust;
import org.ihcblotquant.stats.plot.BarChart;

/** A study as its file describes it (paths resolved against the file's folder). Immutable. */
public final class StudyConfig {
    private final Path file;
    private final String title;
    private final Pattern idPattern;
    private final int threads;
    private final List<MarkerSpec> markers;
    private final List<BlotSpec> blots;
    private final List<PlateSpec> plates;
    private final ClinicalSpec clinical;
    private final GroupComparison.Test compareTest;
    private final BarChart.ErrorBars errorBars;
    private final PValueAdjust.Method correction;
    private final List<SurvivalSpec> survival;

    StudyConfig(Path file, String title, Pattern idPattern, int threads, List<MarkerSpec> markers,
            List<BlotSpec> blots, List<PlateSpec> plates, ClinicalSpec clinical, GroupComparison.Test compareTest,
            BarChart.ErrorBars errorBars, PValueAdjust.Method correction, List<SurvivalSpec> survival) {
        this.file = file;
        this.title = title;
        this.idPattern = idPattern;
        this.threads = threads;
        this.markers = Collections.unmodifiableList(new ArrayList<>(markers));
        this.blots = Collections.unmodifiableList(new ArrayList<>(blots));
        this.plates = Collections.unmodifiableList(new ArrayList<>(plates));
        this.clinical = clinical;
        this.compareTest = compareTest;
        this.errorBars = errorBars;
        this.correction = correction;
        this.survival = Collections.unmodifiableList(new ArrayList<>(survival));
    }

    /** The same study with another number of worker threads (0 = one per processor). */
    public StudyConfig withThreads(int n) {
        return new StudyConfig(file, title, idPattern, n, markers, blots, plates, clinical, compareTest, errorBars, correction,
                survival);
    }

    /** The study file itself. */
    public Path file() {
        return file;
    }

    public String title() {
        return title;
    }

    /** Pattern whose group 1 is the patient id in an image file name, or null (file name without extension). */
    public Pattern idPattern() {
        return idPattern;
    }

    /** Worker threads for image scoring; 0 = one per processor. */
    public int threads() {
        return threads;
    }

    public List<MarkerSpec> markers() {
        return markers;
    }

    /** The markers scored pixel by pixel. */
    public List<MarkerSpec> pixelMarkers() {
        List<MarkerSpec> out = new ArrayList<>();
        for (MarkerSpec m : markers) {
            if (!m.byCells()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The markers scored cell by cell. */
    public List<MarkerSpec> cellMarkers() {
        List<MarkerSpec> out = new ArrayList<>();
        for (MarkerSpec m : markers) {
            if (m.byCells()) {
                out.add(m);
            }
        }
        return out;
    }

    public List<BlotSpec> blots() {
        return blots;
    }

    public List<PlateSpec> plates() {
        return plates;
    }

    /** Null when the study has no clinical sheet (then no group tests or survival). */
    public ClinicalSpec clinical() {
        return clinical;
    }

    public GroupComparison.Test compareTest() {
        return compareTest;
    }

    public BarChart.ErrorBars errorBars() {
        return errorBars;
    }

    /** Multiple-testing correction across the markers' group comparisons (Holm by default). */
    public PValueAdjust.Method correction() {
        return correction;
    }

    public List<SurvivalSpec> survival() {
        return survival;
    }

    /**
     * The patient id of an image file name; {@code matched[0]} says whether the id pattern
     * matched (when not, the file name without extension is used, which counts every field as a
     * patient of its own: the report warns about it).
     */
    public String patientOf(String fileName, boolean[] matched) {
        if (idPattern != null) {
            Matcher m = idPattern.matcher(fileName);
            if (m.find() && m.group(1) != null) {
                matched[0] = true;
                return m.group(1);
            }
            matched[0] = false;
        } else {
            matched[0] = true;
        }
        return ImageFiles.baseName(fileName);
    }
}
