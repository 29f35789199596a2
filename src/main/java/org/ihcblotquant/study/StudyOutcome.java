package org.ihcblotquant.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.JobOutcome;

/** What a study run produced: the report, the files written, image counts, warnings. */
public final class StudyOutcome extends JobOutcome {
    private final Path report;
    private final List<String> files;
    private final int images;
    private final int reused;
    private final int failed;
    private final Table studyTable;

    StudyOutcome(Provenance provenance, List<String> warnings, Path report, List<String> files, int images,
            int reused, int failed, Table studyTable) {
        super(provenance, warnings);
        this.report = report;
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.images = images;
        this.reused = reused;
        this.failed = failed;
        this.studyTable = studyTable;
    }

    /** The joined study table (one row per patient, a column per marker), or null for a study without markers. */
    public Table studyTable() {
        return studyTable;
    }

    /** {@code report.html} in the output folder. */
    public Path report() {
        return report;
    }

    /** Files written, relative to the output folder. */
    public List<String> files() {
        return files;
    }

    public int images() {
        return images;
    }

    /** Images whose results came from an earlier run (same content and settings). */
    public int reused() {
        return reused;
    }

    /** Images that could not be scored (listed in the report). */
    public int failed() {
        return failed;
    }
}
