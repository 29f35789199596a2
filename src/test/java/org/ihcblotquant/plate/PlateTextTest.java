package org.ihcblotquant.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ihcblotquant.core.InputException;
import org.junit.jupiter.api.Test;

/** Reading plate-reader exports in the forms readers write them. */
class PlateTextTest {

    /** A 96-well grid whose well (r, c) holds r + c / 100 (0-based), written with the given separator. */
    static String grid96(String sep, boolean decimalComma, boolean header) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            for (int c = 1; c <= 12; c++) {
                sb.append(sep).append(c);
            }
            sb.append('\n');
        }
        for (int r = 0; r < 8; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < 12; c++) {
                String v = String.format(java.util.Locale.ROOT, "%.2f", r + c / 100.0);
                sb.append(sep).append(decimalComma ? v.replace('.', ',') : v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void assertGrid(PlateGrid g) {
        assertEquals(PlateFormat.WELLS_96, g.format());
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                double v = PlateReads.of(g, false).value(g.format().index(r, c));
                assertEquals(r + c / 100.0, v, 1e-12, PlateFormat.wellName(r, c));
            }
        }
    }

    @Test
    void commaSemicolonDecimalCommaAndTabGridsBehindHeaderLines() {
        String head = "Software Version\t3.11\nPlate:;Plate 1;x\nDate,12/2/2026,10:00\n\n";
        assertGrid(PlateText.parse("c.csv", head + grid96(",", false, true)).get(0));
        assertGrid(PlateText.parse("s.csv", head + grid96(";", true, true)).get(0));
        assertGrid(PlateText.parse("t.txt", head + grid96("\t", false, true)).get(0));
        // semicolons with decimal commas below header lines that use commas
        String commaHeads = "Experiment, Saos-2, CCK-8\nOperator, lab, 450 nm\nNotes, none, none\n";
        assertGrid(PlateText.parse("s2.csv", commaHeads + grid96(";", true, true)).get(0));
        // no column-number row: rows A..H alone
        assertGrid(PlateText.parse("n.csv", grid96(",", false, false)).get(0));
    }

    @Test
    void severalGridsArePlatesOneToN() {
        String text = "Read 1: 450\n" + grid96(",", false, true) + "\nRead 2: 650\n" + grid96(",", false, true)
                + "\n" + grid96(",", false, true);
        List<PlateGrid> plates = PlateText.parse("multi.csv", text);
        assertEquals(3, plates.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, plates.get(i).number());
            assertGrid(plates.get(i));
        }
    }

    @Test
    void a384WellGrid() {
        StringBuilder sb = new StringBuilder("Plate,384\n");
        for (int c = 1; c <= 24; c++) {
            sb.append(',').append(c);
        }
        sb.append('\n');
        for (int r = 0; r < 16; r++) {
            sb.append((char) ('A' + r));
            for (int c = 0; c < 24; c++) {
                sb.append(',').append(r * 24 + c);
            }
            sb.append('\n');
        }
        PlateGrid g = PlateText.parse("p384.csv", sb.toString()).get(0);
        assertEquals(PlateFormat.WELLS_384, g.format());
        assertEquals("383", g.cell(383));
        assertEquals("P24", g.format().wellName(383));
        assertEquals("25", g.cell(g.format().index(1, 1)));
    }

    @Test
    void longTablesWithAndWithoutHeaderAndDose() {
        PlateGrid g = PlateText.parse("long.csv", "Well,OD450\nA01,0.5\nB7,1.25\nH12,0.1\n").get(0);
        assertTrue(g.isLongTable());
        assertEquals(PlateFormat.WELLS_96, g.format());
        assertEquals("1.25", g.cell(PlateFormat.WELLS_96.index(1, 6)));
        assertNull(g.cell(1));
        PlateGrid layout = PlateText.parse("layout.csv", "well;condition;dose\nA1;Dox;0,5\nA2;Dox;1\nA3;Blank\n")
                .get(0);
        assertEquals("0,5", layout.extra(0));
        PlateLayout l = PlateLayout.of(layout);
        assertEquals("Dox 0,5", l.condition(0).label);
        assertEquals(0.5, l.condition(0).dose, 0);
        assertEquals("Dox", l.condition(1).series);
        assertEquals("Blank", l.condition(2).label);
        PlateGrid big = PlateText.parse("long384.csv", "A1,3\nP24,4\n").get(0);
        assertEquals(PlateFormat.WELLS_384, big.format());
    }

    @Test
    void overflowMarksAndBadText() {
        String g = grid96(",", false, true).replace("0.03", "OVRFLW").replace("1.05", "*****");
        PlateReads reads = PlateReads.of(PlateText.parse("r.csv", g).get(0), false);
        assertEquals(PlateReads.Kind.OVERFLOW, reads.kind(3));
        assertTrue(Double.isNaN(reads.value(3)));
        assertEquals(PlateReads.Kind.OVERFLOW, reads.kind(12 + 5));
        String bad = grid96(",", false, true).replace("2.07", "abc");
        InputException e = assertThrows(InputException.class,
                () -> PlateReads.of(PlateText.parse("bad.csv", bad).get(0), false));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("well C8")
                && e.getMessage().contains("'abc'"), e.getMessage());
        assertThrows(InputException.class, () -> PlateText.parse("none.csv", "hello,world\n1,2\n"));
    }

    @Test
    void doseLabels() {
        ConditionLabel c = ConditionLabel.parse("IL-6 10 ng/mL");
        assertEquals("IL-6", c.series);
        assertEquals(10, c.dose, 0);
        assertEquals(0.5, ConditionLabel.parse("Dox 0.5 uM").dose, 0);
        assertTrue(Double.isNaN(ConditionLabel.parse("IL-6 + AG490").dose));
        assertTrue(Double.isNaN(ConditionLabel.parse("Saos-2").dose));
    }
}
