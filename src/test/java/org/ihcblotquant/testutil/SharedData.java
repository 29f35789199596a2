package org.ihcblotquant.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates ../shared (test images, statistics references) beside the checkout. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String p = System.getProperty("ihcq.shared");
        Path root = p != null ? Paths.get(p) : Paths.get("..", "shared");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared material not found at " + root.toAbsolutePath()
                    + " (expected ../shared beside the checkout)");
        }
        return root;
    }

    public static Path testImage(String relative) {
        Path f = root().resolve("test-images").resolve(relative);
        if (!Files.exists(f)) {
            throw new IllegalStateException("missing shared test image " + f);
        }
        return f;
    }
}
