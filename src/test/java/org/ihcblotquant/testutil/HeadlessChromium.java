package org.ihcblotquant.testutil;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens a page in Debian's {@code chromium} without a display (listed in .ci/debian-packages):
 * a fresh profile each time, no network services, console messages logged to standard error
 * (lines with {@code CONSOLE}), and either the DOM after load ({@code --dump-dom}) or a screenshot.
 */
public final class HeadlessChromium {

    /** What the browser printed. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** The page's console messages (errors, CSP violations, failed loads). */
        public List<String> consoleLines() {
            return Arrays.stream(stderr.split("\n")).filter(l -> l.contains("CONSOLE")).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout (" + stdout.length() + " chars)\n--- stderr\n" + stderr;
        }
    }

    private HeadlessChromium() {
    }

    public static boolean available() {
        return new File("/usr/bin/chromium").canExecute();
    }

    /** The DOM after the load event (and up to 10 s of page time). */
    public static Result dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        return run(scratch, "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
    }

    /** A PNG screenshot of the page at the given window size. */
    public static Result screenshot(Path page, Path png, int width, int height, Path scratch)
            throws IOException, InterruptedException {
        return run(scratch, "--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
    }

    private static Result run(Path scratch, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> cmd = new ArrayList<>(Arrays.asList("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0"));
        cmd.addAll(Arrays.asList(args));
        Path out = scratch.resolve("chromium.out");
        Path err = scratch.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 120 s");
            }
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
