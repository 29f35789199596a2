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
        this(studyFile, outDir, resume, threads, null);
    }

    /**
     * @param shard null for the whole study; else only the images of this shard (of all markers'
     *              images, cut by file size) are scored into the output folder's cache, for a final
     *              run without a shard to reuse (a task of a job array)
     */
    public StudyRequest(Path studyFile, Path outDir, boolean resume, int threads, ShardSpec shard) {
        this.studyFile = studyFile;
        this.outDir = outDir;
        this.resume = resume;
        this.threads = threads;
        this.shard = shard;
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
