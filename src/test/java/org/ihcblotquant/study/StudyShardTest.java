package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.cli.CliRunner;
import org.ihcblotquant.cohort.ShardSpec;
import org.ihcblotquant.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq study --shard K/N}: the tasks of a job array score disjoint parts of the study's
 * images into the output folder's cache; the final run without a shard finds every image there
 * and writes the same tables as a single run (the oracle).
 */
class StudyShardTest {

    @Test
    void shardsScoreEachImageOnceAndTheFinalRunEqualsASingleRun(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        Path single = dir.resolve("single");
        StudyOutcome one = new StudyJob().run(new StudyRequest(study, single, false, 1), ProgressListener.NONE);
        assertEquals(12, one.images());

        Path out = dir.resolve("sharded");
        int scored = 0;
        for (int k = 1; k <= 3; k++) {
            StudyOutcome s = new StudyJob().run(new StudyRequest(study, out, true, 1, new ShardSpec(k, 3)),
                    ProgressListener.NONE);
            assertEquals(0, s.reused(), "no image of shard " + k + " was scored by another shard");
            assertTrue(s.images() > 0, "12 images of similar size: each of 3 shards gets some");
            scored += s.images();
        }
        assertEquals(12, scored, "the shards together score every image once");
        assertFalse(Files.exists(out.resolve("report.html")), "a shard writes only the cache");

        CliRunner r = CliRunner.run("study", study.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("12 images (12 reused, 0 not scored)"), r.out);
        for (String table : new String[] {"tables/images.csv", "tables/patients.csv", "tables/study.csv"}) {
            assertArrayEquals(Files.readAllBytes(single.resolve(table)), Files.readAllBytes(out.resolve(table)), table);
        }

        // the CLI's shard task and its checks
        r = CliRunner.run("study", study.toString(), "--out", dir.resolve("cli").toString(), "--shard", "2/2", "--quiet");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.startsWith("shard 2/2: ") && r.out.contains("run the study without --shard"), r.out);
        r = CliRunner.run("study", study.toString(), "--out", dir.resolve("cli").toString(), "--shard", "2/2", "--fresh");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("--fresh: "), r.err);
        r = CliRunner.run("study", study.toString(), "--shard", "3/2");
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("--shard: "), r.err);
    }
}
