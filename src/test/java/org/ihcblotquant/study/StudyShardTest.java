package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.cohort.CohortFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ihcq study --shard K/N}: the shards together score every image of the study once into
 * the shared output folder's cache, write no tables; the run of the whole study afterwards
 * reuses every score and writes the same tables as a single run.
 */
class StudyShardTest {

    @Test
    void threeShardsThenTheStudyEqualASingleRun(@TempDir Path dir) throws IOException {
        Path study = SmallStudy.write(dir, "0.15");
        Path single = dir.resolve("single");
        CliRunnerAccess.Result r = CliRunnerAccess.run("study", "--quiet", "--out", single.toString(),
                study.toString());
        assertEquals(0, r.code, r.text);

        Path sharded = dir.resolve("sharded");
        Pattern line = Pattern.compile("shard (\\d)/3: (\\d+) images \\((\\d+) reused, (\\d+) not scored\\)");
        int images = 0;
        for (int k = 1; k <= 3; k++) {
            r = CliRunnerAccess.run("study", "--quiet", "--shard", k + "/3", "--out", sharded.toString(),
                    study.toString());
            assertEquals(0, r.code, r.text);
            Matcher m = line.matcher(r.text);
            assertTrue(m.find(), r.text);
            assertEquals(0, Integer.parseInt(m.group(3)), "no shard finds another's images in the cache");
            images += Integer.parseInt(m.group(2));
        }
        assertEquals(12, images, "every image of the two markers in exactly one shard");
        assertFalse(Files.exists(sharded.resolve("report.html")), "a shard writes no report");
        assertFalse(Files.exists(sharded.resolve("tables")), "a shard writes no tables");

        r = CliRunnerAccess.run("study", "--quiet", "--out", sharded.toString(), study.toString());
        assertEquals(0, r.code, r.text);
        assertTrue(r.text.contains("12 images (12 reused, 0 not scored)"), r.text);
        int tables = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(single.resolve("tables"), "*.csv")) {
            for (Path t : ds) {
                CohortFixture.assertSameTable(t, sharded.resolve("tables").resolve(t.getFileName()), 1e-9);
                tables++;
            }
        }
        assertTrue(tables >= 3, "images, patients and study tables compared: " + tables);

        r = CliRunnerAccess.run("study", "--quiet", "--fresh", "--shard", "1/3", "--out", sharded.toString(),
                study.toString());
        assertEquals(2, r.code, r.text);
        assertTrue(r.text.contains("--shard: "), r.text);
    }
}
