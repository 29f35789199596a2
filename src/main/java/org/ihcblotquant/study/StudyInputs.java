package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;

/** What {@link StudyPreflight} found on disk: the image files of each marker and the clinical sheet. */
public final class StudyInputs {
    private final Map<String, List<Path>> images;
    private final CsvTable clinical;
    private final List<String> warnings;

    StudyInputs(Map<String, List<Path>> images, CsvTable clinical, List<String> warnings) {
        this.images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        this.clinical = clinical;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    /** Image files of a marker, sorted by path. */
    public List<Path> images(String marker) {
        return images.get(marker);
    }

    /** The clinical sheet, or null when the study has none. */
    public CsvTable clinical() {
        return clinical;
    }

    /** Problems that do not stop the run (ids without a match, fields counted as patients). */
    public List<String> warnings() {
        return warnings;
    }
}
