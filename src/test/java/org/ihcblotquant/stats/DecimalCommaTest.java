package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;

/** Decimal commas as European Excel writes them, detected or set explicitly. */
class DecimalCommaTest {

    private static GroupedValues read(String text, DecimalMark mark) {
        ColumnData d = ColumnData.of(CsvTable.parse("eu.csv", text)).decimal(mark);
        return StatsInput.grouped(d, "dab", "group", null, new Warnings());
    }

    @Test
    void semicolonFileWithDecimalCommasIsDetected() {
        GroupedValues g = read("group;dab\nA;1,5\nA;2\nB;-0,25\nB;NA\n", DecimalMark.AUTO);
        assertArrayEquals(new double[] {1.5, 2}, g.values(0), 0);
        assertArrayEquals(new double[] {-0.25}, g.values(1), 0);
    }

    @Test
    void forcedCommaAndForcedPoint() {
        // a tab-separated file mixing both marks is not detected: the user says which
        GroupedValues g = read("group\tdab\nA\t1,5\nB\t3\n", DecimalMark.COMMA);
        assertArrayEquals(new double[] {1.5}, g.values(0), 0);
        InputException e = assertThrows(InputException.class,
                () -> read("group;dab\nA;1,5\nB;3\n", DecimalMark.POINT));
        assertTrue(e.getMessage().contains("eu.csv row 1, column 'dab': '1,5' is not a number (a decimal comma?"),
                e.getMessage());
    }

    @Test
    void mixedMarksAreNotGuessed() {
        InputException e = assertThrows(InputException.class,
                () -> read("group;dab\nA;1,5\nB;2.5\n", DecimalMark.AUTO));
        assertTrue(e.getMessage().contains("'1,5' is not a number"), e.getMessage());
        InputException f = assertThrows(InputException.class,
                () -> read("group;dab\nA;1.234,5\nB;2\n", DecimalMark.COMMA));
        assertTrue(f.getMessage().contains("read with a decimal comma"), f.getMessage());
    }
}
