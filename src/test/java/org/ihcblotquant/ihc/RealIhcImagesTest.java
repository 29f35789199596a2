package org.ihcblotquant.ihc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.stain.Background;
import org.ihcblotquant.testutil.SharedData;
import org.junit.jupiter.api.Test;

/** The public IHC images in ../shared/test-images/ihc, against what their sources say of them. */
class RealIhcImagesTest {
    private final IhcAnalysis analysis = new IhcAnalysis(IhcSettings.defaults());

    private IhcImageResult score(String f) {
        return analysis.scoreFile(SharedData.testImage("ihc/" + f), ProgressListener.NONE);
    }

    @Test
    void strongDiffuseStainingOutscoresWeakSparseStaining() {
        // SOURCES.md: Alex_Pan_06 strong diffuse cytoplasmic DAB, ~25 % glass; Native_Trop_02 weak sparse, ~40 % glass
        IhcImageResult strong = score("meklon_DAB_analyzer_Alex_Pan_06.jpg");
        IhcImageResult weak = score("meklon_DAB_analyzer_Native_Trop_02.jpg");
        assertEquals("ok", strong.status());
        assertEquals("ok", weak.status());
        assertEquals(Background.Source.GLASS, strong.background().source());
        assertEquals(0.75, strong.counts().tissueFraction(), 0.12);
        assertEquals(0.60, weak.counts().tissueFraction(), 0.12);
        assertTrue(strong.counts().meanChromogen() > 2 * weak.counts().meanChromogen());
        assertTrue(strong.counts().hScore() > 2 * weak.counts().hScore());
        assertTrue(strong.counts().positiveFraction() > 0.4, "strong diffuse staining: most tissue positive");
        assertTrue(weak.counts().positiveFraction() < 0.3, "weak sparse staining");
    }

    @Test
    void fieldWithoutGlassSaysSo() {
        IhcImageResult r = score("deepliif_Bladder1_Ki67_crop512.png");
        assertEquals("ok", r.status());
        assertEquals(Background.Source.NO_GLASS_FALLBACK, r.background().source());
        assertTrue(r.notes().contains("no glass in the image: background 255 used"), r.notes().toString());
        assertEquals(1.0, r.counts().tissueFraction(), 0.02);
        // Ki67: a minority of nuclei positive
        assertTrue(r.counts().positiveFraction() < 0.3);
    }

    @Test
    void tiledWholeSlideTiffIsAClearError() {
        IhcImageResult r = score("openslide_OS-2-ndpi_Ki67.ome.tif");
        assertTrue(r.status().startsWith("error:") && r.status().contains("tiled TIFF")
                && r.status().contains("openslide_OS-2-ndpi_Ki67.ome.tif"), r.status());
    }
}
