package org.ihcblotquant.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.core.Version;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.stats.Json;

/**
 * Results of earlier runs, kept by the SHA-256 of the image file's content and of the scoring
 * settings (and tool version): an interrupted study resumes without re-scoring finished images,
 * a renamed file is not re-scored (its name and patient id are filled in anew), and a changed
 * file or setting is. Each entry is written atomically, so a run killed mid-write leaves no
 * half entry.
 */
final class ImageScoreCache {
    private final Path dir;

    /** @param dir cache folder, or null for no cache */
    ImageScoreCache(Path dir) {
        this.dir = dir;
    }

    boolean enabled() {
        return dir != null;
    }

    /** Key of one image under one marker's settings. */
    static String key(Path file, IhcSettings settings) throws IOException {
        return sha256(file) + "-" + settingsHash(settings);
    }

    /** Key of one image under one cell-scored marker's settings (its own namespace: never a pixel entry). */
    static String key(Path file, CellSettings settings) throws IOException {
        Provenance p = new Provenance();
        settings.describe(p);
        return sha256(file) + "-" + settingsHash("cells", p);
    }

    /** What decides a score: every setting except the marker name and id rule, and the tool version. */
    static String settingsHash(IhcSettings settings) {
        Provenance p = new Provenance();
        settings.describe(p);
        return settingsHash("", p);
    }

    private static String settingsHash(String mode, Provenance p) {
        StringBuilder sb = new StringBuilder(Version.get());
        if (!mode.isEmpty()) {
            sb.append("\nmode=").append(mode);
        }
        for (Map.Entry<String, String> e : p.entries().entrySet()) {
            if (!e.getKey().equals("marker") && !e.getKey().equals("slide_pattern")) {
                sb.append('\n').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return hex(digest().digest(sb.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    /** First 16 hex digits of the SHA-256 of a text (UTF-8). */
    static String hash(String text) {
        return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return hex(md.digest());
    }

    /**
     * An entry read back: table cells (identity cells blank), tallies (or null), thumbnail (or null)
     * and detail rows (cell scoring: one per cell, identity cells blank; empty for pixel scoring).
     */
    static final class Entry {
        final String[] row;
        final PixelCounts counts;
        final byte[] thumbnail;
        final List<String[]> detail;

        Entry(String[] row, PixelCounts counts, byte[] thumbnail, List<String[]> detail) {
            this.row = row;
            this.counts = counts;
            this.thumbnail = thumbnail;
            this.detail = detail;
        }
    }

    /** The entry for a key, or null when there is none or it cannot be read (then the image is scored again). */
    Entry get(String key) {
        if (dir == null) {
            return null;
        }
        Path json = dir.resolve(key + ".json");
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            Map<?, ?> m = (Map<?, ?>) Json.parse(new String(Files.readAllBytes(json), StandardCharsets.UTF_8));
            String[] row = strings((List<?>) m.get("row"));
            List<String[]> detail = new ArrayList<>();
            List<?> rows = (List<?>) m.get("detail");
            if (rows != null) {
                for (Object r : rows) {
                    detail.add(strings((List<?>) r));
                }
            }
            PixelCounts counts = null;
            Map<?, ?> c = (Map<?, ?>) m.get("counts");
            if (c != null) {
                counts = new PixelCounts();
                counts.analysed = ((Number) c.get("analysed")).longValue();
                List<?> classes = (List<?>) c.get("classes");
                for (int k = 0; k < 4; k++) {
                    counts.classes[k] = ((Number) classes.get(k)).longValue();
                }
                counts.chromogenSum = ((Number) c.get("chromogen_sum")).doubleValue();
                counts.chromogenPositiveSum = ((Number) c.get("chromogen_positive_sum")).doubleValue();
                counts.counterSum = ((Number) c.get("counter_sum")).doubleValue();
            }
            Path jpg = dir.resolve(key + ".jpg");
            byte[] thumb = Files.isRegularFile(jpg) ? Files.readAllBytes(jpg) : null;
            return new Entry(row, counts, thumb, detail);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String[] strings(List<?> cells) {
        String[] out = new String[cells.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = String.valueOf(cells.get(i));
        }
        return out;
    }

    private static List<Object> list(String[] row) {
        List<Object> cells = new ArrayList<>();
        for (String s : row) {
            cells.add(s);
        }
        return cells;
    }

    void put(String key, String[] row, PixelCounts counts, byte[] thumbnail) throws IOException {
        put(key, row, counts, thumbnail, null);
    }

    /** @param detail further rows of the image (cell scoring: one per cell), or null */
    void put(String key, String[] row, PixelCounts counts, byte[] thumbnail, List<String[]> detail)
            throws IOException {
        if (dir == null) {
            return;
        }
        if (thumbnail != null) {
            AtomicFiles.write(dir.resolve(key + ".jpg"), out -> out.write(thumbnail));
        }
        Map<String, Object> m = Json.object();
        m.put("row", list(row));
        if (detail != null) {
            List<Object> rows = new ArrayList<>();
            for (String[] r : detail) {
                rows.add(list(r));
            }
            m.put("detail", rows);
        }
        if (counts != null) {
            Map<String, Object> c = Json.object();
            c.put("analysed", counts.analysed);
            List<Object> classes = new ArrayList<>();
            for (long v : counts.classes) {
                classes.add(v);
            }
            c.put("classes", classes);
            c.put("chromogen_sum", counts.chromogenSum);
            c.put("chromogen_positive_sum", counts.chromogenPositiveSum);
            c.put("counter_sum", counts.counterSum);
            m.put("counts", c);
        } else {
            m.put("counts", null);
        }
        // the JSON goes last: an entry counts only once its thumbnail is in place
        AtomicFiles.writeText(dir.resolve(key + ".json"), Json.write(m));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
