package org.ihcblotquant.cohort;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.Predicate;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.Provenance;

/**
 * The files of one shard of the sorted input list, and what identifies the whole list.
 *
 * <p>Shards are contiguous runs of the sorted list cut at equal shares of the total weight (file
 * size). The units cut are the slides (all fields of one slide id) when every slide's fields lie
 * next to each other in the list, as with fields named after their slide or kept in a folder per
 * slide; otherwise single files. Unit i, whose weight covers [c, c + w) of the total T, goes to
 * shard floor(N (c + w/2) / T), the shard its midpoint falls in. That needs only a running sum, so
 * every task of a job array streams the listing twice (total, then its own run) and holds only its
 * own files and one slide's; each file lands in exactly one shard, every shard carries T/N give
 * or take one unit, and the shards laid end to end are the single run's order, so a merge in shard
 * order reproduces a single run's row and slide order exactly. Whole slides per shard keep each
 * shard's per-slide table complete and anything computed per slide from all its fields exact; the
 * merge pools slides from per-image counts either way. The list fingerprint (SHA-256 of every path
 * and weight) lets the merge refuse shards cut from different listings (files added, removed or
 * changed while the array ran).
 */
public final class Shard {
    private final ShardSpec spec;
    private final List<Path> files;
    private final long listSize;
    private final long totalWeight;
    private final long weight;
    private final String fingerprint;
    private final Boolean bySlide;

    private Shard(ShardSpec spec, List<Path> files, long listSize, long totalWeight, long weight, String fingerprint,
            Boolean bySlide) {
        this.spec = spec;
        this.files = Collections.unmodifiableList(files);
        this.listSize = listSize;
        this.totalWeight = totalWeight;
        this.weight = weight;
        this.fingerprint = fingerprint;
        this.bySlide = bySlide;
    }

    /** As {@link #select(List, Predicate, ShardSpec, ShardWeight, Function)} cutting between files. */
    public static Shard select(List<Path> inputs, Predicate<Path> exclude, ShardSpec spec, ShardWeight weigher) {
        return select(inputs, exclude, spec, weigher, null);
    }

    /**
     * Lists {@code inputs} (as {@link SortedImageWalk}) and keeps the files of shard {@code spec}.
     *
     * @param exclude files that are not inputs (e.g. masks inside the input folder), or null
     * @param slideOf slide id of a file, to keep a slide's fields in one shard when they lie together
     *                in the list; null to cut between any two files
     */
    public static Shard select(List<Path> inputs, Predicate<Path> exclude, ShardSpec spec, ShardWeight weigher,
            Function<Path, String> slideOf) {
        MessageDigest sha = sha256();
        long[] total = {0, 0};
        SlideRuns runs = new SlideRuns();
        SortedImageWalk.forEach(inputs, exclude, p -> {
            long w = weigher.of(p);
            total[0]++;
            total[1] += w;
            sha.update((p.toString() + "\t" + w + "\n").getBytes(StandardCharsets.UTF_8));
            if (slideOf != null) {
                runs.next(slideOf.apply(p));
            }
        });
        String fp = hex(sha.digest());
        boolean bySlide = slideOf != null && runs.together;
        Cutter cut = new Cutter(spec, total[1]);
        MessageDigest again = sha256();
        SortedImageWalk.forEach(inputs, exclude, p -> {
            long w = weigher.of(p);
            again.update((p.toString() + "\t" + w + "\n").getBytes(StandardCharsets.UTF_8));
            cut.add(p, w, bySlide ? slideOf.apply(p) : null);
        });
        cut.endUnit();
        if (!fp.equals(hex(again.digest()))) {
            throw new InputException("the input files changed while they were listed (files added, removed or "
                    + "still being copied); score the shard again when the inputs are complete");
        }
        return new Shard(spec, cut.mine, total[0], total[1], cut.mineWeight, fp, slideOf == null ? null : bySlide);
    }

    /** Whether every slide id seen forms one run in the list (only the ids of finished runs are kept). */
    private static final class SlideRuns {
        private final Set<String> finished = new HashSet<>();
        private String current;
        boolean together = true;

        void next(String slide) {
            if (slide.equals(current)) {
                return;
            }
            if (current != null) {
                finished.add(current);
            }
            if (finished.contains(slide)) {
                together = false;
            }
            current = slide;
        }
    }

    /** Streams the list in units (a slide's run of files, or one file) and keeps this shard's units. */
    private static final class Cutter {
        private final int index;
        private final BigInteger n;
        private final BigInteger twoTotal;
        private final List<Path> unit = new ArrayList<>();
        private String unitSlide;
        private long unitWeight;
        private long offset;
        final List<Path> mine = new ArrayList<>();
        long mineWeight;

        Cutter(ShardSpec spec, long totalWeight) {
            this.index = spec.index() - 1;
            this.n = BigInteger.valueOf(spec.count());
            this.twoTotal = BigInteger.valueOf(Math.max(1, totalWeight)).shiftLeft(1);
        }

        void add(Path p, long w, String slide) {
            if (slide == null || !slide.equals(unitSlide)) {
                endUnit();
                unitSlide = slide;
            }
            unit.add(p);
            unitWeight += w;
        }

        void endUnit() {
            if (unit.isEmpty()) {
                return;
            }
            if (shardOf(offset, unitWeight, n, twoTotal) == index) {
                mine.addAll(unit);
                mineWeight += unitWeight;
            }
            offset += unitWeight;
            unit.clear();
            unitWeight = 0;
        }
    }

    /**
     * The items of shard {@code spec} of a list held in memory (e.g. a study's images of every
     * marker), cut by the same rule as files: contiguous runs of about equal total weight.
     */
    public static <T> List<T> pick(List<T> items, ToLongFunction<T> weight, ShardSpec spec) {
        long[] w = new long[items.size()];
        long total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(1, weight.applyAsLong(items.get(i)));
            total += w[i];
        }
        BigInteger n = BigInteger.valueOf(spec.count());
        BigInteger twoTotal = BigInteger.valueOf(Math.max(1, total)).shiftLeft(1);
        List<T> mine = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < w.length; i++) {
            if (shardOf(offset, w[i], n, twoTotal) == spec.index() - 1) {
                mine.add(items.get(i));
            }
            offset += w[i];
        }
        return mine;
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

    /**
     * True when the list was cut between slides, false when slides were asked for but their fields
     * do not lie together, null when the cut was between files by request.
     */
    public Boolean bySlide() {
        return bySlide;
    }

    /** Adds the shard lines a merge reads back ({@link ShardInfo}). */
    public void describe(Provenance p) {
        ShardInfo.of(this).describe(p);
    }
}
