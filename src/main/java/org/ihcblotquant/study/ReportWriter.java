package org.ihcblotquant.study;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ihcblotquant.core.Version;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.stats.Report;

/**
 * Writes the study report as one self-contained HTML page: figures inline as SVG or base64 PNG,
 * QC pictures as base64 JPEG, styles inline, no script, and a Content-Security-Policy that forbids
 * every network load, so the page opens offline and cannot fetch anything. Links to the written
 * files are relative (they work when the output folder is moved as a whole).
 */
final class ReportWriter {
    /** Rows of a table shown in the page; the CSV holds all. */
    static final int MAX_ROWS = 60;

    private ReportWriter() {
    }

    /** Results first (tests, survival, blots, the study table), then the per-image detail and QC pictures. */
    static final List<String> ORDER = java.util.Arrays.asList("group-tests", "survival", "blots", "plates", "study-table",
            "cells", "markers");

    static String html(StudyRun run, String studyText, String date) {
        List<ReportSection> sections = new java.util.ArrayList<>(run.sections);
        sections.sort(java.util.Comparator.comparingInt(s -> ORDER.indexOf(s.id)));
        StringBuilder h = new StringBuilder(1 << 16);
        String title = run.config.title();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"
                        + " style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" - study report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
                .append(esc(Version.toolAndVersion())).append(" &middot; run ").append(esc(date))
                .append(" &middot; study file ").append(esc(run.config.file().getFileName().toString()))
                .append("</p>\n<p class=\"meta\">").append(summary(run)).append("</p>\n");
        h.append("<nav><a href=\"#warnings\">Warnings (").append(run.warnings.size()).append(")</a>");
        for (ReportSection s : sections) {
            h.append(" <a href=\"#").append(esc(s.id)).append("\">").append(esc(s.title)).append("</a>");
        }
        h.append(" <a href=\"#settings\">Settings</a> <a href=\"#files\">Files</a></nav>\n</header>\n<main>\n");
        warnings(h, run.warnings);
        for (ReportSection s : sections) {
            h.append("<section id=\"").append(esc(s.id)).append("\">\n<h2>").append(esc(s.title)).append("</h2>\n");
            for (ReportItem item : s.items) {
                item(h, item);
            }
            h.append("</section>\n");
        }
        h.append("<section id=\"settings\">\n<h2>Settings</h2>\n<p>The study file as run:</p>\n<pre>")
                .append(esc(studyText)).append("</pre>\n<table class=\"kv\">\n");
        for (Map.Entry<String, String> e : StudyProvenance.of(run.config).entries().entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(e.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        markerSettings(h, run.config.markers());
        h.append("</section>\n");
        h.append("<section id=\"files\">\n<h2>Files</h2>\n<ul class=\"files\">\n");
        for (String f : run.files) {
            h.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a></li>\n");
        }
        h.append("</ul>\n</section>\n</main>\n<footer>").append(esc(Version.toolAndVersion()))
                .append(": DAB optical densities are relative measures; compare values measured with the same"
                        + " settings.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** One column per marker, one row per setting (stain vectors, background, thresholds...). */
    private static void markerSettings(StringBuilder h, List<MarkerSpec> markers) {
        if (markers.isEmpty()) {
            return;
        }
        List<Map<String, String>> all = new java.util.ArrayList<>();
        for (MarkerSpec m : markers) {
            org.ihcblotquant.core.Provenance p = new org.ihcblotquant.core.Provenance();
            m.settings().describe(p);
            p.put("score", m.score() + " (tissue pixels pooled over the patient's fields)");
            p.put("images", m.inputs().toString());
            all.add(p.entries());
        }
        h.append("<h3>Scoring settings per marker</h3>\n<div class=\"scroll\"><table class=\"kv\">\n<tr><th></th>");
        for (MarkerSpec m : markers) {
            h.append("<th>").append(esc(m.name())).append("</th>");
        }
        h.append("</tr>\n");
        for (String key : all.get(0).keySet()) {
            if (key.equals("marker") || key.equals("slide_pattern")) {
                continue;
            }
            h.append("<tr><th>").append(esc(key)).append("</th>");
            for (Map<String, String> e : all) {
                h.append("<td>").append(esc(e.getOrDefault(key, ""))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static String summary(StudyRun run) {
        return String.format(Locale.ROOT, "%s, %s (%d reused from an earlier run, %d not scored), %s, %s, %s",
                count(run.config.markers().size(), "marker"), count(run.imagesScored, "image"), run.imagesReused,
                run.imagesFailed, count(run.config.blots().size(), "blot"),
                count(run.config.plates().size(), "plate assay"), count(run.warnings.size(), "warning"));
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static void warnings(StringBuilder h, List<String> warnings) {
        h.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n");
        if (warnings.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<ul class=\"warnings\">\n");
            for (String w : warnings) {
                h.append("<li>").append(esc(w)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void item(StringBuilder h, ReportItem item) {
        if (item instanceof ReportItem.Text) {
            h.append("<p>").append(esc(((ReportItem.Text) item).text)).append("</p>\n");
        } else if (item instanceof ReportItem.TableItem) {
            table(h, (ReportItem.TableItem) item);
        } else if (item instanceof ReportItem.Figure) {
            ReportItem.Figure f = (ReportItem.Figure) item;
            h.append("<figure class=\"plot\">\n");
            if (f.svg != null) {
                h.append(f.svg.replaceFirst("^<\\?xml[^>]*\\?>\\s*", ""));
            } else {
                h.append("<img alt=\"").append(esc(f.caption)).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png)).append("\">\n");
            }
            h.append("<figcaption>").append(esc(f.caption)).append(" &middot; ");
            for (int i = 0; i < f.files.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<a href=\"").append(esc(f.files.get(i))).append("\">")
                        .append(esc(f.files.get(i).substring(f.files.get(i).lastIndexOf('.') + 1).toUpperCase(
                                Locale.ROOT))).append("</a>");
            }
            h.append("</figcaption>\n</figure>\n");
        } else if (item instanceof ReportItem.Gallery) {
            gallery(h, (ReportItem.Gallery) item);
        }
    }

    private static void table(StringBuilder h, ReportItem.TableItem t) {
        Table table = t.table;
        boolean big = table.rowCount() > 25;
        h.append(big ? "<details>\n<summary>" : "<h3>").append(esc(t.caption)).append(" (")
                .append(table.rowCount()).append(table.rowCount() == 1 ? " row" : " rows").append(", <a href=\"")
                .append(esc(t.file)).append("\">").append(esc(t.file)).append("</a>)")
                .append(big ? "</summary>\n" : "</h3>\n");
        h.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String c : table.columns()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int n = Math.min(MAX_ROWS, table.rowCount());
        for (int r = 0; r < n; r++) {
            Object[] row = table.row(r);
            h.append("<tr>");
            for (Object o : row) {
                String s = cell(o);
                boolean error = s.startsWith("error:");
                h.append(o instanceof Number || looksNumeric(s) ? "<td class=\"num\">" : error ? "<td class=\"err\">"
                        : "<td>").append(esc(s)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
        if (table.rowCount() > n) {
            h.append("<p class=\"more\">").append(table.rowCount() - n).append(" more rows in <a href=\"")
                    .append(esc(t.file)).append("\">").append(esc(t.file)).append("</a></p>\n");
        }
        if (big) {
            h.append("</details>\n");
        }
    }

    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            return Double.isNaN(d) ? "" : Report.num(d);
        }
        if (o instanceof String && looksNumeric((String) o) && ((String) o).contains(".")) {
            return Report.num(Double.parseDouble((String) o));
        }
        return String.valueOf(o);
    }

    private static boolean looksNumeric(String s) {
        return s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    private static void gallery(StringBuilder h, ReportItem.Gallery g) {
        h.append("<details open>\n<summary>").append(esc(g.caption)).append("</summary>\n<div class=\"gallery\">\n");
        for (int i = 0; i < g.labels.size(); i++) {
            boolean ok = "ok".equals(g.status.get(i));
            h.append("<figure class=\"qc").append(ok ? "" : " bad").append("\">");
            if (g.jpegs.get(i) != null) {
                h.append("<img alt=\"QC ").append(esc(g.labels.get(i))).append("\" src=\"data:image/jpeg;base64,")
                        .append(Base64.getEncoder().encodeToString(g.jpegs.get(i))).append("\">");
            } else {
                h.append("<div class=\"noimg\">not readable</div>");
            }
            h.append("<figcaption>").append(esc(g.labels.get(i)));
            if (!ok) {
                h.append("<br><span class=\"err\">").append(esc(g.status.get(i))).append("</span>");
            }
            h.append("</figcaption></figure>\n");
        }
        h.append("</div>\n</details>\n");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;"
            + "color:#1b1b1b;background:#fafafa}\n"
            + "header{background:#fff;border-bottom:1px solid #ddd;padding:12px 24px;position:sticky;top:0;z-index:1}\n"
            + "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}"
            + "h3{font-size:15px}\n"
            + ".meta{color:#555;margin:2px 0}nav a{margin-right:14px;color:#0b5cad;text-decoration:none}\n"
            + "main{padding:8px 24px 40px;max-width:1400px}\n"
            + "section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:4px 18px 14px;margin:16px 0}\n"
            + ".warnings li{color:#8a3b00;margin:3px 0}\n"
            + ".scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12.5px;margin:6px 0}\n"
            + "th,td{border:1px solid #e0e0e0;padding:3px 7px;text-align:left;white-space:nowrap}"
            + "th{background:#f3f5f8}\n"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums}.err{color:#b00020}\n"
            + "table.kv td{white-space:normal}\n"
            + "figure.plot{display:inline-block;margin:10px 14px 10px 0;vertical-align:top;max-width:100%}"
            + "figure.plot svg,figure.plot img{max-width:100%;height:auto;border:1px solid #eee}\n"
            + "figcaption{font-size:12.5px;color:#333;max-width:640px}"
            + ".plot figcaption{width:0;min-width:100%}\n"
            + ".gallery{display:flex;flex-wrap:wrap;gap:8px}.qc{margin:0;width:244px;font-size:11px}"
            + ".qc img{width:100%;display:block;border:1px solid #ccc}.qc.bad img{border:2px solid #b00020}\n"
            + ".noimg{height:60px;background:#eee;color:#b00020;text-align:center;line-height:60px}\n"
            + "pre{background:#f6f6f6;padding:10px;overflow-x:auto;font-size:12.5px}"
            + "summary{cursor:pointer;font-weight:600;margin:8px 0}\n"
            + ".more{color:#555;font-size:12px}footer{color:#666;font-size:12px;padding:10px 24px}\n";
}
