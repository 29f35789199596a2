package org.ihcblotquant.cohort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.job.JobOutcome;

/** What a merge wrote: how many parts, shards, images (scored and failed) and slides. */
public final class MergeOutcome extends JobOutcome {
    private final int parts;
    private final int shardCount;
    private final List<Integer> missingShards;
    private final long images;
    private final long scored;
    private final int slides;

    MergeOutcome(Provenance provenance, List<String> warnings, int parts, int shardCount, List<Integer> missingShards,
            long images, long scored, int slides) {
        super(provenance, warnings);
        this.parts = parts;
        this.shardCount = shardCount;
        this.missingShards = Collections.unmodifiableList(new ArrayList<>(missingShards));
        this.images = images;
        this.scored = scored;
        this.slides = slides;
    }

    /** Per-image tables merged (after dropping exact repeats). */
    public int parts() {
        return parts;
    }

    /** N of the shards, or 0 when the parts were not shards. */
    public int shardCount() {
        return shardCount;
    }

    /** Shard numbers (1-based) with no table; empty unless the merge was partial. */
    public List<Integer> missingShards() {
        return missingShards;
    }

    /** Rows of the merged per-image table. */
    public long images() {
        return images;
    }

    /** Rows with status ok. */
    public long scored() {
        return scored;
    }

    public int slides() {
        return slides;
    }
}
