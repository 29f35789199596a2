package org.ihcblotquant.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ihcblotquant.ihc.SyntheticIhc;

/** A small synthetic study for the study tests: six patients, two markers, a clinical sheet, a study file. */
public final class SmallStudy {
    public static final String[] IDS = {"S1", "S2", "S3", "R1", "R2", "R3"};

    private SmallStudy() {
    }

    /** Two markers, one 120x90 field per patient, DAB higher in the R patients; clinical sheet with OS. */
    public static Path write(Path dir, String survivalCut) throws IOException {
        long seed = 5;
        for (String marker : new String[] {"A", "B"}) {
            for (int p = 0; p < IDS.length; p++) {
                double[] levels = {0.0, 0.3, 0.6 + 0.1 * p};
                double[] w = p < 3 ? new double[] {0.6, 0.3, 0.1} : new double[] {0.2, 0.3, 0.5};
                SyntheticIhc.Sample s = new SyntheticIhc().size(120, 90).tissueCover(0.6).dab(levels, w)
                        .seed(seed++).generate();
                Path f = dir.resolve("img").resolve(marker).resolve(IDS[p] + "_f1.png");
                Files.createDirectories(f.getParent());
                ImageIO.write(s.image.getBufferedImage(), "png", f.toFile());
            }
        }
        StringBuilder clin = new StringBuilder("id,response,os,dead\n");
        for (int p = 0; p < IDS.length; p++) {
            clin.append(IDS[p]).append(p < 3 ? ",sensitive," : ",resistant,").append(10 + 7 * p).append(',')
                    .append(p % 2).append('\n');
        }
        Files.write(dir.resolve("clinical.csv"), clin.toString().getBytes(StandardCharsets.UTF_8));
        String yaml = "study: small\nid-pattern: '^([SR]\\d)_'\nmarkers:\n"
                + "  - {name: A, images: img/A, score: dab_mean_od}\n"
                + "  - {name: B, images: img/B, score: h_score}\n"
                + "clinical:\n  file: clinical.csv\n  id: id\n  group: response\n  levels: [sensitive, resistant]\n"
                + "  endpoints:\n    OS: {time: os, event: dead}\n"
                + "tests:\n  survival:\n    - {marker: A, cut: " + survivalCut + "}\n";
        Path study = dir.resolve("study.yaml");
        Files.write(study, yaml.getBytes(StandardCharsets.UTF_8));
        return study;
    }
}
