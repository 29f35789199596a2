package org.ihcblotquant.cohort;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.ihcblotquant.core.Provenance;

/**
 * The files of one shard of the sorted input list, and what identifies the whole list.
 *
 * <p>Shards are contiguous runs of the sorted list cut at equal shares of the total weight (file
 * size): file i, whose weight covers [c, c + w) of the total T, goes to shard
 * floor(N (c + w/2) / T), the shard its midpoint falls in. That needs only a running sum, so every
 * task of a job array streams the listing twice (total, then its own run) and holds only its own
 * files; each file lands in exactly one shard, every shard carries T/N give or take one file, and
 * the shards laid end to end are the single run's order, so a merge in shard order reproduces a
 * single run's row and slide order exactly. The list fingerprint (SHA-256 of every path and
 * weight) lets the merge refuse shards cut from different listings (files added, removed or
 * changed while the array ran).
 */
public final class Shard {
    private final ShardSpec spec;
    private final List<Path> files;
    private final long listSize;
    private final long totalWeight;
    private final long weight;
    private final String fingerprint;

    private Shard(ShardSpec spec, List<Path> files, long listSize, long totalWeight, long weight, String fingerprint) {
        this.spec = spec;
        this.files = Collections.unmodifiableList(files);
        this.listSize = listSize;
        this.totalWeight = totalWeight;
        this.weight = weight;
        this.fingerprint = fingerprint;
    }

    /**
     * Lists {@code inputs} (as {@link SortedImageWalk}) and keeps the files of shard {@code spec}.
     *
     * @param exclude files that are not inputs (e.g. masks inside the input folder), or null
     */
    public static Shard select(List<Path> inputs, Predicate<Path> exclude, ShardSpec spec, ShardWeight weigher) {
        MessageDigest sha = sha256();
        long[] total = {0, 0};
        SortedImageWalk.forEach(inputs, exclude, p -> {
            long w = weigher.of(p);
            total[0]++;
            total[1] += w;
            sha.update((p.toString() + "\t" + w + "\n").getBytes(StandardCharsets.UTF_8));
        });
        String fp = hex(sha.digest());
        List<Path> mine = new ArrayList<>();
        long[] running = {0, 0};
        BigInteger n2 = BigInteger.valueOf(spec.count());
        BigInteger twoTotal = BigInteger.valueOf(total[1]).shiftLeft(1);
        SortedImageWalk.forEach(inputs, exclude, p -> {
            long w = weigher.of(p);
            if (shardOf(running[0], w, n2, twoTotal) == spec.index() - 1) {
                mine.add(p);
                running[1] += w;
            }
            running[0] += w;
        });
        return new Shard(spec, mine, total[0], total[1], running[1], fp);
    }

    /** 0-based shard of the file whose weight w starts at c: floor(N (2c + w) / 2T), at most N-1. */
    static int shardOf(long c, long w, BigInteger n, BigInteger twoTotal) {
        BigInteger mid2 = BigInteger.valueOf(c).shiftLeft(1).add(BigInteger.valueOf(w));
        int k = mid2.multiply(n).divide(twoTotal).intValue();
        return Math.min(k, n.intValue() - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    public ShardSpec spec() {
        return spec;
    }

    /** This shard's files, in list order. */
    public List<Path> files() {
        return files;
    }

    /** Number of files in the whole list. */
    public long listSize() {
        return listSize;
    }

    public long totalWeight() {
        return totalWeight;
    }

    /** Weight of this shard's files. */
    public long weight() {
        return weight;
    }

    /** First 16 hex digits of the SHA-256 of every path and weight of the list. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Adds the shard lines a merge reads back ({@link ShardInfo}). */
    public void describe(Provenance p) {
        ShardInfo.of(this).describe(p);
    }
}
