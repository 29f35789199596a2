package org.ihcblotquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's chemoresistance example (IHC scoring, t-test, survival) runs as printed on the
 * bundled data: the commands are read from the README itself, with their {@code out/} folder
 * moved to a scratch folder; and the cut-off the issue reported (0.5, outside every score) is an
 * error that names the scores' range.
 */
class ReadmeExamplesTest {

    @Test
    void statisticsExampleRunsAsPrinted(@TempDir Path dir) throws Exception {
        System.setProperty("ihcq.home", Paths.get("").toAbsolutePath().toString());
        String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("A typical chemoresistance analysis.*?```bash\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "example block in README.md");
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
            if (line.trim().startsWith("./ihcq ")) {
                commands.add(words(line.trim().substring("./ihcq ".length())));
            }
        }
        assertEquals(3, commands.size(), block.group(1));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>();
            for (String w : c) {
                args.add(w.startsWith("out/") ? dir.resolve(w.substring(4)).toString() : w);
            }
            CliRunner r = CliRunner.run(args.toArray(new String[0]));
            assertEquals(0, r.code, args + "\n" + r);
        }
        for (String f : new String[] {"images.csv", "slides.csv", "bars.svg", "km.png", "km.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        CliRunner r = CliRunner.run("stats", "survival", "--table", dir.resolve("slides.csv").toString(), "--join",
                "test-images/clinical.csv", "--on", "slide", "--time", "os_months", "--event", "death", "--score",
                "dab_mean_od", "--cut", "0.5");
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("cut-off 0.5 on 'dab_mean_od' leaves group 'high' empty (scores range"), r.err);
    }

    /** Shell words: spaces split, single quotes group (as the README's commands use them). */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
