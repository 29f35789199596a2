package org.ihcblotquant.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Refuses output paths that would overwrite an input file. */
final class OutputGuard {

    private OutputGuard() {
    }

    static void checkNotInput(Path out, Collection<Path> inputs, String option) {
        for (Path in : inputs) {
            if (same(out, in)) {
                throw new UsageException(option + ": " + out + " is an input file; refusing to overwrite it");
            }
        }
    }

    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing normalised paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
