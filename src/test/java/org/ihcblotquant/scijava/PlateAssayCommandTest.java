package org.ihcblotquant.scijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.measure.ResultsTable;

import org.ihcblotquant.plate.PlateAnalyzer;
import org.ihcblotquant.plate.PlateLayout;
import org.ihcblotquant.plate.PlateReads;
import org.ihcblotquant.plate.PlateResult;
import org.ihcblotquant.plate.PlateSettings;
import org.ihcblotquant.plate.PlateText;
import org.ihcblotquant.plate.Normalisation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Plate Assay (script) headless through CommandService, as a Fiji script or PyImageJ runs it. */
class PlateAssayCommandTest {
    private static Context context;
    private static CommandService commands;
    private static final File READS = new File("test-images/plates/saos2-reads.csv");
    private static final File LAYOUT = new File("test-images/plates/saos2-layout.csv");

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
        commands = context.service(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static CommandModule run(Object... kv) throws Exception {
        Map<String, Object> in = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            in.put((String) kv[i], kv[i + 1]);
        }
        return commands.run(PlateAssayCommand.class, true, in).get();
    }

    @Test
    void cck8PlateAndAMissingControl() throws Exception {
        CommandModule m = run("reads", READS, "layout", LAYOUT, "blank", "Blank", "control", "Control", "plate", 1);
        ResultsTable rt = (ResultsTable) m.getOutput("conditions");
        PlateResult direct = PlateAnalyzer.analyse(PlateReads.of(PlateText.read(READS.toPath()).get(0), true),
                PlateLayout.of(PlateText.read(LAYOUT.toPath()).get(0)), new PlateSettings("Blank", "Control",
                        Normalisation.PERCENT_OF_CONTROL, new HashMap<>(), 3.5, 0.95), true);
        assertEquals(direct.conditions.size(), rt.size());
        for (int i = 0; i < rt.size(); i++) {
            assertEquals(direct.conditions.get(i).condition, rt.getStringValue("condition", i));
            assertEquals(direct.conditions.get(i).mean, rt.getValue("mean", i), 1e-9);
        }
        assertEquals(1 + 7 + 28, ((ResultsTable) m.getOutput("tests")).size());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> run("reads", READS, "layout", LAYOUT, "blank", "Blank", "control", "DMSO"));
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("control: 'DMSO'"), t.getMessage());
    }
}
