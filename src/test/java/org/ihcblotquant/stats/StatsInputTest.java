package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.job.FieldException;
import org.ihcblotquant.job.FieldSpelling;
import org.junit.jupiter.api.Test;

/** Bad and awkward input: every message names the file, column and row to fix. */
class StatsInputTest {

    private static ColumnData table(String text) {
        return ColumnData.of(CsvTable.parse("t.csv", text));
    }

    @Test
    void missingValuesAreSkippedAndCountedNeverZero() {
        ColumnData d = table("v,g\n1,a\n,a\nNA,a\n3,a\n5,b\n7,b\n-,b\n");
        Warnings w = new Warnings();
        GroupedValues gv = StatsInput.grouped(d, "v", "g", null, w);
        assertEquals(Arrays.asList("a", "b"), gv.levels());
        // mean of a is (1+3)/2 = 2, not (1+0+0+3)/4
        assertEquals(2.0, Descriptives.of("a", gv.values(0)).mean, 1e-12);
        assertEquals(2, gv.values(1).length);
        assertEquals(1, w.all().size());
        assertTrue(w.all().get(0).startsWith("3 row(s) skipped for a missing value in column 'v'"), w.all().get(0));
        assertTrue(w.all().get(0).contains("data rows 2, 3, 7"), w.all().get(0));
    }

    @Test
    void nonNumericValueIsAnErrorNamingTheCell() {
        ColumnData d = table("v,g\n1,a\n2,a\nabc,b\n");
        InputException e = assertThrows(InputException.class,
                () -> StatsInput.grouped(d, "v", "g", null, new Warnings()));
        assertEquals("t.csv row 3, column 'v': 'abc' is not a number", e.getMessage());
    }

    @Test
    void missingColumnNamesTheColumnsThereAre() {
        InputException e = assertThrows(InputException.class,
                () -> StatsInput.grouped(table("v,g\n1,a\n"), "value", "g", null, new Warnings()));
        assertTrue(e.getMessage().contains("missing column 'value'") && e.getMessage().contains("v, g"), e.getMessage());
    }

    @Test
    void unknownLevelIsAnError() {
        InputException e = assertThrows(InputException.class,
                () -> StatsInput.grouped(table("v,g\n1,a\n2,b\n"), "v", "g", Arrays.asList("a", "c"), new Warnings()));
        assertTrue(e.getMessage().contains("level 'c' not found in column 'g' (levels: a, b)"), e.getMessage());
    }

    @Test
    void fewerThanTwoGroupsForATest() {
        GroupedValues one = StatsInput.grouped(table("v,g\n1,a\n2,a\n3,a\n"), "v", "g", null, new Warnings());
        InputException t = assertThrows(InputException.class,
                () -> GroupComparison.run(GroupComparison.Test.WELCH, one, null, 0.95));
        assertTrue(t.getMessage().contains("exactly 2 groups, found 1"), t.getMessage());
        InputException a = assertThrows(InputException.class,
                () -> GroupComparison.run(GroupComparison.Test.ANOVA, one, null, 0.95));
        assertTrue(a.getMessage().contains("at least 2 groups, found 1"), a.getMessage());
    }

    @Test
    void eventCodes() {
        String csv = "time,status,arm\n5,1,a\n6,0,a\n7,TRUE,b\n8,false,b\n9,1.0,b\n";
        SurvivalData s = StatsInput.survival(table(csv), "time", "status", StatsInput.Grouping.byColumn("arm"),
                EventCodes.defaults(), null, new Warnings());
        assertEquals(5, s.size());
        assertEquals(3, s.events(0) + s.events(1));

        FieldException bad = assertThrows(FieldException.class, () -> StatsInput.survival(
                table("time,status\n5,1\n6,2\n"), "time", "status", StatsInput.Grouping.none(), EventCodes.defaults(),
                null, new Warnings()));
        assertEquals("event-codes", bad.field());
        assertTrue(bad.problem().startsWith("t.csv row 2, column 'status': event code '2' is not one of"),
                bad.getMessage());

        FieldException words = assertThrows(FieldException.class, () -> StatsInput.survival(
                table("time,vital\n5,dead\n6,alive\n"), "time", "vital", StatsInput.Grouping.none(),
                EventCodes.defaults(), null, new Warnings()));
        assertTrue(words.render(FieldSpelling.cli()).startsWith("--event-codes: t.csv row 1"), words.getMessage());
        SurvivalData told = StatsInput.survival(table("time,vital\n5,Dead\n6,alive\n"), "time", "vital",
                StatsInput.Grouping.none(), EventCodes.parse("dead:alive"), null, new Warnings());
        assertTrue(told.event(0));
        assertTrue(!told.event(1));
    }

    @Test
    void negativeTimeIsAnError() {
        InputException e = assertThrows(InputException.class, () -> StatsInput.survival(
                table("time,status\n5,1\n-2,0\n"), "time", "status", StatsInput.Grouping.none(), EventCodes.defaults(),
                null, new Warnings()));
        assertEquals("t.csv row 2, column 'time': negative time -2", e.getMessage());
    }

    @Test
    void missingTimesEventsAndScoresAreSkippedAndCounted() {
        String csv = "time,status,score\n5,1,0.2\n,1,0.7\n7,,0.9\n8,0,NA\n9,1,0.5\n10,0,0.49\n";
        Warnings w = new Warnings();
        SurvivalData s = StatsInput.survival(table(csv), "time", "status", StatsInput.Grouping.byCut("score", 0.5),
                EventCodes.defaults(), null, w);
        assertEquals(3, s.size());
        assertEquals(3, w.all().size(), w.all().toString());
        assertTrue(w.all().get(0).contains("missing time"));
        assertTrue(w.all().get(1).contains("missing event"));
        assertTrue(w.all().get(2).contains("missing score"));
    }

    @Test
    void cutOffLowBelowHighFromTheCutUp() {
        // 0.5 exactly is high; 0.49 is low
        String csv = "time,status,score\n1,1,0.1\n2,1,0.49\n3,0,0.5\n4,1,0.8\n5,0,0.95\n";
        SurvivalData s = StatsInput.survival(table(csv), "time", "status", StatsInput.Grouping.byCut("score", 0.5),
                EventCodes.defaults(), null, new Warnings());
        assertEquals(Arrays.asList("low", "high"), s.levels());
        assertEquals(2, s.count(0));
        assertEquals(3, s.count(1));
        assertEquals(0, s.group(1));
        assertEquals(1, s.group(2));
    }

    @Test
    void joinReportsUnmatchedIdsAndRejectsDuplicates() {
        CsvTable scores = CsvTable.parse("scores.csv", "patient,score\nP1,0.2\nP2,0.7\nP9,0.4\n");
        CsvTable clinical = CsvTable.parse("clinical.csv", "patient,os,dead\nP1,10,1\nP2,20,0\nP3,30,1\n");
        ColumnData d = ColumnData.join(scores, clinical, "patient");
        assertEquals(2, d.size());
        assertEquals(Arrays.asList("P9"), d.joinReport().onlyInLeft);
        assertEquals(Arrays.asList("P3"), d.joinReport().onlyInRight);
        // columns come from either table
        assertEquals("20", d.get(1, d.column("os")));
        assertEquals("0.7", d.get(1, d.column("score")));
        // differently named id columns
        CsvTable clin2 = CsvTable.parse("clinical.csv", "id,os\nP2,7\n");
        ColumnData d2 = ColumnData.joinOn(scores, clin2, "patient:id");
        assertEquals(1, d2.size());
        assertEquals("7", d2.get(0, d2.column("os")));
        assertEquals("patient:id", d2.joinReport().on);
        CsvTable dup = CsvTable.parse("clinical.csv", "patient,os\nP1,1\nP1,2\n");
        InputException e = assertThrows(InputException.class, () -> ColumnData.join(scores, dup, "patient"));
        assertTrue(e.getMessage().contains("id 'P1' in column 'patient' occurs twice (row 1 and row 2)"),
                e.getMessage());
        // errors in joined columns point at the right file
        CsvTable badClin = CsvTable.parse("clinical.csv", "patient,os,dead\nP1,x,1\nP2,20,0\n");
        ColumnData j = ColumnData.join(scores, badClin, "patient");
        InputException e2 = assertThrows(InputException.class, () -> StatsInput.survival(j, "os", "dead",
                StatsInput.Grouping.none(), EventCodes.defaults(), null, new Warnings()));
        assertEquals("clinical.csv row 1, column 'os': 'x' is not a number", e2.getMessage());
    }

    @Test
    void pairsMatchOnIdAndReportUnpaired() {
        String csv = "v,g,id\n1,a,p1\n2,a,p2\n3,a,p3\n2,b,p1\n5,b,p2\n9,b,p4\n";
        Warnings w = new Warnings();
        double[][] p = StatsInput.pairs(table(csv), "v", "g", "id", "a", "b", w);
        assertEquals(2, p[0].length);
        assertEquals(2.0, p[0][1]);
        assertEquals(5.0, p[1][1]);
        assertTrue(w.all().get(0).contains("p3, p4"), w.all().toString());
    }
}
