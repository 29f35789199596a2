package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq ihc --shard K/N} and {@code ihcq merge} against one {@code ihcq ihc} run over the same
 * folder: the oracle is the single run (per-slide numbers pooled from all fields at once).
 */
class MergeTest {
    @TempDir
    static Path dir;
    static Path cohort;
    static Path single;
    static Path singleSlides;

    @BeforeAll
    static void scoreOnce() throws IOException {
        cohort = CohortFixture.write(dir);
        single = dir.resolve("single/images.csv");
        singleSlides = dir.resolve("single/slides.csv");
        for (String d : new String[] {"single", "four/merged", "thirty", "gaps", "mixed", "lists", "lists3", "bad"}) {
            Files.createDirectories(dir.resolve(d));
        }
        CliRunnerAccess.Result r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--quiet",
                "--out", single.toString(), cohort.toString());
        assertEquals(0, r.code, r.text);
    }

    private static Path shard(String out, int k, int n, String... extra) {
        Path f = dir.resolve(out + "/images-" + k + "-of-" + n + ".csv");
        List<String> args = new ArrayList<>();
        args.add("ihc");
        args.add("--slide-pattern");
        args.add(CohortFixture.SLIDE_PATTERN);
        args.add("--quiet");
        args.add("--shard");
        args.add(k + "/" + n);
        args.add("--out");
        args.add(f.toString());
        args.add("--slides");
        args.add(dir.resolve(out + "/slides-" + k + "-of-" + n + ".csv").toString());
        for (String e : extra) {
            args.add(e);
        }
        args.add(cohort.toString());
        CliRunnerAccess.Result r = CliRunnerAccess.run(args.toArray(new String[0]));
        assertEquals(0, r.code, r.text);
        return f;
    }

    private static String lineValue(Path p, String key) throws IOException {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.startsWith("# " + key + ": ")) {
                return line.substring(key.length() + 4);
            }
        }
        throw new AssertionError("no '# " + key + "' line in " + p);
    }

    private static String text(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** Rows without the '#' lines. */
    private static String rows(Path p) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void fourShardsMergeToTheSingleRunExactly() throws IOException {
        Set<String> slidesSeenInShards = new HashSet<>();
        int splitSlides = 0;
        for (int k = 1; k <= 4; k++) {
            Path f = shard("four", k, 4);
            CsvTable t = CsvTable.read(f);
            Set<String> here = new HashSet<>();
            for (int i = 0; i < t.rowCount(); i++) {
                here.add(t.get(i, t.column("slide")));
            }
            for (String s : here) {
                if (!slidesSeenInShards.add(s)) {
                    splitSlides++;
                }
            }
            assertTrue(text(f).contains("# shard: " + k + "/4\n"), "shard line in " + f);
            assertTrue(text(f).contains("# shard_cut: between slides"), "cut line in " + f);
        }
        assertEquals(0, splitSlides, "the fixture's slides lie together in the list: each in one shard");
        Path merged = dir.resolve("four/merged/images.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(),
                dir.resolve("four").toString() + "/images-*.csv");
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("merged 4 of 4 shards: " + CohortFixture.IMAGES + " images"), r.text);
        assertTrue(r.text.contains("1 image(s) could not be scored") && r.text.contains("S5_broken.png (error: "),
                r.text);
        // per-image rows are copied: identical text; per-slide rows pooled from the counts: equal
        assertEquals(rows(single), rows(merged));
        CohortFixture.assertSameTable(singleSlides, merged.resolveSibling("slides.csv"), 1e-9);
        assertEquals(rows(singleSlides), rows(merged.resolveSibling("slides.csv")), "even bit for bit");
        String head = text(merged);
        assertTrue(head.contains("# thresholds: weak >= 0.2"), "settings lines kept");
        assertTrue(head.contains("# merged: 4 of 4 shards of a list of " + CohortFixture.IMAGES + " images"), head);
        assertFalse(head.contains("# shard:"), "shard lines are not settings of the merge");
    }

    @Test
    void moreShardsThanImagesLeavesEmptyShardsThatStillMerge() throws IOException {
        int n = 30;
        for (int k = 1; k <= n; k++) {
            shard("thirty", k, n);
        }
        Path merged = dir.resolve("thirty/merged.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides",
                dir.resolve("thirty/merged-slides.csv").toString(), dir.resolve("thirty").toString() + "/images-*.csv");
        assertEquals(0, r.code, r.text);
        assertEquals(rows(single), rows(merged));
        assertEquals(rows(singleSlides), rows(dir.resolve("thirty/merged-slides.csv")));
    }

    @Test
    void missingShardsAreNamedAndOnlyAPartialMergeWritesThem() throws IOException {
        List<Path> parts = new ArrayList<>();
        for (int k : new int[] {1, 3}) {
            parts.add(shard("gaps", k, 4));
        }
        Path merged = dir.resolve("gaps/merged.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), parts.get(0).toString(),
                parts.get(1).toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("missing shards 2,4 of 4") && r.text.contains("--array=2,4"), r.text);
        // which images: the ends of the shards around each gap, read from their '# shard_first/last' lines
        String last1 = lineValue(parts.get(0), "shard_last");
        String first3 = lineValue(parts.get(1), "shard_first");
        String last3 = lineValue(parts.get(1), "shard_last");
        assertTrue(r.text.contains("shard 2: the images after " + last1 + " and before " + first3), r.text);
        assertTrue(r.text.contains("shard 4: the images after " + last3 + ")"), r.text);
        assertFalse(Files.exists(merged), "a refused merge writes nothing");
        r = CliRunnerAccess.run("merge", "--partial", "--out", merged.toString(), parts.get(0).toString(),
                parts.get(1).toString());
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("warning: missing shards 2,4 of 4"), r.text);
        assertTrue(text(merged).contains("# incomplete: no table for shards 2,4 of 4"), text(merged));
        assertTrue(text(merged.resolveSibling("slides.csv")).contains("# incomplete:"));
    }

    @Test
    void mixedSettingsAreRefusedNamingTheSettingAndFiles() throws IOException {
        Path a = shard("mixed", 1, 2);
        Path b = shard("mixed", 2, 2, "--thresholds", "0.15,0.4,0.6");
        Path merged = dir.resolve("mixed/merged.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(), b.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("different settings: thresholds is 'weak >= 0.2"), r.text);
        assertTrue(r.text.contains(a.toString()) && r.text.contains(b.toString()), r.text);
        assertFalse(Files.exists(merged));
        // a different version is a different setting too
        Path old = dir.resolve("mixed/old-version.csv");
        Files.write(old, text(b).replace("--thresholds 0.15,0.4,0.6 ", "")
                .replace("weak >= 0.15,", "weak >= 0.2,").replaceFirst("# version: [^\n]*", "# version: 0.0.1")
                .getBytes(StandardCharsets.UTF_8));
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(), old.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("version is '") && r.text.contains("'0.0.1'"), r.text);
    }

    @Test
    void shardsOfDifferentListsOrGivenTwiceAreCaught() throws IOException {
        Path a = shard("lists", 1, 2);
        Path b2 = shard("lists", 2, 2);
        Path merged = dir.resolve("lists/merged.csv");
        // the same shard twice with the same rows (e.g. a re-run written under another name): used once
        Path copy = dir.resolve("lists/images-2-of-2-rerun.csv");
        Files.copy(b2, copy);
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(),
                b2.toString(), copy.toString());
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("shard 2/2 given twice") && r.text.contains("used once"), r.text);
        assertEquals(rows(single), rows(merged));
        // ... with different rows: refused
        Files.write(copy, text(b2).replace(",ok,", ",error: edited,").getBytes(StandardCharsets.UTF_8));
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(), b2.toString(), copy.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("shard 2/2 is given twice with different rows"), r.text);
        // a shard of 3 and shards of 2 were cut from different lists
        Path c = shard("lists3", 3, 3);
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(), c.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("cut from different input lists"), r.text);
    }

    @Test
    void tablesWithoutCountsAndBadPartsAreRefused() throws IOException {
        Path a = shard("bad", 1, 1);
        Path merged = dir.resolve("bad/merged.csv");
        String[] lines = text(a).split("\n");
        StringBuilder cut = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith("#")) {
                cut.append(l).append('\n');
            } else {
                // an older table: the columns up to notes
                int k = 0;
                int quotes = 0;
                int commas = 0;
                while (k < l.length() && commas < 23) {
                    char ch = l.charAt(k);
                    quotes += ch == '"' ? 1 : 0;
                    if (ch == ',' && quotes % 2 == 0) {
                        commas++;
                    }
                    k++;
                }
                cut.append(commas < 23 ? l : l.substring(0, k - 1)).append('\n');
            }
        }
        Path old = dir.resolve("bad/old.csv");
        Files.write(old, cut.toString().getBytes(StandardCharsets.UTF_8));
        CliRunnerAccess.Result r = CliRunnerAccess.run("merge", "--out", merged.toString(), old.toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("no per-image pixel counts"), r.text);
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), dir.resolve("bad/nothing-*.csv").toString());
        assertEquals(1, r.code, r.text);
        assertTrue(r.text.contains("matches no file"), r.text);
        r = CliRunnerAccess.run("merge", "--out", a.toString(), a.toString());
        assertEquals(2, r.code, r.text);
        assertTrue(r.text.contains("--out: ") && r.text.contains("is an input file"), r.text);
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides", merged.toString(), a.toString());
        assertEquals(2, r.code, r.text);
        assertTrue(r.text.contains("--slides: "), r.text);
        // per-slide tables among the parts are left out, with a word
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), dir.resolve("bad").toString() + "/*-1-of-1.csv");
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("left out 1 per-slide table"), r.text);
        assertEquals(rows(single), rows(merged));
    }

    /** Tables of separate runs (no shard lines): an image scored in both counts once, with a warning. */
    @Test
    void separateRunsMergeAndAnImageScoredTwiceCountsOnce() throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        Path a = dir.resolve("plain/a.csv");
        Path b = dir.resolve("plain/b.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--quiet",
                "--out", a.toString(), "--slides", dir.resolve("plain/a-slides.csv").toString(),
                cohort.resolve("slide3").toString());
        assertEquals(0, r.code, r.text);
        r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--quiet", "--out", b.toString(),
                "--slides", dir.resolve("plain/b-slides.csv").toString(), cohort.resolve("slide3/S3_f1.png").toString(),
                cohort.resolve("slide6").toString());
        assertEquals(0, r.code, r.text);
        Path merged = dir.resolve("plain/merged.csv");
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), a.toString(), b.toString());
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("1 image(s) appear in more than one table with identical rows")
                && r.text.contains("S3_f1.png"), r.text);
        CsvTable m = CsvTable.read(merged.resolveSibling("slides.csv"));
        CsvTable one = CsvTable.read(singleSlides);
        assertEquals(2, m.rowCount());
        for (int i = 0; i < m.rowCount(); i++) {
            int j = 0;
            while (!one.get(j, 0).equals(m.get(i, 0))) {
                j++;
            }
            assertEquals(one.row(j), m.row(i), "slide " + m.get(i, 0) + " as in the single run");
        }
    }

    /**
     * A field of S1 kept apart (in a folder sorted after the others): the list is cut between files,
     * slides land in two shards, and the merge still pools them to the single run's numbers.
     */
    @Test
    void slidesSplitOverShardsArePooledExactly() throws IOException {
        Path in = dir.resolve("apart/in");
        Files.createDirectories(in.resolve("zz"));
        try (java.util.stream.Stream<Path> s = Files.list(cohort)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, in.resolve(p.getFileName()));
                }
            }
        }
        Files.copy(cohort.resolve("slide3/S3_f1.png"), in.resolve("zz/S1_f9.png"));
        Path one = dir.resolve("apart/single.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--quiet",
                "--out", one.toString(), "--slides", dir.resolve("apart/single-slides.csv").toString(), in.toString());
        assertEquals(0, r.code, r.text);
        Set<String> seen = new HashSet<>();
        int split = 0;
        for (int k = 1; k <= 4; k++) {
            Path f = dir.resolve("apart/images-" + k + ".csv");
            r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--quiet", "--shard",
                    k + "/4", "--out", f.toString(), "--slides", dir.resolve("apart/slides-" + k + ".csv").toString(),
                    in.toString());
            assertEquals(0, r.code, r.text);
            assertTrue(text(f).contains("# shard_cut: between files"), text(f));
            CsvTable t = CsvTable.read(f);
            Set<String> here = new HashSet<>();
            for (int i = 0; i < t.rowCount(); i++) {
                here.add(t.get(i, t.column("slide")));
            }
            for (String sl : here) {
                split += seen.add(sl) ? 0 : 1;
            }
        }
        assertTrue(split >= 1, "some slide has fields in two shards");
        Path merged = dir.resolve("apart/merged.csv");
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides",
                dir.resolve("apart/merged-slides.csv").toString(), dir.resolve("apart").toString() + "/images-?.csv");
        assertEquals(0, r.code, r.text);
        assertEquals(rows(one), rows(merged));
        CohortFixture.assertSameTable(dir.resolve("apart/single-slides.csv"), dir.resolve("apart/merged-slides.csv"),
                1e-9);
        assertEquals(rows(dir.resolve("apart/single-slides.csv")), rows(dir.resolve("apart/merged-slides.csv")));
        // a background per slide cannot be right when a slide's fields are in two shards: refused
        r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN, "--background", "slide", "--shard",
                "1/4", "--out", dir.resolve("apart/bg.csv").toString(), in.toString());
        assertEquals(2, r.code, r.text);
        assertTrue(r.text.contains("--shard: a per-slide background"), r.text);
    }

    /** One background per slide (glass pooled over its fields): whole slides per shard keep it exact. */
    @Test
    void perSlideBackgroundShardsMergeToTheSingleRun() throws IOException {
        Files.createDirectories(dir.resolve("bgslide"));
        Path one = dir.resolve("bgslide/single.csv");
        CliRunnerAccess.Result r = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN,
                "--background", "slide", "--quiet", "--out", one.toString(), "--slides",
                dir.resolve("bgslide/single-slides.csv").toString(), cohort.toString());
        assertEquals(0, r.code, r.text);
        for (int k = 1; k <= 3; k++) {
            shard("bgslide", k, 3, "--background", "slide");
        }
        Path merged = dir.resolve("bgslide/merged.csv");
        r = CliRunnerAccess.run("merge", "--out", merged.toString(), "--slides",
                dir.resolve("bgslide/merged-slides.csv").toString(), dir.resolve("bgslide").toString() + "/images-*.csv");
        assertEquals(0, r.code, r.text);
        assertEquals(rows(one), rows(merged));
        assertEquals(rows(dir.resolve("bgslide/single-slides.csv")), rows(dir.resolve("bgslide/merged-slides.csv")));
        // a batch-wide stain estimate differs per shard: refused
        r = CliRunnerAccess.run("ihc", "--stain-estimate", "batch", "--shard", "1/3", "--out",
                dir.resolve("bgslide/x.csv").toString(), cohort.toString());
        assertEquals(2, r.code, r.text);
        assertTrue(r.text.contains("--shard: stain vectors estimated once for the batch"), r.text);
    }
}
