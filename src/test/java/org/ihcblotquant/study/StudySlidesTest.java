package org.ihcblotquant.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ihcblotquant.core.ProgressListener;
import org.ihcblotquant.ihc.IhcSettings;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.job.IhcBatchJob;
import org.ihcblotquant.io.Table;
import org.ihcblotquant.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole slide in a marker's folder (a public OME-TIFF pyramid, linked, not copied) is scored tile
 * by tile through the slide package, exactly as {@code ihcq ihc} scores it, and gets its QC picture.
 */
class StudySlidesTest {

    @Test
    void wholeSlideIsScoredAsIhcqIhcScoresIt(@TempDir Path dir) throws Exception {
        Path slide = SharedData.testImage("ihc/openslide_OS-2-ndpi_Ki67.ome.tif");
        Path folder = Files.createDirectories(dir.resolve("slides"));
        Files.createSymbolicLink(folder.resolve("OS2_slide.ome.tif"), slide.toAbsolutePath());
        Path study = dir.resolve("study.yaml");
        // a marker's images may be folders, files or a list of them
        Files.write(study, "id-pattern: '^(OS\\d)_'\nmarkers:\n  - {name: Ki67, images: [slides/OS2_slide.ome.tif]}\n"
                .getBytes(StandardCharsets.UTF_8));
        StudyOutcome o = new StudyJob().run(new StudyRequest(study, dir.resolve("out"), true, 1),
                ProgressListener.NONE);
        CsvTable images = CsvTable.read(dir.resolve("out/tables/images.csv"));
        assertEquals(1, images.rowCount());
        assertEquals("ok", images.get(0, images.column("status")));
        Table batch = new IhcBatchJob().run(IhcBatchJob.Request.builder(IhcSettings.defaults().withMarker("Ki67"))
                .input(folder).build(), ProgressListener.NONE).images();
        for (String c : new String[] {"width", "height", "tissue_px", "dab_mean_od", "h_score"}) {
            assertEquals(((Number) batch.get(0, c)).doubleValue(), Double.parseDouble(images.get(0, images.column(c))),
                    1e-12, c);
        }
        String html = new String(Files.readAllBytes(o.report()), StandardCharsets.UTF_8);
        assertTrue(html.contains("data:image/jpeg;base64,"), "QC picture of the slide");
    }
}
