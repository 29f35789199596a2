package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.ihcblotquant.io.CsvTable;
import org.junit.jupiter.api.Test;

/**
 * Cut-points against R: the optimal cut, its statistic and the Lausen–Schumacher p as
 * maxstat.test(smethod = "LogRank", pmethod = "Lau92"), and the median / tertile cuts as R's
 * quantile (values stored by src/test/r/maxstat_reference.R).
 */
class CutPointTest {

    @Test
    void optimalCutAndAdjustedPAsMaxstat() {
        for (Map.Entry<String, Map<String, String>> c : RFixtures.expected("maxstat-expected.csv").entrySet()) {
            Map<String, String> e = c.getValue();
            CsvTable t = RFixtures.table(e.get("spec.data") + ".csv");
            int n = t.rowCount();
            double[] time = new double[n];
            boolean[] event = new boolean[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                time[i] = Double.parseDouble(t.get(i, t.column(e.get("spec.time"))));
                event[i] = t.get(i, t.column(e.get("spec.event"))).equals("1");
                x[i] = Double.parseDouble(t.get(i, t.column(e.get("spec.x"))));
            }
            MaximallySelectedLogRank m = MaximallySelectedLogRank.of(time, event, x,
                    Double.parseDouble(e.get("spec.minprop")), Double.parseDouble(e.get("spec.maxprop")));
            String id = c.getKey();
            assertEquals(RFixtures.num(e.get("statistic")), m.statistic, 1e-9, id);
            assertEquals(RFixtures.num(e.get("estimate")), m.estimate, 0, id);
            assertEquals(RFixtures.num(e.get("p")), m.pAdjusted, 1e-9, id);
            assertEquals(Integer.parseInt(e.get("ncuts")), m.profile.size(), id);
            assertEquals(RFixtures.num(e.get("median")), CutPoint.quantile(x, 0.5), 1e-12, id);
            assertEquals(RFixtures.num(e.get("tertile1")), CutPoint.quantile(x, 1.0 / 3), 1e-9, id);
            assertEquals(RFixtures.num(e.get("tertile2")), CutPoint.quantile(x, 2.0 / 3), 1e-9, id);
        }
    }

    @Test
    void lausenSchumacherFormula() {
        // Lausen & Schumacher (1992): p(b) = 4 phi(b)/b + phi(b)(b - 1/b) log(81) for the
        // 10-90 % range; b = 3: phi(3) = 0.0044318484119380075
        double phi = 0.0044318484119380075;
        assertEquals(4 * phi / 3 + phi * (3 - 1.0 / 3) * Math.log(81), MaximallySelectedLogRank.lausen92(3, 0.1, 0.9),
                1e-15);
        assertEquals(1, MaximallySelectedLogRank.lausen92(0.5, 0.1, 0.9), 0);
    }

    @Test
    void optimalGroupsAreLabelledDataChosenEverywhere() {
        ColumnData d = ColumnData.of(RFixtures.table("veteran.csv"));
        Warnings w = new Warnings();
        SurvivalData data = StatsInput.survival(d, "time", "status",
                StatsInput.Grouping.byCut("karno", CutPoint.parse("optimal")), EventCodes.defaults(), null, w);
        CutPoint.Assignment a = data.cut();
        assertTrue(a.dataChosen);
        assertEquals(40, a.thresholds[0], 0); // maxstat's estimate (veteran_karno)
        // low = karno <= 40
        int low = 0;
        CsvTable t = RFixtures.table("veteran.csv");
        for (int i = 0; i < t.rowCount(); i++) {
            if (Double.parseDouble(t.get(i, t.column("karno"))) <= 40) {
                low++;
            }
        }
        assertEquals(low, data.count(0));
        Map<String, Object> json = a.toJson();
        assertEquals(Boolean.TRUE, json.get("data_chosen"));
        assertTrue(((String) json.get("label")).startsWith("data-chosen"));
        assertTrue(a.describe().contains("DATA-CHOSEN"), a.describe());
        assertTrue(a.rule.contains("DATA-CHOSEN"), a.rule);
        SurvivalData med = StatsInput.survival(d, "time", "status",
                StatsInput.Grouping.byCut("karno", CutPoint.parse("median")), EventCodes.defaults(), null, w);
        assertFalse(med.cut().dataChosen);
        SurvivalData ter = StatsInput.survival(d, "time", "status",
                StatsInput.Grouping.byCut("karno", CutPoint.parse("tertiles")), EventCodes.defaults(), null, w);
        assertEquals(3, ter.levelCount());
        assertEquals("mid", ter.levels().get(1));
    }
}
