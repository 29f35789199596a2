package org.ihcblotquant.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ihcblotquant.io.Table;

/** One thing a report section shows: a paragraph, a table, a figure or a gallery of QC pictures. */
abstract class ReportItem {

    /** A paragraph of plain text. */
    static final class Text extends ReportItem {
        final String text;

        Text(String text) {
            this.text = text;
        }
    }

    /** A table with the file it was written to. */
    static final class TableItem extends ReportItem {
        final String caption;
        final Table table;
        final String file;

        TableItem(String caption, Table table, String file) {
            this.caption = caption;
            this.table = table;
            this.file = file;
        }
    }

    /** A figure inline as SVG (charts) or as a PNG picture (blot overlays), with its files. */
    static final class Figure extends ReportItem {
        final String caption;
        final String svg;
        final byte[] png;
        final List<String> files;

        Figure(String caption, String svg, byte[] png, List<String> files) {
            this.caption = caption;
            this.svg = svg;
            this.png = png;
            this.files = Collections.unmodifiableList(new ArrayList<>(files));
        }
    }

    /** Small JPEG pictures with a label and a status each (the QC thumbnails of scored images). */
    static final class Gallery extends ReportItem {
        final String caption;
        final List<String> labels = new ArrayList<>();
        final List<String> status = new ArrayList<>();
        final List<byte[]> jpegs = new ArrayList<>();

        Gallery(String caption) {
            this.caption = caption;
        }

        void add(String label, String st, byte[] jpeg) {
            labels.add(label);
            status.add(st);
            jpegs.add(jpeg);
        }
    }
}
