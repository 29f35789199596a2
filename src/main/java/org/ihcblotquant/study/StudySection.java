package org.ihcblotquant.study;

import java.io.IOException;

import org.ihcblotquant.core.ProgressListener;

/**
 * One part of a study run (pixel markers, the study table, blots, group tests, survival): reads
 * what earlier parts left in the {@link StudyRun}, writes its files, adds its report section and
 * warnings. A section that has nothing to do (no blots in the study) returns at once.
 */
interface StudySection {

    /** Short name for progress messages. */
    String name();

    /** Share of the run's time this part takes, for the progress bar (weights are relative). */
    double weight(StudyRun run);

    void run(StudyRun run, ProgressListener progress) throws IOException;
}
