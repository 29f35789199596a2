package org.ihcblotquant.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to merge: per-image shard tables (file names or globs such as {@code shards/images-*.csv}),
 * where the merged per-image and per-slide tables go, and whether an incomplete set of shards may
 * be merged.
 */
public final class MergeRequest {
    private final List<String> parts;
    private final Path imagesOut;
    private final Path slidesOut;
    private final boolean partial;
    private final String command;

    /**
     * @param parts     files or globs (a glob in the file-name part: {@code dir/images-*.csv})
     * @param command   the command line as typed, for the provenance lines
     */
    public MergeRequest(List<String> parts, Path imagesOut, Path slidesOut, boolean partial, String command) {
        this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
        this.imagesOut = imagesOut;
        this.slidesOut = slidesOut;
        this.partial = partial;
        this.command = command;
    }

    public List<String> parts() {
        return parts;
    }

    public Path imagesOut() {
        return imagesOut;
    }

    public Path slidesOut() {
        return slidesOut;
    }

    /** Merge what is there when shards are missing (the tables say so in a '#' line). */
    public boolean partial() {
        return partial;
    }

    public String command() {
        return command;
    }
}
