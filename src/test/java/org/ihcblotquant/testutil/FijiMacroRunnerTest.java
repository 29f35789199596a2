package org.ihcblotquant.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FijiMacroRunnerTest {

    @Test
    void realImageJRunsAMacroAndWritesResults(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        String macro = "newImage(\"t\", \"8-bit black\", 10, 10, 1);\n"
                + "run(\"Set...\", \"value=7\");\n"
                + "run(\"Measure\");\n"
                + "saveAs(\"Results\", \"" + FijiMacroRunner.macroPath(csv) + "\");\n";
        FijiMacroRunner.Result r = FijiMacroRunner.run(macro, dir, 120);
        assertTrue(Files.exists(csv), r.toString());
        String text = new String(Files.readAllBytes(csv), "UTF-8");
        assertTrue(text.contains("7"), text);
        assertEquals(0, r.exitCode, r.toString());
    }
}
