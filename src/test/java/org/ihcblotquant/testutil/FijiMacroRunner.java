package org.ihcblotquant.testutil;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs an ImageJ macro in a real ImageJ 1.x (the {@code ij} jar from Maven Central) in a child
 * JVM, the way a user's batch run does: {@code xvfb-run -a java -Dplugins.dir=DIR -cp ij.jar
 * ij.ImageJ -batch macro.ijm}. Our compiled classes and plugins.config are packed into
 * {@code plugins/IHC_Blot_Quant-test.jar} (the underscore makes ImageJ register the commands),
 * commons-math3 and SnakeYAML go to {@code plugins/jars/}, as in a Fiji installation. GenericDialog needs a
 * display, hence Xvfb (installed by .ci/run).
 */
public final class FijiMacroRunner {

    /** What the child ImageJ printed and returned. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private FijiMacroRunner() {
    }

    /** Path of the jar or folder a class was loaded from. */
    public static Path locationOf(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate " + c, e);
        }
    }

    /**
     * Runs {@code macro} with {@code workDir} as scratch space (plugins folder, macro file).
     * Fails if the child does not finish within {@code timeoutSeconds}.
     */
    public static Result run(String macro, Path workDir, int timeoutSeconds) throws IOException, InterruptedException {
        Path fijiDir = workDir.resolve("fiji");
        Path plugins = fijiDir.resolve("plugins");
        Path jars = plugins.resolve("jars");
        Files.createDirectories(jars);
        Path classes = locationOf(org.ihcblotquant.core.Version.class);
        packJar(classes, plugins.resolve("IHC_Blot_Quant-test.jar"));
        Path math = locationOf(org.apache.commons.math3.util.FastMath.class);
        Files.copy(math, jars.resolve(math.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // study files are YAML (Run Study); Fiji ships SnakeYAML in jars/ too
        Path yaml = locationOf(org.yaml.snakeyaml.Yaml.class);
        Files.copy(yaml, jars.resolve(yaml.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // whole-slide reading: TwelveMonkeys JPEG (and what it needs) and ImgLib2, as a Fiji installation has them
        for (String dep : new String[] {"com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
            "com.twelvemonkeys.imageio.spi.ImageReaderSpiBase", "com.twelvemonkeys.imageio.metadata.Directory",
            "com.twelvemonkeys.lang.Validate", "com.twelvemonkeys.io.FileUtil", "com.twelvemonkeys.image.ImageUtil",
            "net.imglib2.img.cell.LazyCellImg"}) {
            try {
                Path jar = locationOf(Class.forName(dep, false, FijiMacroRunner.class.getClassLoader()));
                Files.copy(jar, jars.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("test class path lacks " + dep, e);
            }
        }
        Path ijJar = locationOf(ij.IJ.class);
        Path macroFile = workDir.resolve("test.ijm");
        Files.write(macroFile, macro.getBytes(StandardCharsets.UTF_8));

        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty()) {
            cmd.add("xvfb-run");
            cmd.add("-a");
        }
        cmd.add(java);
        cmd.add("-Xmx2g");
        cmd.add("-Djava.awt.headless=false");
        cmd.add("-Dplugins.dir=" + fijiDir);
        cmd.add("-cp");
        cmd.add(ijJar.toString());
        cmd.add("ij.ImageJ");
        cmd.add("-batch");
        cmd.add(macroFile.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ImageJ did not finish within " + timeoutSeconds + " s (a dialog waiting?)\n"
                    + new String(Files.readAllBytes(out), StandardCharsets.UTF_8) + "\n"
                    + new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    }

    /** Packs a classes folder into a jar (plugins.config included, as Maven puts it at the root). */
    public static void packJar(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        try (OutputStream fo = Files.newOutputStream(jar); JarOutputStream jo = new JarOutputStream(fo)) {
            for (Path f : files) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                jo.putNextEntry(new JarEntry(name));
                Files.copy(f, jo);
                jo.closeEntry();
            }
        }
    }

    /** A path as a macro string literal (forward slashes, escaped quotes). */
    public static String macroPath(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/').replace("\"", "\\\"");
    }
}
