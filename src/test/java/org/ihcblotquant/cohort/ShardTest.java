package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.job.FieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardTest {

    @Test
    void parsesKOfNAndNamesTheFieldWhenWrong() {
        ShardSpec s = ShardSpec.parse(" 3/16 ");
        assertEquals(3, s.index());
        assertEquals(16, s.count());
        assertEquals("3/16", s.toString());
        for (String bad : Arrays.asList("0/4", "5/4", "3", "a/b", "1/0", "/4", "2/", "-1/4")) {
            FieldException e = assertThrows(FieldException.class, () -> ShardSpec.parse(bad), bad);
            assertEquals("shard", e.field());
        }
        assertTrue(assertThrows(FieldException.class, () -> ShardSpec.parse("0/4")).problem().contains("1..4"));
    }

    /** Files of random sizes: every shard count covers the list once, in order, and balanced by size. */
    @Test
    void shardsCoverTheSortedListOnceInOrderBalancedBySize(@TempDir Path dir) throws IOException {
        Random rnd = new Random(14);
        long maxSize = 0;
        for (int i = 0; i < 120; i++) {
            int size = i == 7 ? 0 : 1 + rnd.nextInt(i % 10 == 0 ? 40_000 : 4_000);
            Path f = dir.resolve("slide" + (i / 12) + "/field" + (i % 12) + ".png");
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[size]);
            maxSize = Math.max(maxSize, Math.max(1, size));
        }
        List<Path> all = ImageFiles.expand(Arrays.asList(dir));
        long total = 0;
        for (Path p : all) {
            total += Math.max(1, Files.size(p));
        }
        for (int n : new int[] {1, 2, 3, 4, 7, 16, 130}) {
            List<Path> joined = new ArrayList<>();
            String fingerprint = null;
            for (int k = 1; k <= n; k++) {
                Shard s = Shard.select(Arrays.asList(dir), null, new ShardSpec(k, n), ShardWeight.FILE_SIZE);
                joined.addAll(s.files());
                assertEquals(all.size(), s.listSize());
                assertEquals(total, s.totalWeight());
                fingerprint = fingerprint == null ? s.fingerprint() : fingerprint;
                assertEquals(fingerprint, s.fingerprint(), "every task sees the same list");
                long w = 0;
                for (Path p : s.files()) {
                    w += Math.max(1, Files.size(p));
                }
                assertEquals(w, s.weight());
                // midpoint rule: a shard holds its 1/N of the weight, give or take one file at each end
                assertTrue(Math.abs(w - total / (double) n) <= maxSize + 1,
                        n + " shards, shard " + k + ": weight " + w + " vs " + total / (double) n);
            }
            assertEquals(all, joined, n + " shards laid end to end are the sorted list");
        }
    }

    @Test
    void fingerprintChangesWhenAFileChanges(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.png"), new byte[10]);
        Files.write(dir.resolve("b.png"), new byte[10]);
        String before = Shard.select(Arrays.asList(dir), null, new ShardSpec(1, 2), ShardWeight.FILE_SIZE).fingerprint();
        Files.write(dir.resolve("b.png"), new byte[11]);
        String after = Shard.select(Arrays.asList(dir), null, new ShardSpec(1, 2), ShardWeight.FILE_SIZE).fingerprint();
        assertTrue(!before.equals(after));
    }

    /** Slides whose fields lie together are cut as wholes; one slide apart from its others: cut between files. */
    @Test
    void slidesStayWholeWhenTheirFieldsLieTogether(@TempDir Path dir) throws IOException {
        Random rnd = new Random(9);
        long maxSlide = 0;
        for (int sl = 0; sl < 12; sl++) {
            long w = 0;
            for (int f = 0; f < 1 + sl % 5; f++) {
                int size = 1 + rnd.nextInt(5000);
                Files.write(dir.resolve("S" + (10 + sl) + "_f" + f + ".png"), new byte[size]);
                w += size;
            }
            maxSlide = Math.max(maxSlide, w);
        }
        java.util.function.Function<Path, String> slideOf = p -> p.getFileName().toString().substring(0, 3);
        List<Path> all = ImageFiles.expand(Arrays.asList(dir));
        for (int n : new int[] {1, 3, 5, 12, 20}) {
            List<Path> joined = new ArrayList<>();
            java.util.Map<String, Integer> shardOfSlide = new java.util.HashMap<>();
            long total = 0;
            for (int k = 1; k <= n; k++) {
                Shard s = Shard.select(Arrays.asList(dir), null, new ShardSpec(k, n), ShardWeight.FILE_SIZE, slideOf);
                assertEquals(Boolean.TRUE, s.bySlide());
                joined.addAll(s.files());
                total = s.totalWeight();
                for (Path p : s.files()) {
                    Integer before = shardOfSlide.put(slideOf.apply(p), k);
                    assertTrue(before == null || before == k, "slide " + slideOf.apply(p) + " split over shards");
                }
                assertTrue(Math.abs(s.weight() - total / (double) n) <= maxSlide, n + " shards, shard " + k);
            }
            assertEquals(all, joined, n + " shards laid end to end are the sorted list");
        }
        // a field of slide S10 in a folder sorted after all the others: slides no longer lie together
        Files.createDirectories(dir.resolve("zz"));
        Files.write(dir.resolve("zz/S10_f9.png"), new byte[10]);
        List<Path> joined = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Shard s = Shard.select(Arrays.asList(dir), null, new ShardSpec(k, 3), ShardWeight.FILE_SIZE, slideOf);
            assertEquals(Boolean.FALSE, s.bySlide());
            joined.addAll(s.files());
        }
        assertEquals(ImageFiles.expand(Arrays.asList(dir)), joined);
    }

    /** Slides weigh their full-resolution pixels (vipsheader: 1445x1445 and 2202x2202), other images their size. */
    @Test
    void slidesWeighTheirPixelsOtherImagesTheirSize(@TempDir Path dir) throws IOException {
        Path vsi = org.ihcblotquant.testutil.SharedData.testImage("ihc/openslide_OS-2-vsi_Ki67.ome.tif");
        Path ndpi = org.ihcblotquant.testutil.SharedData.testImage("ihc/openslide_OS-2-ndpi_Ki67.ome.tif");
        assertEquals(1445L * 1445, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE.of(vsi));
        assertEquals(2202L * 2202, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE.of(ndpi));
        Path png = dir.resolve("field.png");
        Files.write(png, new byte[1234]);
        assertEquals(1234, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE.of(png));
        Path notSlide = dir.resolve("broken.tif");
        Files.write(notSlide, new byte[77]);
        assertEquals(77, ShardWeight.SLIDE_PIXELS_ELSE_FILE_SIZE.of(notSlide), "not a slide: its size");
    }
}
