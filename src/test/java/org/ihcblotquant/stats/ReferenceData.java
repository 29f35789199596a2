package org.ihcblotquant.stats;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Loads ../shared/stats-reference/reference.json (R's printed values) through our JSON reader. */
final class ReferenceData {

    private static Map<String, Object> cached;

    private ReferenceData() {
    }

    static Path sharedDir() {
        String p = System.getProperty("ihcq.shared");
        return p != null ? Paths.get(p) : Paths.get("..", "shared");
    }

    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> root() throws Exception {
        if (cached == null) {
            Path f = sharedDir().resolve("stats-reference").resolve("reference.json");
            cached = (Map<String, Object>) Json.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        return cached;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws Exception {
        return (List<Map<String, Object>>) root().get("cases");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> columns(String dataset) throws Exception {
        Map<String, Object> ds = (Map<String, Object>) ((Map<String, Object>) root().get("datasets")).get(dataset);
        return (Map<String, Object>) ds.get("columns");
    }

    @SuppressWarnings("unchecked")
    static List<String> factorLevels(String dataset) throws Exception {
        Map<String, Object> ds = (Map<String, Object>) ((Map<String, Object>) root().get("datasets")).get(dataset);
        return (List<String>) ds.get("factor_levels");
    }

    @SuppressWarnings("unchecked")
    static double[] numbers(String dataset, String column) throws Exception {
        List<Object> l = (List<Object>) columns(dataset).get(column);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static String[] strings(String dataset, String column) throws Exception {
        List<Object> l = (List<Object>) columns(dataset).get(column);
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = l.get(i);
            out[i] = o instanceof Double && ((Double) o) == Math.rint((Double) o)
                    ? String.valueOf(((Double) o).longValue()) : String.valueOf(o);
        }
        return out;
    }

    /** Writes a data set as CSV, for the end-to-end tests. */
    @SuppressWarnings("unchecked")
    static Path writeCsv(String dataset, Path file) throws Exception {
        Map<String, Object> cols = columns(dataset);
        StringBuilder sb = new StringBuilder(String.join(",", cols.keySet())).append('\n');
        int n = ((List<Object>) cols.values().iterator().next()).size();
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (String name : cols.keySet()) {
                sb.append(c++ > 0 ? "," : "").append(strings(dataset, name)[i]);
            }
            sb.append('\n');
        }
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
