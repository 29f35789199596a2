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
