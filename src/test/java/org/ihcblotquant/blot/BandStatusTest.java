package org.ihcblotquant.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ihcblotquant.io.Table;
import org.junit.jupiter.api.Test;

/** What the status column says about saturated bands and border rings that lie on a band. */
class BandStatusTest {

    @Test
    void saturatedBandKeepsItsNumberAndSaysItIsALowerBound() {
        double[] t = BlotAnalyzerTest.scale(BlotAnalyzerTest.TARGET, 2.5);
        t[3] = 90000; // peak far above 255 on film: clipped
        double[] actin = BlotAnalyzerTest.scale(BlotAnalyzerTest.ACTIN, 2.5);
        actin[5] = 90000;
        SyntheticBlot.Blot b = new SyntheticBlot().size(480, 300).equalLanes(8, 40).bandShape(16, 1.5)
                .background(40, 0.03, 0.05, 2).row("target", 100, 4, t).row("actin", 200, 4, actin).render();
        BlotAnalysis a = BlotAnalyzerTest.analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        Table tab = BlotQuantifier.quantify(Collections.singletonList(a), "actin", new int[] {1}, 3, 5).table;
        assertEquals("saturated;relative is a lower bound", tab.get(3, "status"));
        double rel = (Double) tab.get(3, "relative");
        assertTrue(rel > 0 && rel < b.relative(0, 1, 4, 1), "clipped, so below the truth: " + rel);
        assertEquals("control saturated: relative is an upper bound", tab.get(5, "status"));
        assertEquals("ok", tab.get(2, "status"));
    }

    @Test
    void borderRingOnTheBandIsReplacedByTheProfileBaseline() {
        SyntheticBlot.Blot b = BlotAnalyzerTest.film8().render();
        BlotAnalysis a = BlotAnalyzerTest.analyze(b, new BlotSettings(), Arrays.asList("target", "actin"));
        // a user's box holding only the band's middle rows: a 3 px ring around it lies on the band
        Rectangle[] boxes = new Rectangle[a.lanes().size()];
        for (int k = 0; k < boxes.length; k++) {
            Rectangle lane = a.lanes().get(k).bounds();
            boxes[k] = new Rectangle(lane.x, 97, lane.width, 7);
        }
        Map<String, Rectangle[]> byProtein = new LinkedHashMap<>();
        byProtein.put("target", boxes);
        BlotAnalysis m = BlotAnalyzer.remeasure("synthetic", a.image(), a.lanes(), byProtein,
                BackgroundMethod.border(3));
        for (int k = 0; k < boxes.length; k++) {
            String st = m.row("target").measurement(k).status(3);
            assertTrue(st.contains("ring on band: profile baseline used"), "lane " + (k + 1) + ": " + st);
        }
        // the whole band's box keeps its ring
        assertEquals("ok", a.row("target").measurement(0).status(3));
    }
}
