package org.ihcblotquant.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;

/**
 * libvips (Debian package libvips-tools) as the independent writer and decoder of pyramidal TIFFs
 * in the slide tests: it builds the pyramids and tells what their pixels are.
 */
public final class Vips {

    private Vips() {
    }

    public static void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = readAll(p.getInputStream());
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + rc + "): " + new String(out, "UTF-8"));
        }
    }

    private static byte[] readAll(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    /** Writes packed RGB pixels as a PNG. */
    public static Path png(int[] rgb, int w, int h, Path target) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        ImageIO.write(img, "png", target.toFile());
        return target;
    }

    /** Pixels of {@code source} (vips file name with load options, e.g. {@code a.tif[page=1]}) as vips decodes them. */
    public static int[] decode(String source, Path scratch) throws IOException, InterruptedException {
        Path raw = scratch.resolve("vips-" + System.nanoTime() + ".raw");
        run("vips", "rawsave", source, raw.toString());
        byte[] b = Files.readAllBytes(raw);
        Files.delete(raw);
        if (b.length % 3 != 0) {
            throw new IOException("raw output of " + source + " is not 3-band 8-bit");
        }
        int[] px = new int[b.length / 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = ((b[3 * i] & 0xff) << 16) | ((b[3 * i + 1] & 0xff) << 8) | (b[3 * i + 2] & 0xff);
        }
        return px;
    }
}
