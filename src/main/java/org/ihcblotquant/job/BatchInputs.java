package org.ihcblotquant.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ihcblotquant.cohort.Shard;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.cohort.ShardWeight;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.MaskFolder;
import org.ihcblotquant.io.ImageFiles;

/**
 * The files a batch job (pixel scoring, cell scoring) works through, and the checks of its
 * per-image / per-slide table pair, done the same way for every batch: the request's inputs
 * expanded (or the shard's cut of them), mask files kept out.
 */
final class BatchInputs {
    /** The files to process, in list order. */
    final List<Path> files;
    /** The shard they were cut as, or null for the whole list. */
    final Shard shard;

    private BatchInputs(List<Path> files, Shard shard) {
        this.files = files;
        this.shard = shard;
    }

    /**
     * Refuses a request without inputs, with only one of the two tables, or with both tables in
     * one file.
     */
    static void checkTables(List<Path> inputs, Path imagesCsv, Path slidesCsv) {
        if (inputs.isEmpty()) {
            throw new FieldException("input", "no input given (image files or folders)");
        }
        if ((imagesCsv == null) != (slidesCsv == null)) {
            throw new IllegalArgumentException("give both output tables or neither");
        }
        if (imagesCsv != null && OutputFiles.same(imagesCsv, slidesCsv)) {
            throw new FieldException("slides", "the per-image and per-slide tables would be the same file "
                    + imagesCsv);
        }
    }

    /**
     * The inputs expanded, or the cut of shard {@code spec} (a streamed listing, so a task of a
     * large array never holds the whole cohort's list); files of the mask folder are left out.
     *
     * @param verb what is done to the images, for the message when only masks are left ("score")
     */
    static BatchInputs list(List<Path> inputs, MaskFolder masks, ShardSpec spec, ShardWeight weight,
            Function<Path, String> slideOf, String verb) {
        if (spec != null) {
            Shard shard = Shard.select(inputs, masks == null ? null : masks::contains, spec, weight, slideOf);
            return new BatchInputs(new ArrayList<>(shard.files()), shard);
        }
        List<Path> files = ImageFiles.expand(inputs);
        if (masks != null) {
            // masks kept inside the input folder are not images to process
            files.removeIf(masks::contains);
            if (files.isEmpty()) {
                throw new InputException("no images left to " + verb + " outside the mask folder " + masks.dir());
            }
        }
        return new BatchInputs(files, null);
    }
}
