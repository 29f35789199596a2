package org.ihcblotquant.cohort;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.core.Provenance;

/**
 * What a shard table says about its shard in its '#' lines: {@code shard: K/N},
 * {@code shard_list: M images, weight T, fingerprint F} and {@code shard_images: n}. Written by
 * the scoring commands, read back by the merge.
 */
public final class ShardInfo {
    static final String SHARD = "shard";
    static final String LIST = "shard_list";
    static final String IMAGES = "shard_images";

    private static final Pattern LIST_LINE = Pattern.compile("(\\d+) images, weight (\\d+), fingerprint ([0-9a-f]+)");

    private final ShardSpec spec;
    private final long listSize;
    private final long totalWeight;
    private final String fingerprint;
    private final long images;

    ShardInfo(ShardSpec spec, long listSize, long totalWeight, String fingerprint, long images) {
        this.spec = spec;
        this.listSize = listSize;
        this.totalWeight = totalWeight;
        this.fingerprint = fingerprint;
        this.images = images;
    }

    static ShardInfo of(Shard s) {
        return new ShardInfo(s.spec(), s.listSize(), s.totalWeight(), s.fingerprint(), s.files().size());
    }

    /** True when a '#' key belongs to the shard lines (not to the settings the parts must share). */
    static boolean isShardKey(String key) {
        return key.equals(SHARD) || key.equals(LIST) || key.equals(IMAGES);
    }

    void describe(Provenance p) {
        p.put(SHARD, spec.toString());
        p.put(LIST, String.format(Locale.ROOT, "%d images, weight %d, fingerprint %s", listSize, totalWeight,
                fingerprint));
        p.put(IMAGES, images);
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
        return new ShardInfo(spec, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3), images);
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

    public long images() {
        return images;
    }

    /** The list this shard was cut from, for comparing parts: size, weight and fingerprint. */
    String listKey() {
        return listSize + "/" + totalWeight + "/" + fingerprint + "/" + spec.count();
    }
}
