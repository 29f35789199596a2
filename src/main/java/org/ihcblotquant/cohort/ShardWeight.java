package org.ihcblotquant.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.core.InputException;

/**
 * How much work an input file is, for balancing shards. Must depend only on the file (the same
 * value in every task of a job array), and be at least 1.
 */
public interface ShardWeight {

    long of(Path file);

    /** File size in bytes (at least 1): the work of decoding fields is close to proportional to it. */
    ShardWeight FILE_SIZE = file -> {
        try {
            return Math.max(1L, Files.size(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read its size (" + e.getMessage() + ")", e);
        }
    };
}
