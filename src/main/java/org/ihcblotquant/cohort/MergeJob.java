package org.ihcblotquant.cohort;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.core.Provenance;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.io.AtomicFiles;
import org.ihcblotquant.io.CsvFormat;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.Job;
import org.ihcblotquant.job.OutputFiles;

/**
 * Joins per-image tables of shards (or of separate runs) into one per-image table and recomputes
 * the per-slide table from the per-image pixel counts, so the result equals a single run over all
 * the inputs: slides whose fields were scored in different shards are pooled from their counts,
 * never averaged from per-shard slide rows.
 *
 * <p>Refused: parts scored with different settings or tool versions (their '#' lines differ),
 * shards cut from different input lists or into a different number of shards, a shard given
 * twice with different rows, missing shards (unless partial), tables without the per-image counts.
 * Rows are streamed: memory holds one row, the slide pools and the image names, not the tables.
 */
public final class MergeJob implements Job<MergeRequest, MergeOutcome> {

    /** '#' keys that differ between parts of one run by design (tool and version are compared all the same). */
    private static final Set<String> RUN_KEYS = new LinkedHashSet<>(Arrays.asList("tool", "version", "command",
            "date", "merged", "merged_with_version", "scoring_command", "incomplete"));

    /**
     * '#' keys that record a value per slide or image (a slide's background from its glass, stain
     * vectors estimated from its fields), not a setting: each shard has those of its own slides.
     * They are joined; one key with two values (a slide calibrated twice differently) is refused.
     */
    private static final List<String> RECORD_PREFIXES = Arrays.asList("slide_background ", "estimated_vectors ");

    /** The tool version: parts of different versions are refused, the merged tables carry it. */
    private static final String VERSION = "version";

    @Override
    public MergeOutcome run(MergeRequest req, ProgressListener progress) {
        if (req.parts().isEmpty()) {
            throw new FieldException("parts", "no tables to merge given (per-image CSVs of the shards, or a glob)");
        }
        Path out = req.imagesOut();
        Path slidesOut = req.slidesOut();
        if (OutputFiles.same(out, slidesOut)) {
            throw new FieldException("slides", "names the same file as the per-image table (" + out + ")");
        }
        List<String> warnings = new ArrayList<>();
        List<Part> parts = readParts(expand(req.parts()), warnings);
        List<Path> partFiles = new ArrayList<>();
        for (Part p : parts) {
            partFiles.add(p.file);
        }
        OutputFiles.checkFile(out, "out", partFiles, false);
        OutputFiles.checkFile(slidesOut, "slides", partFiles, false);
        checkSameColumns(parts);
        Map<String, String> settings = checkSameSettings(parts);
        ShardPlan plan = ShardPlan.of(parts, req.partial(), warnings);
        List<Part> ordered = plan.ordered;

        Provenance prov = Provenance.start(req.command());
        String partsVersion = ordered.get(0).comments.get(VERSION);
        if (partsVersion != null && !partsVersion.equals(prov.get(VERSION))) {
            prov.put("merged_with_version", prov.get(VERSION));
            prov.put(VERSION, partsVersion);
        }
        String scoringCommand = ordered.get(0).comments.get("command");
        if (scoringCommand != null) {
            prov.put("scoring_command", scoringCommand);
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            prov.put(e.getKey(), e.getValue());
        }
        prov.put("merged", plan.describe());
        if (!plan.missing.isEmpty()) {
            prov.put("incomplete", "no table for shards " + ShardPlan.join(plan.missing) + " of " + plan.count
                    + "; their images are missing from both tables");
        }

        List<String> header = ordered.get(0).header;
        RowPool pool = RowPool.isCells(header) ? new RowPool.Cells(header, settings.get("thresholds"))
                : new RowPool.Pixels(header);
        Streamer s = new Streamer(header, warnings, plan.count == 0, pool);
        try {
            AtomicFiles.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                for (String line : prov.lines()) {
                    w.write("# " + line + "\n");
                }
                writeRow(w, header);
                for (int i = 0; i < ordered.size(); i++) {
                    progress.checkCancelled();
                    s.copy(ordered.get(i), w);
                    progress.progress((i + 1.0) / ordered.size(), ordered.get(i).file.getFileName().toString());
                }
                w.flush();
            });
            s.report();
            Table slides = s.pool.table().addComments(prov.lines());
            CsvFormat.write(slides, slidesOut);
            return new MergeOutcome(prov, warnings, ordered.size(), plan.count, plan.missing, s.rows, s.ok,
                    slides.rowCount());
        } catch (IOException e) {
            throw new InputException("cannot write the merged tables (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read a table to merge (" + e.getCause().getMessage() + ")", e);
        }
    }

    // ---- parts ----------------------------------------------------------------------------------

    /** One per-image table to merge: where it is, its '#' lines, header and shard lines. */
    static final class Part {
        final Path file;
        final Map<String, String> comments;
        final List<String> header;
        final ShardInfo shard;

        Part(Path file, Map<String, String> comments, List<String> header, ShardInfo shard) {
            this.file = file;
            this.comments = comments;
            this.header = header;
            this.shard = shard;
        }
    }

    /** Files and globs (in the file-name part) to files, in order, each once. */
    static List<Path> expand(List<String> args) {
        LinkedHashMap<Path, Path> files = new LinkedHashMap<>();
        for (String a : args) {
            Path p = Paths.get(a);
            if (Files.isDirectory(p)) {
                throw new InputException(p + ": is a folder; give its per-image tables, e.g. "
                        + p.resolve("images-*.csv"));
            }
            if (Files.exists(p)) {
                files.putIfAbsent(key(p), p);
                continue;
            }
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!(name.contains("*") || name.contains("?") || name.contains("["))) {
                throw new InputException(p + ": no such file");
            }
            Path dir = p.getParent() == null ? Paths.get(".") : p.getParent();
            List<Path> matched = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
                for (Path m : ds) {
                    if (Files.isRegularFile(m)) {
                        matched.add(p.getParent() == null ? m.getFileName() : m);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new InputException(a + ": cannot list " + dir + " (" + e.getMessage() + ")", e);
            }
            if (matched.isEmpty()) {
                throw new InputException(a + ": matches no file");
            }
            Collections.sort(matched);
            for (Path m : matched) {
                files.putIfAbsent(key(m), m);
            }
        }
        return new ArrayList<>(files.values());
    }

    private static Path key(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Reads the heads of the parts; per-slide tables are left out with a warning. */
    private static List<Part> readParts(List<Path> files, List<String> warnings) {
        List<Part> parts = new ArrayList<>();
        List<String> slideTables = new ArrayList<>();
        for (Path f : files) {
            try (CsvRecords r = new CsvRecords(f)) {
                List<String> h = r.header();
                if (!h.contains("image") && h.contains("slide") && h.contains("images")) {
                    slideTables.add(f.toString());
                    continue;
                }
                if (!h.contains("image") || !h.contains("status")) {
                    throw new InputException(f + ": not a per-image table of ihcq ihc or ihcq cells (no image and "
                            + "status columns)");
                }
                boolean cells = RowPool.isCells(h);
                List<String> missing = new ArrayList<>();
                for (String c : cells ? CellTables.COUNT_COLUMNS : IhcTables.COUNT_COLUMNS) {
                    if (!h.contains(c)) {
                        missing.add(c);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new InputException(f + ": has no per-image " + (cells ? "nucleus" : "pixel") + " counts ("
                            + String.join(", ", missing)
                            + "), so its slides cannot be pooled exactly; it was written by an older version ("
                            + r.comments().getOrDefault(VERSION, "unknown") + "): score it again with this one");
                }
                ShardInfo shard;
                try {
                    shard = ShardInfo.read(r.comments());
                } catch (IllegalArgumentException e) {
                    throw new InputException(f + ": " + e.getMessage());
                }
                parts.add(new Part(f, r.comments(), h, shard));
            } catch (IOException e) {
                throw new InputException(f + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        if (!slideTables.isEmpty()) {
            warnings.add("left out " + slideTables.size() + " per-slide table(s) (" + String.join(", ", slideTables)
                    + "): per-slide rows are recomputed from the per-image counts");
        }
        if (parts.isEmpty()) {
            throw new InputException("no per-image table among the files given (" + files.size() + " file(s))");
        }
        return parts;
    }

    private static void checkSameColumns(List<Part> parts) {
        Part first = parts.get(0);
        for (Part p : parts) {
            if (!p.header.equals(first.header)) {
                throw new InputException("the tables have different columns: " + first.file + " has "
                        + String.join(",", first.header) + " but " + p.file + " has " + String.join(",", p.header)
                        + "; merge only tables of one command and version");
            }
        }
    }

    private static boolean isRecord(String key) {
        for (String prefix : RECORD_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The settings lines shared by all parts, then the per-slide records of all parts; any
     * difference in a setting (or the version) is refused, as is a record with two values.
     */
    private static Map<String, String> checkSameSettings(List<Part> parts) {
        Part first = parts.get(0);
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : first.comments.entrySet()) {
            if (!RUN_KEYS.contains(e.getKey()) && !ShardInfo.isShardKey(e.getKey()) && !isRecord(e.getKey())) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        Map<String, String> records = new LinkedHashMap<>();
        Map<String, Path> recordSource = new HashMap<>();
        for (Part p : parts) {
            for (Map.Entry<String, String> e : p.comments.entrySet()) {
                if (!isRecord(e.getKey())) {
                    continue;
                }
                String before = records.putIfAbsent(e.getKey(), e.getValue());
                if (before == null) {
                    recordSource.put(e.getKey(), p.file);
                } else if (!before.equals(e.getValue())) {
                    throw new InputException(String.format(Locale.ROOT,
                            "%s is '%s' in %s but '%s' in %s: the same slide was calibrated differently in two "
                                    + "parts; merge only shards of one run", e.getKey(), before,
                            recordSource.get(e.getKey()), e.getValue(), p.file));
                }
            }
        }
        for (Part p : parts) {
            Set<String> keys = new LinkedHashSet<>(first.comments.keySet());
            keys.addAll(p.comments.keySet());
            for (String k : keys) {
                if ((RUN_KEYS.contains(k) && !k.equals(VERSION) && !k.equals("tool")) || ShardInfo.isShardKey(k)
                        || isRecord(k)) {
                    continue;
                }
                String a = first.comments.get(k);
                String b = p.comments.get(k);
                if (a == null ? b != null : !a.equals(b)) {
                    throw new InputException(String.format(Locale.ROOT,
                            "the tables were scored with different settings: %s is '%s' in %s but '%s' in %s; "
                                    + "merge only shards of one run (same settings, same version), or score again",
                            k, a == null ? "(not given)" : a, first.file, b == null ? "(not given)" : b, p.file));
                }
            }
        }
        settings.putAll(records);
        return settings;
    }

    // ---- shards ---------------------------------------------------------------------------------

    /** The parts in merge order, and which shards of the list are there. */
    static final class ShardPlan {
        final List<Part> ordered;
        final int count;
        final List<Integer> missing;
        final ShardInfo list;

        private ShardPlan(List<Part> ordered, int count, List<Integer> missing, ShardInfo list) {
            this.ordered = ordered;
            this.count = count;
            this.missing = missing;
            this.list = list;
        }

        static ShardPlan of(List<Part> parts, boolean partial, List<String> warnings) {
            List<Part> sharded = new ArrayList<>();
            List<Part> plain = new ArrayList<>();
            for (Part p : parts) {
                (p.shard == null ? plain : sharded).add(p);
            }
            if (sharded.isEmpty()) {
                return new ShardPlan(parts, 0, Collections.<Integer>emptyList(), null);
            }
            if (!plain.isEmpty()) {
                throw new InputException(sharded.get(0).file + " is a shard (" + sharded.get(0).shard.spec() + ") but "
                        + plain.get(0).file + " is not; merge the shards of one run on their own");
            }
            ShardInfo ref = sharded.get(0).shard;
            TreeMap<Integer, Part> byIndex = new TreeMap<>();
            for (Part p : sharded) {
                if (!p.shard.listKey().equals(ref.listKey())) {
                    throw new InputException(String.format(Locale.ROOT,
                            "the shards were cut from different input lists: %s is %s of a list of %d images "
                                    + "(fingerprint %s), %s is %s of a list of %d images (fingerprint %s); "
                                    + "the inputs changed between tasks or the tasks had different inputs or "
                                    + "shard counts: score all shards again",
                            sharded.get(0).file, ref.spec(), ref.listSize(), ref.fingerprint(), p.file, p.shard.spec(),
                            p.shard.listSize(), p.shard.fingerprint()));
                }
                Part earlier = byIndex.get(p.shard.spec().index());
                if (earlier == null) {
                    byIndex.put(p.shard.spec().index(), p);
                } else if (sameRows(earlier.file, p.file)) {
                    warnings.add("shard " + p.shard.spec() + " given twice (" + earlier.file + ", " + p.file
                            + ") with the same rows; used once");
                } else {
                    throw new InputException("shard " + p.shard.spec() + " is given twice with different rows ("
                            + earlier.file + ", " + p.file + "); keep the one you trust and merge again");
                }
            }
            int n = ref.spec().count();
            List<Integer> missing = new ArrayList<>();
            long missingImages = ref.listSize();
            for (int k = 1; k <= n; k++) {
                if (!byIndex.containsKey(k)) {
                    missing.add(k);
                } else {
                    missingImages -= byIndex.get(k).shard.images();
                }
            }
            if (!missing.isEmpty()) {
                String what = String.format(Locale.ROOT, "missing shards %s of %d: %d of %d images have no row (%s)",
                        join(missing), n, missingImages, ref.listSize(), gaps(missing, byIndex, n));
                if (!partial) {
                    throw new InputException(what + "; run those tasks again (e.g. sbatch --array=" + join(missing)
                            + " ...) and merge again, or merge what is there with --partial");
                }
                warnings.add(what + " (partial merge: the tables say so in a '# incomplete' line)");
            }
            return new ShardPlan(new ArrayList<>(byIndex.values()), n, missing, ref);
        }

        /**
         * Where the missing images are, from the ends of the shards around each run of missing
         * ones: "shards 3-4: after a.png and before b.png".
         */
        static String gaps(List<Integer> missing, TreeMap<Integer, Part> present, int n) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < missing.size()) {
                int from = missing.get(i);
                int to = from;
                while (i + 1 < missing.size() && missing.get(i + 1) == to + 1) {
                    to = missing.get(++i);
                }
                i++;
                String before = null;
                for (int k = from - 1; k >= 1 && before == null; k--) {
                    before = present.containsKey(k) ? present.get(k).shard.last() : null;
                }
                String after = null;
                for (int k = to + 1; k <= n && after == null; k++) {
                    after = present.containsKey(k) ? present.get(k).shard.first() : null;
                }
                String where = before == null && after == null ? "the whole list"
                        : before == null ? "the images before " + after
                        : after == null ? "the images after " + before
                        : "the images after " + before + " and before " + after;
                out.add((from == to ? "shard " + from : "shards " + from + "-" + to) + ": " + where);
            }
            return String.join("; ", out);
        }

        String describe() {
            if (count == 0) {
                return ordered.size() + " table(s)";
            }
            return String.format(Locale.ROOT, "%d of %d shards of a list of %d images (fingerprint %s)",
                    ordered.size(), count, list.listSize(), list.fingerprint());
        }

        static String join(List<Integer> ks) {
            StringBuilder sb = new StringBuilder();
            for (Integer k : ks) {
                sb.append(sb.length() == 0 ? "" : ",").append(k);
            }
            return sb.toString();
        }
    }

    /** True when two tables hold the same data rows (their '#' lines may differ). */
    static boolean sameRows(Path a, Path b) {
        try (CsvRecords ra = new CsvRecords(a); CsvRecords rb = new CsvRecords(b)) {
            if (!ra.header().equals(rb.header())) {
                return false;
            }
            while (true) {
                List<String> x = ra.next();
                List<String> y = rb.next();
                if (x == null || y == null) {
                    return x == y;
                }
                if (!x.equals(y)) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot compare " + a + " and " + b + " (" + e.getMessage() + ")", e);
        }
    }

    // ---- rows -----------------------------------------------------------------------------------

    /** Where an image name was first seen. */
    private static final class Seen {
        final String file;
        final long hash;

        Seen(String file, long hash) {
            this.file = file;
            this.hash = hash;
        }
    }

    /** Copies rows to the merged table, pools the ok ones per slide, notes repeated image names. */
    private static final class Streamer {
        final RowPool pool;
        final List<String> warnings;
        final boolean checkNames;
        /** Image name to the first table that had it and a 64-bit hash of that row. */
        final Map<String, Seen> seen = new HashMap<>();
        final List<String> duplicates = new ArrayList<>();
        final List<String> repeats = new ArrayList<>();
        /** The first error rows, for the report. */
        final List<String> failed = new ArrayList<>();
        final int image;
        final int slide;
        final int marker;
        final int status;
        final int width;
        long rows;
        long ok;

        Streamer(List<String> header, List<String> warnings, boolean checkNames, RowPool pool) {
            this.pool = pool;
            this.warnings = warnings;
            this.checkNames = checkNames;
            image = header.indexOf("image");
            slide = header.indexOf("slide");
            marker = header.indexOf("marker");
            status = header.indexOf("status");
            width = header.size();
        }

        void copy(Part p, Writer w) throws IOException {
            long n = 0;
            try (CsvRecords r = new CsvRecords(p.file)) {
                List<String> rec;
                while ((rec = r.next()) != null) {
                    n++;
                    if (rec.size() != width) {
                        throw new InputException(p.file + ": record " + n + " has " + rec.size()
                                + " fields, the header " + width);
                    }
                    if (checkNames) {
                        String name = rec.get(image);
                        long hash = hash(rec);
                        Seen before = seen.putIfAbsent(name, new Seen(p.file.toString(), hash));
                        if (before != null && !before.file.equals(p.file.toString())) {
                            String where = name + " (" + before.file + ", " + p.file + ")";
                            if (before.hash == hash) {
                                // the same image scored twice with the same result: counted once
                                repeats.add(where);
                                continue;
                            }
                            duplicates.add(where);
                        }
                    }
                    if ("ok".equals(rec.get(status).trim())) {
                        try {
                            pool.add(rec.get(slide), rec.get(marker), rec);
                        } catch (NumberFormatException e) {
                            throw new InputException(p.file + ": record " + n + " (" + rec.get(image)
                                    + ") has status ok but its counts are not numbers (" + e.getMessage() + ")");
                        }
                        ok++;
                    } else if (failed.size() < 10) {
                        failed.add(rec.get(image) + " (" + rec.get(status).trim() + ")");
                    }
                    writeRow(w, rec);
                    rows++;
                }
            }
            if (p.shard != null && n != p.shard.images()) {
                throw new InputException(p.file + ": shard " + p.shard.spec() + " should hold " + p.shard.images()
                        + " rows but holds " + n + "; score that shard again");
            }
        }

        void report() {
            if (rows > ok) {
                warnings.add((rows - ok) + " image(s) could not be scored (rows with an error status, kept): "
                        + String.join("; ", failed) + (rows - ok > failed.size() ? "; ..." : ""));
            }
            if (!repeats.isEmpty()) {
                warnings.add(repeats.size() + " image(s) appear in more than one table with identical rows (scored "
                        + "twice); each counted once: " + firstTen(repeats));
            }
            if (!duplicates.isEmpty()) {
                warnings.add(duplicates.size() + " image name(s) appear in more than one table with different rows "
                        + "(files of the same name in different folders, or scored twice with different settings "
                        + "or files); all rows kept: " + firstTen(duplicates));
            }
        }

        private static String firstTen(List<String> items) {
            List<String> shown = items.subList(0, Math.min(10, items.size()));
            return String.join("; ", shown) + (items.size() > shown.size() ? "; ..." : "");
        }

        /** FNV-1a, 64 bits, over the cells: equal rows, equal hashes; different rows collide at ~2^-64. */
        private static long hash(List<String> rec) {
            long h = 0xcbf29ce484222325L;
            for (String cell : rec) {
                for (int i = 0; i < cell.length(); i++) {
                    h = (h ^ cell.charAt(i)) * 0x100000001b3L;
                }
                h = (h ^ 0x1f) * 0x100000001b3L;
            }
            return h;
        }
    }

    private static void writeRow(Writer w, List<String> cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(CsvFormat.quote(cells.get(i)));
        }
        sb.append('\n');
        w.write(sb.toString());
    }
}
