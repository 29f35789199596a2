package org.ihcblotquant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadsTest {

    private static Map<String, String> env(String cpus) {
        Map<String, String> m = new HashMap<>();
        m.put(Threads.SLURM_CPUS, cpus);
        return m;
    }

    @Test
    void slurmCpusPerTaskWinsOverTheProcessorsJavaSees() {
        assertEquals(3, Threads.count(env("3"), 64), "a task given 3 CPUs of a 64-core node uses 3");
        assertEquals(1, Threads.count(env(" 1 "), 2));
        assertEquals(12, Threads.count(env("12"), 2), "more CPUs than Java sees: SLURM knows the allocation");
    }

    @Test
    void withoutAUsableValueAllProcessorsAreUsed() {
        assertEquals(8, Threads.count(Collections.<String, String>emptyMap(), 8));
        assertEquals(8, Threads.count(env("0"), 8));
        assertEquals(8, Threads.count(env("four"), 8));
        assertEquals(1, Threads.count(Collections.<String, String>emptyMap(), 0));
    }
}
