package org.ihcblotquant.study;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.Version;

/**
 * Provenance lines for the study's tables: tool, version, study file and id rule, without the
 * date of the run (the report carries it), so a re-run with the same inputs writes the same bytes.
 */
final class StudyProvenance {

    private StudyProvenance() {
    }

    /** A job's JSON result without the run's date in its provenance, so a re-run writes the same file. */
    static java.util.Map<String, Object> withoutDate(java.util.Map<String, Object> json) {
        Object p = json.get("provenance");
        if (p instanceof java.util.Map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>((java.util.Map<?, ?>) p);
            copy.remove("date");
            json.put("provenance", copy);
        }
        return json;
    }

    static Provenance of(StudyConfig config) {
        Provenance p = new Provenance();
        p.put("tool", Version.TOOL);
        p.put("version", Version.get());
        p.put("study", config.title());
        p.put("study_file", config.file().getFileName());
        p.put("id_pattern", config.idPattern() == null ? "(file name without extension)" : config.idPattern().pattern());
        return p;
    }
}
