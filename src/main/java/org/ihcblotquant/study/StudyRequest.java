package org.ihcblotquant.study;

import java.nio.file.Path;

/** Run this study file into this output folder; {@code resume} reuses earlier results by content. */
public final class StudyRequest {
    private final Path studyFile;
    private final Path outDir;
    private final boolean resume;
    private final int threads;

    /**
     * @param threads worker threads, or -1 to use the study file's {@code threads}
     */
    public StudyRequest(Path studyFile, Path outDir, boolean resume, int threads) {
        this.studyFile = studyFile;
        this.outDir = outDir;
        this.resume = resume;
        this.threads = threads;
    }

    public Path studyFile() {
        return studyFile;
    }

    public Path outDir() {
        return outDir;
    }

    public boolean resume() {
        return resume;
    }

    public int threads() {
        return threads;
    }
}
