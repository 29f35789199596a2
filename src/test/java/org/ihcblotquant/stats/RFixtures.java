package org.ihcblotquant.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.io.CsvTable;

/**
 * Values R printed, stored by the scripts in {@code src/test/r/} as {@code case,key,value} rows
 * under {@code src/test/resources/org/ihcblotquant/stats/r/}, so that the tests need no R.
 */
final class RFixtures {

    private RFixtures() {
    }

    static Path path(String name) {
        try {
            return Paths.get(RFixtures.class.getResource("r/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture r/" + name + " (run the scripts in src/test/r)", e);
        }
    }

    static CsvTable table(String name) {
        return CsvTable.read(path(name));
    }

    /** case id -> (key -> value as text), in file order. */
    static Map<String, Map<String, String>> expected(String name) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("case,key,value") || line.trim().isEmpty()) {
                continue;
            }
            int a = line.indexOf(',');
            int b = line.indexOf(',', a + 1);
            out.computeIfAbsent(line.substring(0, a), k -> new LinkedHashMap<>())
                    .put(line.substring(a + 1, b), line.substring(b + 1));
        }
        return out;
    }

    static double num(String s) {
        switch (s) {
            case "NA":
                return Double.NaN;
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String x : s.split(";")) {
            if (!x.isEmpty()) {
                out.add(x);
            }
        }
        return out;
    }
}
