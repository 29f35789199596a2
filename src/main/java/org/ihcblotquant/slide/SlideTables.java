package org.ihcblotquant.slide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ihcblotquant.ihc.IhcImageResult;
import org.ihcblotquant.io.Table;

/**
 * The per-image table with the two slide columns added: {@code level} (the pyramid level scored)
 * and {@code pixel_size_um} (its pixel size, empty when unknown); both empty for ordinary images.
 */
public final class SlideTables {
    public static final String LEVEL = "level";
    public static final String PIXEL_SIZE = "pixel_size_um";

    private SlideTables() {
    }

    /** {@code images} (rows in the order of {@code results}) with level and pixel size appended. */
    public static Table withSlideColumns(Table images, List<IhcImageResult> results, Map<IhcImageResult, SlideScore> slides) {
        List<String> cols = new ArrayList<>(images.columns());
        cols.add(LEVEL);
        cols.add(PIXEL_SIZE);
        Table t = new Table(cols);
        for (int i = 0; i < images.rowCount(); i++) {
            Object[] row = images.row(i);
            Object[] out = java.util.Arrays.copyOf(row, row.length + 2);
            SlideScore s = slides.get(results.get(i));
            if (s != null) {
                out[row.length] = s.level();
                out[row.length + 1] = Double.isNaN(s.pixelSizeUm()) ? null : s.pixelSizeUm();
            }
            t.addRow(out);
        }
        t.addComments(images.comments());
        return t;
    }
}
