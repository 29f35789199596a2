package org.ihcblotquant.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.measure.ResultsTable;

import org.ihcblotquant.scijava.CoxRegressionCommand;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The SciJava "Cox Regression (script)" command headless, against R's coxph (cox-expected.csv). */
class CoxScijavaTest {

    @Test
    void coxCommandHeadless() throws Exception {
        Context context = new Context(CommandService.class);
        try {
            context.service(org.scijava.log.LogService.class).setLevel(org.scijava.log.LogLevel.NONE);
            CommandService commands = context.service(CommandService.class);
            Map<String, Object> in = new HashMap<>();
            in.put("table", RFixtures.path("lung.csv").toFile());
            in.put("time", "time");
            in.put("event", "status");
            in.put("covariates", "age");
            in.put("factors", "ph_ecog");
            in.put("strata", "sex");
            CommandModule m = commands.run(CoxRegressionCommand.class, true, in).get();
            ResultsTable rt = (ResultsTable) m.getOutput("coefficients");
            Map<String, String> r = RFixtures.expected("cox-expected.csv").get("lung_factor_strata");
            assertEquals(4, rt.size());
            for (int i = 0; i < rt.size(); i++) {
                String term = rt.getStringValue("term", i);
                assertEquals(RFixtures.num(r.get("hr." + term)), rt.getValue("hr", i), 1e-6, term);
            }
            in.put("ties", "exact");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> commands.run(CoxRegressionCommand.class, true, in).get());
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
                t = t.getCause();
            }
            assertTrue(t.getMessage().contains("ties"), t.getMessage());
        } finally {
            context.dispose();
        }
    }

    @Test
    void survivalWithOptimalCutAndCompareWithKruskalHeadless() throws Exception {
        Context context = new Context(CommandService.class);
        try {
            context.service(org.scijava.log.LogService.class).setLevel(org.scijava.log.LogLevel.NONE);
            CommandService commands = context.service(CommandService.class);
            Map<String, Object> in = new HashMap<>();
            in.put("table", RFixtures.path("veteran.csv").toFile());
            in.put("time", "time");
            in.put("event", "status");
            in.put("score", "karno");
            in.put("cutMode", "optimal");
            in.put("strata", "trt");
            CommandModule m = commands.run(org.ihcblotquant.scijava.SurvivalCommand.class, true, in).get();
            assertTrue(((String) m.getOutput("report")).contains("DATA-CHOSEN"));
            Map<String, Object> kw = new HashMap<>();
            kw.put("table", RFixtures.path("plantgrowth.csv").toFile());
            kw.put("value", "weight");
            kw.put("group", "group");
            kw.put("test", "Kruskal-Wallis + Dunn");
            CommandModule k = commands.run(org.ihcblotquant.scijava.CompareGroupsCommand.class, true, kw).get();
            ResultsTable rt = (ResultsTable) k.getOutput("summary");
            Map<String, String> r = RFixtures.expected("comparisons-expected.csv").get("plantgrowth");
            assertEquals(RFixtures.num(r.get("kw.H")), rt.getValue("value", 0), 1e-9);
        } finally {
            context.dispose();
        }
    }
}
