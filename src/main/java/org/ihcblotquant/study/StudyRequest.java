package org.ihcblotquant.study;

import java.nio.file.Path;

import org.ihcblotquant.cohort.ShardSpec;

/** Run this study file into this output folder; {@code resume} reuses earlier results by content. */
public final class StudyRequest {
    private final Path studyFile;
    private final Path outDir;
    private final boolean resume;
    private final int threads;
    private final ShardSpec shard;

    /**
     * @param threads worker threads, or -1 to use the study file's {@code threads}
     */
    public StudyRequest(Path studyFile, Path outDir, boolean resume, int threads) {
        this.studyFile = studyFile;
        this.outDir = outDir;
        this.resume = resume;
        this.threads = threads;
        this.shard = null;
    }

    private StudyRequest(StudyRequest q, ShardSpec shard) {
        this.studyFile = q.studyFile;
        this.outDir = q.outDir;
        this.resume = q.resume;
        this.threads = q.threads;
        this.shard = shard;
    }

    /**
     * Only the image work of shard K of N (a task of a job array): its images are scored into the
     * output folder's cache, no tables or report; a run without a shard then reuses them all.
     */
    public StudyRequest withShard(ShardSpec s) {
        return new StudyRequest(this, s);
    }

    /** The shard of the images to score, or null for the whole study. */
    public ShardSpec shard() {
        return shard;
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
