package org.ihcblotquant.cohort;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Locale;

/**
 * Run in a JVM of its own with a small heap: lists and shards a folder tree the way a task of a
 * job array does, and prints {@code files=<shard files> list=<list size> ms=<time> heapMB=<peak>}.
 * Arguments: FOLDER K/N.
 */
public final class ShardListingProbe {

    private ShardListingProbe() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Shard s = Shard.select(Collections.singletonList(Paths.get(args[0])), null, ShardSpec.parse(args[1]),
                ShardWeight.FILE_SIZE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "files=%d list=%d ms=%d heapMB=%.1f%n", s.files().size(), s.listSize(), ms,
                peak / 1048576.0);
    }
}
