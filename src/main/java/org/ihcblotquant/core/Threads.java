package org.ihcblotquant.core;

import java.util.Map;

/**
 * How many threads the scoring may use: the CPUs SLURM gave the task ({@code SLURM_CPUS_PER_TASK},
 * set inside jobs submitted with {@code --cpus-per-task}), else the processors Java sees. Without
 * it a task on a shared cluster node would start a thread per core of the whole node (SLURM
 * without CPU binding does not hide the other cores), oversubscribing its neighbours' CPUs.
 */
public final class Threads {
    /** Set by SLURM in every task of a job submitted with {@code --cpus-per-task}. */
    public static final String SLURM_CPUS = "SLURM_CPUS_PER_TASK";
    /** The JDK property that sizes the common fork-join pool behind parallel streams. */
    static final String POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private Threads() {
    }

    /** Threads to use: SLURM's CPUs per task when set to a positive number, else all processors. */
    public static int count() {
        return count(System.getenv(), Runtime.getRuntime().availableProcessors());
    }

    static int count(Map<String, String> env, int processors) {
        String s = env.get(SLURM_CPUS);
        if (s != null) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: SLURM never sets that; fall back to the processors
            }
        }
        return Math.max(1, processors);
    }

    /**
     * Sizes the common fork-join pool (parallel streams) to {@link #count()} threads including the
     * caller, unless the user set the JDK property. Call once at start-up, before any parallel work
     * (the pool reads the property when it is first used).
     */
    public static void configureCommonPool() {
        if (System.getProperty(POOL_PARALLELISM) == null && System.getenv(SLURM_CPUS) != null) {
            // the thread that starts a parallel stream works too: n - 1 pool workers
            System.setProperty(POOL_PARALLELISM, String.valueOf(Math.max(1, count() - 1)));
        }
    }
}
