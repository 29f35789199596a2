package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.slide.LevelChoice;

/**
 * What every batch over image files, folders and whole slides is asked (the pixel scores of
 * {@link IhcBatchJob} and the cell scores of {@link CellsJob}): the inputs, their masks, where the
 * per-image and per-slide tables go, which level of a slide, which shard of the list and whether
 * stain vectors are estimated from the images. Immutable; each job's request adds its own parts.
 *
 * @param <S> the job's settings
 */
public abstract class BatchRequest<S> {
    final List<Path> inputs;
    final S settings;
    final Path masks;
    final Path imagesCsv;
    final Path slidesCsv;
    final boolean createFolders;
    final String command;
    final LevelChoice slideLevel;
    final ShardSpec shard;
    final StainEstimateScope estimate;

    BatchRequest(Builder<S, ?> b) {
        this.inputs = Collections.unmodifiableList(new ArrayList<>(b.inputs));
        this.settings = b.settings;
        this.masks = b.masks;
        this.imagesCsv = b.imagesCsv;
        this.slidesCsv = b.slidesCsv;
        this.createFolders = b.createFolders;
        this.command = b.command;
        this.slideLevel = b.slideLevel;
        this.shard = b.shard;
        this.estimate = b.estimate;
    }

    /**
     * The builder both jobs share; {@code B} is the concrete builder, so calls chain with the job's
     * own options.
     */
    public abstract static class Builder<S, B extends Builder<S, B>> {
        private final List<Path> inputs = new ArrayList<>();
        private final S settings;
        private Path masks;
        private Path imagesCsv;
        private Path slidesCsv;
        private boolean createFolders;
        private String command;
        private LevelChoice slideLevel;
        private ShardSpec shard;
        private StainEstimateScope estimate = StainEstimateScope.NONE;

        Builder(S settings, String command, LevelChoice slideLevel) {
            this.settings = settings;
            this.command = command;
            this.slideLevel = slideLevel;
        }

        abstract B self();

        /** An image file, a whole slide or a folder searched recursively. */
        public B input(Path p) {
            inputs.add(p);
            return self();
        }

        /** Folder of masks ({@code <image name>.png}, non-zero = analysed); null for none. */
        public B masks(Path dir) {
            this.masks = dir;
            return self();
        }

        /** Where the per-image and per-slide tables go; both null to only compute them. */
        public B outputs(Path images, Path slides) {
            this.imagesCsv = images;
            this.slidesCsv = slides;
            return self();
        }

        /** Create missing folders above the output files (a Fiji output folder) instead of refusing. */
        public B createFolders(boolean create) {
            this.createFolders = create;
            return self();
        }

        /** The command as the user gave it, for the provenance lines. */
        public B command(String command) {
            this.command = command;
            return self();
        }

        /** Which pyramid level of each whole-slide file is analysed. */
        public B slideLevel(LevelChoice choice) {
            this.slideLevel = choice;
            return self();
        }

        /**
         * Only shard K of N of the sorted input list (a task of a job array); null for all. The
         * tables then carry the shard lines (and per-image counts) that {@code ihcq merge} checks
         * and pools.
         */
        public B shard(ShardSpec s) {
            this.shard = s;
            return self();
        }

        /** Stain vectors estimated from the images per image, per slide or once for the batch. */
        public B estimate(StainEstimateScope scope) {
            this.estimate = scope;
            return self();
        }
    }
}
