package org.ihcblotquant.cohort;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.cells.CellCounts;
import org.ihcblotquant.cells.CellSettings;
import org.ihcblotquant.cells.CellTables;
import org.ihcblotquant.core.InputException;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.ihc.IhcTables;
import org.ihcblotquant.ihc.PixelCounts;
import org.ihcblotquant.io.Table;

/**
 * Pools the ok rows of merged per-image tables per slide from the counts they carry, as the single
 * run pools them: pixel counts for {@code ihcq ihc} tables, cell counts for {@code ihcq cells}.
 */
abstract class RowPool {

    /** Per-image tables of {@code ihcq cells} (nuclei columns) rather than of {@code ihcq ihc}. */
    static boolean isCells(List<String> header) {
        return header.contains("nuclei") && header.contains("positive_nuclei");
    }

    /** Adds one ok row; a count that is not a number throws {@link NumberFormatException}. */
    abstract void add(String slide, String marker, List<String> rec);

    abstract Table table();

    static int[] columns(List<String> header, String[] names) {
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            idx[i] = header.indexOf(names[i]);
        }
        return idx;
    }

    /** Tissue pixel counts and integrated ODs of {@code ihcq ihc}. */
    static final class Pixels extends RowPool {
        private final IhcTables.SlidePooler pooler = new IhcTables.SlidePooler();
        private final int[] col;

        Pixels(List<String> header) {
            col = columns(header, IhcTables.COUNT_COLUMNS);
        }

        @Override
        void add(String slide, String marker, List<String> rec) {
            PixelCounts c = new PixelCounts();
            c.analysed = Long.parseLong(rec.get(col[0]).trim());
            for (int k = 0; k < 4; k++) {
                c.classes[k] = Long.parseLong(rec.get(col[1 + k]).trim());
            }
            c.chromogenSum = Double.parseDouble(rec.get(col[5]).trim());
            c.chromogenPositiveSum = Double.parseDouble(rec.get(col[6]).trim());
            c.counterSum = Double.parseDouble(rec.get(col[7]).trim());
            pooler.add(slide, marker, c);
        }

        @Override
        Table table() {
            return pooler.table();
        }
    }

    /** Nuclei per class and DAB sums of {@code ihcq cells}; Allred/IRS intensity by the run's thresholds. */
    static final class Cells extends RowPool {
        /** The thresholds line of the settings: "weak >= W, moderate >= M, strong >= S (DAB OD)". */
        private static final Pattern THRESHOLDS = Pattern.compile(
                "weak >= ([^,]+), moderate >= ([^,]+), strong >= (\\S+)");
        private final CellTables.SlidePooler pooler;
        private final int[] col;

        Cells(List<String> header, String thresholdsLine) {
            col = columns(header, CellTables.COUNT_COLUMNS);
            pooler = new CellTables.SlidePooler(CellSettings.defaults()
                    .withStain(IhcSettings.defaults().withThresholds(thresholds(thresholdsLine))));
        }

        static double[] thresholds(String line) {
            Matcher m = line == null ? null : THRESHOLDS.matcher(line);
            if (m == null || !m.find()) {
                throw new InputException("the tables have no '# thresholds:' line, so the Allred and IRS intensity "
                        + "of the pooled slides is unknown; merge tables written by ihcq cells");
            }
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))};
        }

        @Override
        void add(String slide, String marker, List<String> rec) {
            long[] classes = new long[4];
            for (int k = 0; k < 4; k++) {
                classes[k] = Long.parseLong(rec.get(col[k]).trim());
            }
            pooler.add(slide, marker, CellCounts.of(classes, Double.parseDouble(rec.get(col[4]).trim()),
                    Double.parseDouble(rec.get(col[5]).trim()), Long.parseLong(rec.get(col[6]).trim())));
        }

        @Override
        Table table() {
            return pooler.table();
        }
    }
}
