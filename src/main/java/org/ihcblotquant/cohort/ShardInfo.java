package org.ihcblotquant.cohort;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.core.Provenance;

/**
 * What a shard table says about its shard in its '#' lines: {@code shard: K/N},
 * {@code shard_list: M images, weight T, fingerprint F}, {@code shard_images: n}, where the cuts
 * fall ({@code shard_cut}) and its first and last image ({@code shard_first}, {@code shard_last}).
 * Written by the scoring commands, read back by the merge.
 */
public final class ShardInfo {
    static final String SHARD = "shard";
    static final String LIST = "shard_list";
    static final String IMAGES = "shard_images";
    static final String CUT = "shard_cut";
    static final String FIRST = "shard_first";
    static final String LAST = "shard_last";

    private static final Pattern LIST_LINE = Pattern.compile("(\\d+) images, weight (\\d+), fingerprint ([0-9a-f]+)");

    private final ShardSpec spec;
    private final long listSize;
    private final long totalWeight;
    private final String fingerprint;
    private final long images;
    private final Boolean bySlide;
    private final String first;
    private final String last;

    ShardInfo(ShardSpec spec, long listSize, long totalWeight, String fingerprint, long images, Boolean bySlide,
            String first, String last) {
        this.spec = spec;
        this.listSize = listSize;
        this.totalWeight = totalWeight;
        this.fingerprint = fingerprint;
        this.images = images;
        this.bySlide = bySlide;
        this.first = first;
        this.last = last;
    }

    static ShardInfo of(Shard s) {
        List<Path> f = s.files();
        return new ShardInfo(s.spec(), s.listSize(), s.totalWeight(), s.fingerprint(), f.size(), s.bySlide(),
                f.isEmpty() ? null : f.get(0).toString(), f.isEmpty() ? null : f.get(f.size() - 1).toString());
    }

    /** True when a '#' key belongs to the shard lines (not to the settings the parts must share). */
    static boolean isShardKey(String key) {
        return key.equals(SHARD) || key.equals(LIST) || key.equals(IMAGES) || key.equals(CUT)
                || key.equals(FIRST) || key.equals(LAST);
    }

    void describe(Provenance p) {
        p.put(SHARD, spec.toString());
        p.put(LIST, String.format(Locale.ROOT, "%d images, weight %d, fingerprint %s", listSize, totalWeight,
                fingerprint));
        p.put(IMAGES, images);
        if (bySlide != null) {
            p.put(CUT, bySlide ? "between slides (each slide's fields in one shard)"
                    : "between files (the fields of some slides are not next to each other in the sorted list)");
        }
        if (first != null) {
            // the shard's ends in the list: a merge missing this shard's neighbour can say which images are missing
            p.put(FIRST, first);
            p.put(LAST, last);
        }
    }

    /**
     * Reads the shard lines of a table's provenance; null when the table is not a shard.
     *
     * @throws IllegalArgumentException when the lines are there but malformed
     */
    static ShardInfo read(Map<String, String> provenance) {
        String s = provenance.get(SHARD);
        if (s == null) {
            return null;
        }
        ShardSpec spec;
        try {
            spec = ShardSpec.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed '# shard:' line '" + s + "'");
        }
        String l = provenance.get(LIST);
        Matcher m = l == null ? null : LIST_LINE.matcher(l);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'# shard:' line without a valid '# shard_list:' line");
        }
        String n = provenance.get(IMAGES);
        long images;
        try {
            images = Long.parseLong(n == null ? "" : n.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'# shard:' line without a valid '# shard_images:' line");
        }
        return new ShardInfo(spec, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3), images, null,
                provenance.get(FIRST), provenance.get(LAST));
    }

    public ShardSpec spec() {
        return spec;
    }

    public long listSize() {
        return listSize;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Path of the shard's first image in the list, null when the shard is empty (or the line is absent). */
    String first() {
        return first;
    }

    String last() {
        return last;
    }

    public long images() {
        return images;
    }

    /** The list this shard was cut from, for comparing parts: size, weight and fingerprint. */
    String listKey() {
        return listSize + "/" + totalWeight + "/" + fingerprint + "/" + spec.count();
    }
}
