package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.measure.ResultsTable;

import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.scijava.RunStudyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** "Run Study (script)" as a Fiji script or PyImageJ runs it: outputs by name, errors naming the parameter. */
class RunStudyScijavaTest {

    @Test
    void runsTheStudyAndReturnsTheReportAndTheStudyTable(@TempDir Path dir) throws Exception {
        Path study = SmallStudy.write(dir, "0.15");
        Context context = new Context(CommandService.class);
        try {
            CommandService commands = context.service(CommandService.class);
            Map<String, Object> in = new HashMap<>();
            in.put("study", study.toFile());
            in.put("output", dir.resolve("out").toFile());
            in.put("threads", 2);
            CommandModule m = commands.run(RunStudyCommand.class, true, in).get();
            Path report = dir.resolve("out/report.html").toAbsolutePath();
            assertEquals(report.toString(), m.getOutput("report"));
            assertTrue(Files.isRegularFile(report));
            ResultsTable rt = (ResultsTable) m.getOutput("table");
            CsvTable written = CsvTable.read(dir.resolve("out/tables/study.csv"));
            assertEquals(written.rowCount(), rt.size());
            for (int r = 0; r < rt.size(); r++) {
                assertEquals(written.get(r, written.column("patient")), rt.getStringValue("patient", r));
                assertEquals(Double.parseDouble(written.get(r, written.column("A"))), rt.getValue("A", r), 1e-9);
            }

            in.put("threads", -1);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> commands.run(RunStudyCommand.class, true, in).get());
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
                t = t.getCause();
            }
            assertEquals("Run Study: threads: must be 0 or more", t.getMessage());
        } finally {
            context.dispose();
        }
    }
}
