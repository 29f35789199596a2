package org.ihcblotquant.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.ihcblotquant.cells.SyntheticNuclei;
import org.ihcblotquant.cli.CliRunnerAccess;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort recipe on a real SLURM: {@code src/test/slurm/slurm-cluster} starts a one-node cluster
 * of our own (munged, slurmctld, slurmd; needs root and Debian's slurm-wlm and munge, which
 * {@code run-tests} installs from {@code .ci/debian-packages}); {@code examples/slurm/score-cohort.sbatch}
 * submits a 4-task array over the synthetic fields of 8 slides and the dependent merge. One task
 * fails on purpose (a node lost, say): the merge refuses and names it, {@code --resume} submits just
 * that shard, and the merged tables then equal one {@code ihcq ihc} run over the same folder.
 * Skipped, with the reason, where SLURM cannot be started; the daemons started are always stopped.
 */
class SlurmCohortTest {
    private static final Path PROJECT = Paths.get("").toAbsolutePath();
    private static final Path CLUSTER_SCRIPT = PROJECT.resolve("src/test/slurm/slurm-cluster");
    private static final Path SBATCH = PROJECT.resolve("examples/slurm/score-cohort.sbatch");

    @TempDir
    static Path dir;
    static Path cluster;
    static Process daemons;
    static String slurmConf;
    static Thread stopOnExit;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "SLURM test needs Linux");
        cluster = Files.createTempDirectory("ihcq-slurm-");
        // 'run' keeps the daemons as its children until we close its input: they cannot outlive us
        ProcessBuilder pb = new ProcessBuilder(CLUSTER_SCRIPT.toString(), "run", cluster.toString());
        pb.environment().put("PATH", System.getenv("PATH") + ":/usr/sbin:/sbin");
        Path err = cluster.resolve("run.err");
        pb.redirectError(err.toFile());
        daemons = pb.start();
        stopOnExit = new Thread(SlurmCohortTest::stopQuietly);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        BufferedReader r = new BufferedReader(new InputStreamReader(daemons.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.startsWith("SLURM_CONF=")) {
            // the script prints nothing else on its output
        }
        if (line == null) {
            int code = daemons.waitFor();
            String why = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).trim();
            stopCluster();
            Assumptions.abort(code == 3 ? "SLURM cannot be started here: " + why
                    : "SLURM did not start (exit " + code + "): " + why);
        }
        slurmConf = line.substring("SLURM_CONF=".length());
    }

    @AfterAll
    static void stopCluster() {
        if (stopOnExit != null) {
            stopQuietly();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            stopOnExit = null;
        }
    }

    /** Cancels the jobs left in our cluster, then has the script stop and reap its three daemons. */
    private static synchronized void stopQuietly() {
        if (daemons == null) {
            return;
        }
        try {
            if (slurmConf != null) {
                run(Arrays.asList("scancel", "--full", "--user=root"), null, 30);
                waitForEmptyQueue(20);
            }
        } catch (Exception | AssertionError e) {
            // stop the daemons anyway
        }
        try {
            daemons.getOutputStream().close();
            if (!daemons.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("SlurmCohortTest: the test cluster did not stop within 60 s; terminating it");
                daemons.destroy();
                daemons.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("SlurmCohortTest: could not stop the test cluster in " + cluster + ": " + e);
        }
        daemons = null;
        slurmConf = null;
        deleteTree(cluster);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    @Test
    void jobArrayAndMergeEqualOneRunAndAFailedTaskIsResubmittedAlone() throws Exception {
        Path cohort = CohortFixture.write(dir);
        Path single = dir.resolve("single/images.csv");
        Files.createDirectories(single.getParent());
        CliRunnerAccess.Result one = CliRunnerAccess.run("ihc", "--slide-pattern", CohortFixture.SLIDE_PATTERN,
                "--quiet", "--out", single.toString(), cohort.toString());
        assertEquals(0, one.code, one.text);

        // ihcq as the tasks run it: this build's classes in a JVM of their own. Shard 3 fails the
        // first time, as a task does when its node goes down.
        Path failOnce = dir.resolve("fail-shard-3-once");
        Files.write(failOnce, new byte[0]);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path ihcq = dir.resolve("ihcq");
        Files.write(ihcq, ("#!/bin/sh\n"
                + "if [ \"${SLURM_ARRAY_TASK_ID:-}\" = 3 ] && rm '" + failOnce + "' 2>/dev/null; then\n"
                + "  echo 'simulated failure of shard 3' >&2; exit 1\nfi\n"
                + "echo \"threads: SLURM_CPUS_PER_TASK=${SLURM_CPUS_PER_TASK:-unset}\" >&2\n"
                + "exec '" + java + "' $JAVA_OPTS -Djava.awt.headless=true -cp '" + System.getProperty("java.class.path")
                + "' org.ihcblotquant.cli.Main \"$@\"\n").getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(ihcq, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path out = dir.resolve("results");
        List<String> submit = new ArrayList<>(Arrays.asList(SBATCH.toString(), "--shards", "4", "--out",
                out.toString(), "--cpus", "1", "--mem", "700M", "--time", "00:10:00", "--max-running", "2", "--ihcq", ihcq.toString(),
                cohort.toString(), "--", "--slide-pattern", CohortFixture.SLIDE_PATTERN));
        Proc first = run(submit, null, 120);
        assertEquals(0, first.code, first.out + first.err);
        assertTrue(first.out.contains("shards 1-4 of 4"), first.out);
        waitForEmptyQueue(240);

        Path merged = out.resolve("images.csv");
        assertFalse(Files.exists(merged), "the merge refuses while shard 3 is missing");
        String mergeLog = logs(out, "merge-");
        assertTrue(mergeLog.contains("missing shards 3 of 4") && mergeLog.contains("--array=3"), mergeLog);
        String taskLogs = logs(out, "score-");
        assertTrue(taskLogs.contains("simulated failure of shard 3"), taskLogs);
        assertTrue(taskLogs.contains("threads: SLURM_CPUS_PER_TASK=1"), "--cpus reaches the tasks: " + taskLogs);

        List<String> resume = new ArrayList<>(submit);
        resume.add(1, "--resume");
        Proc second = run(resume, null, 120);
        assertEquals(0, second.code, second.out + second.err);
        assertTrue(second.out.contains("shards 3 of 4"), "only the missing shard is submitted: " + second.out);
        waitForEmptyQueue(240);

        assertTrue(Files.exists(merged), "merged after the resume: " + logs(out, "merge-"));
        for (int k = 1; k <= 4; k++) {
            assertTrue(Files.exists(out.resolve(String.format("shards/images-%04d-of-0004.csv", k))), "shard " + k);
        }
        CohortFixture.assertSameTable(single, merged, 1e-9);
        CohortFixture.assertSameTable(single.resolveSibling("slides.csv"), out.resolve("slides.csv"), 1e-9);
    }

    @Test
    void cellsJobArrayMergesToOneRunWithPerCellTablesPerShard() throws Exception {
        Path cohort = Files.createDirectories(dir.resolve("cells-cohort"));
        long seed = 900;
        for (int s = 1; s <= 3; s++) {
            for (int f = 1; f <= 2; f++) {
                double pos = 0.1 + 0.15 * s;
                SyntheticNuclei.Field fld = new SyntheticNuclei().size(240, 200)
                        .classWeights(1 - pos, pos * 0.4, pos * 0.35, pos * 0.25).seed(seed++).generate();
                ImageIO.write(fld.image.getBufferedImage(), "png", cohort.resolve("S" + s + "_F" + f + ".png").toFile());
            }
        }
        String pattern = "^(S\\d+)_";
        Path single = dir.resolve("cells-single/images.csv");
        Files.createDirectories(single.getParent());
        Path singleCells = single.resolveSibling("cells.csv");
        CliRunnerAccess.Result one = CliRunnerAccess.run("cells", "--slide-pattern", pattern, "--quiet", "--out",
                single.toString(), "--slides", single.resolveSibling("slides.csv").toString(), "--cells-out",
                singleCells.toString(), cohort.toString());
        assertEquals(0, one.code, one.text);

        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path ihcq = dir.resolve("ihcq-cells");
        Files.write(ihcq, ("#!/bin/sh\nexec '" + java + "' $JAVA_OPTS -Djava.awt.headless=true -cp '"
                + System.getProperty("java.class.path") + "' org.ihcblotquant.cli.Main \"$@\"\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(ihcq, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("cells-results");
        Proc submitted = run(Arrays.asList(SBATCH.toString(), "--command", "cells", "--per-cell", "--shards", "2",
                "--out", out.toString(), "--cpus", "1", "--mem", "700M", "--time", "00:10:00", "--ihcq",
                ihcq.toString(), cohort.toString(), "--", "--slide-pattern", pattern), null, 120);
        assertEquals(0, submitted.code, submitted.out + submitted.err);
        waitForEmptyQueue(240);

        Path merged = out.resolve("images.csv");
        assertTrue(Files.exists(merged), "merged: " + logs(out, "merge-") + logs(out, "score-"));
        CohortFixture.assertSameTable(single, merged, 1e-9);
        CohortFixture.assertSameTable(single.resolveSibling("slides.csv"), out.resolve("slides.csv"), 1e-9);
        // the per-cell tables of the two shards hold every cell of the single run, once
        List<String> shardRows = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            CsvTable t = CsvTable.read(out.resolve(String.format("shards/cells-%04d-of-0002.csv", k)));
            for (int i = 0; i < t.rowCount(); i++) {
                shardRows.add(String.join(",", t.row(i)));
            }
        }
        CsvTable all = CsvTable.read(singleCells);
        List<String> singleRows = new ArrayList<>();
        for (int i = 0; i < all.rowCount(); i++) {
            singleRows.add(String.join(",", all.row(i)));
        }
        Collections.sort(shardRows);
        Collections.sort(singleRows);
        assertTrue(singleRows.size() > 100, "cells found: " + singleRows.size());
        assertEquals(singleRows, shardRows);
    }

    /** All logs of one kind, concatenated (for messages and checks). */
    private static String logs(Path out, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("logs"))) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                    .collect(Collectors.toList());
            StringBuilder sb = new StringBuilder();
            for (Path p : files) {
                sb.append("== ").append(p.getFileName()).append('\n')
                        .append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
            return sb.toString();
        }
    }

    private static void waitForEmptyQueue(int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Proc q = run(Arrays.asList("squeue", "-h", "-o", "%i %T %r"), null, 30);
            if (q.code == 0 && q.out.trim().isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        }
        Proc q = run(Arrays.asList("squeue", "-o", "%i %j %T %r"), null, 30);
        fail("SLURM jobs still queued after " + seconds + " s:\n" + q.out + q.err);
    }

    /** Exit code and output of a program run with our cluster's SLURM_CONF. */
    private static final class Proc {
        final int code;
        final String out;
        final String err;

        Proc(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Proc run(List<String> cmd, Path workDir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        if (slurmConf != null) {
            pb.environment().put("SLURM_CONF", slurmConf);
        }
        pb.environment().put("PATH", System.getenv("PATH") + ":/usr/sbin:/sbin");
        Path o = Files.createTempFile("ihcq-proc", ".out");
        Path e = Files.createTempFile("ihcq-proc", ".err");
        try {
            pb.redirectOutput(o.toFile()).redirectError(e.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd + " did not finish within " + timeoutSeconds + " s");
            }
            return new Proc(p.exitValue(), new String(Files.readAllBytes(o), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(e), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }
}
