package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ihcblotquant.stats.PValueAdjust;
import org.junit.jupiter.api.Test;

/** The study file printed in docs/study.md, every key shown, is a valid study file. */
class StudyDocsTest {

    @Test
    void documentedStudyFileParses() throws Exception {
        String doc = new String(Files.readAllBytes(Paths.get("docs", "study.md")), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "a yaml block in docs/study.md");
        StudyConfig c = StudyConfigReader.parse(Paths.get("docs", "example-study.yaml").toAbsolutePath(), m.group(1));
        assertEquals(1, c.markers().size());
        assertEquals(1, c.blots().size());
        assertEquals(1, c.plates().size());
        assertEquals(2, c.clinical().endpoints().size());
        assertEquals(1, c.survival().size());
        assertEquals(PValueAdjust.Method.HOLM, c.correction());
        assertEquals("β-actin", c.blots().get(0).control());
        assertEquals(6, c.blots().get(0).laneLabels().size());
    }
}
