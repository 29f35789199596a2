package org.ihcblotquant.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;

/**
 * What the sections of one study run share: the study, what is on disk, the output folder, the
 * report being built, the warnings, and the results later sections build on (per-patient marker
 * scores, the joined study table).
 */
final class StudyRun {
    final StudyConfig config;
    final StudyInputs inputs;
    final OutputFolder out;
    final ImageScoreCache cache;
    final List<ReportSection> sections = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Files the run wrote, relative to the output folder, in order. */
    final List<String> files = new ArrayList<>();

    /** Per marker: patient id to score (pooled over the patient's ok fields). */
    final Map<String, Map<String, Double>> markerScores = new LinkedHashMap<>();
    /** Images scored in all (for the summary) and how many came from the cache. */
    int imagesScored;
    int imagesReused;
    int imagesFailed;
    /** The joined study table as read back from its file (one row per patient), or null before it is built. */
    CsvTable studyTable;
    /** The same table with typed cells, for front ends that show it. */
    org.ihcblotquant.io.Table studyRows;

    StudyRun(StudyConfig config, StudyInputs inputs, OutputFolder out, ImageScoreCache cache) {
        this.config = config;
        this.inputs = inputs;
        this.out = out;
        this.cache = cache;
        warnings.addAll(inputs.warnings());
    }

    ReportSection section(String id, String title) {
        ReportSection s = new ReportSection(id, title);
        sections.add(s);
        return s;
    }

    void warn(String w) {
        if (!warnings.contains(w)) {
            warnings.add(w);
        }
    }

    String wrote(String rel) {
        files.add(rel);
        return rel;
    }
}
