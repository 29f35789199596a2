package org.ihcblotquant.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, written into every result's provenance. */
public final class Version {
    public static final String TOOL = "IHC Blot Quant";

    private static final String VERSION = load();

    private Version() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    /** "IHC Blot Quant 0.1.0" for provenance lines. */
    public static String toolAndVersion() {
        return TOOL + " " + VERSION;
    }

    private static String load() {
        // version.properties is filtered by Maven at build time
        try (InputStream in = Version.class.getResourceAsStream("/org/ihcblotquant/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: an unknown version is reported as such, never invented
        }
        return "unknown";
    }
}
