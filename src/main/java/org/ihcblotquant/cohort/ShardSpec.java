package org.ihcblotquant.cohort;

import java.util.Locale;

import org.ihcblotquant.job.FieldException;

/**
 * The K-th of N shards (1-based, as SLURM array indices usually run: {@code --array=1-N}).
 * Immutable; {@link #parse} checks the text a user typed.
 */
public final class ShardSpec {
    /** Neutral name of the request field ({@code --shard} on the command line). */
    public static final String FIELD = "shard";

    private final int index;
    private final int count;

    public ShardSpec(int index, int count) {
        if (count < 1) {
            throw new FieldException(FIELD, "the number of shards must be at least 1, got " + count);
        }
        if (index < 1 || index > count) {
            throw new FieldException(FIELD, "shard " + index + " is outside 1.." + count
                    + " (shards are numbered from 1, as in sbatch --array=1-" + count + ")");
        }
        this.index = index;
        this.count = count;
    }

    /** Parses {@code K/N}, e.g. {@code 3/16}. */
    public static ShardSpec parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new FieldException(FIELD, "'" + text + "' is not K/N (the K-th of N shards, e.g. 3/16)");
        }
        int k;
        int n;
        try {
            k = Integer.parseInt(t.substring(0, slash).trim());
            n = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new FieldException(FIELD, "'" + text + "' is not K/N with whole numbers (e.g. 3/16)");
        }
        return new ShardSpec(k, n);
    }

    /** 1-based shard number K. */
    public int index() {
        return index;
    }

    /** Number of shards N. */
    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d", index, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSpec && ((ShardSpec) o).index == index && ((ShardSpec) o).count == count;
    }

    @Override
    public int hashCode() {
        return index * 31 + count;
    }
}
