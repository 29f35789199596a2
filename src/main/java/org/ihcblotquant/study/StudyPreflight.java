package org.ihcblotquant.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ihcblotquant.core.InputException;
import org.ihcblotquant.io.CsvTable;
import org.ihcblotquant.io.ImageFiles;
import org.ihcblotquant.stats.StatsInput;

/**
 * Checks a study against the disk before any image is scored, so that a wrong path or column
 * stops the run within a second with a message saying what to fix: missing folders and files, a
 * marker without images, a clinical sheet without the named columns or with no level named in
 * the study, image ids that match no patient of the sheet.
 */
public final class StudyPreflight {

    private StudyPreflight() {
    }

    public static StudyInputs check(StudyConfig config) {
        String file = config.file().getFileName().toString();
        List<String> warnings = new ArrayList<>();
        Map<String, List<Path>> images = new LinkedHashMap<>();
        for (MarkerSpec m : config.markers()) {
            images.put(m.name(), markerImages(file, m));
        }
        for (BlotSpec b : config.blots()) {
            if (!Files.isRegularFile(b.image())) {
                throw new InputException(file + ": blot '" + b.name() + "': image " + b.image() + " not found");
            }
        }
        for (PlateSpec p : config.plates()) {
            for (java.nio.file.Path f : java.util.Arrays.asList(p.reads(), p.layout())) {
                if (!Files.isRegularFile(f)) {
                    throw new InputException(file + ": plate '" + p.name() + "': " + f + " not found");
                }
            }
        }
        CsvTable clinical = null;
        if (config.clinical() != null) {
            clinical = clinicalSheet(file, config.clinical());
            Set<String> ids = clinicalIds(clinical, config.clinical());
            for (MarkerSpec m : config.markers()) {
                checkIds(file, config, m, images.get(m.name()), ids, warnings);
            }
        }
        for (MarkerSpec m : config.markers()) {
            fieldsAsPatients(config, m, images.get(m.name()), warnings);
        }
        return new StudyInputs(images, clinical, warnings);
    }

    private static List<Path> markerImages(String file, MarkerSpec m) {
        for (Path in : m.inputs()) {
            if (!Files.exists(in)) {
                throw new InputException(file + ": marker '" + m.name() + "': " + in + " not found");
            }
        }
        try {
            return ImageFiles.expand(m.inputs());
        } catch (InputException e) {
            throw new InputException(file + ": marker '" + m.name() + "': " + e.getMessage());
        }
    }

    private static CsvTable clinicalSheet(String file, ClinicalSpec c) {
        if (!Files.isRegularFile(c.file())) {
            throw new InputException(file + ": clinical sheet " + c.file() + " not found");
        }
        CsvTable t = CsvTable.read(c.file());
        List<String> missing = new ArrayList<>();
        for (String col : c.requiredColumns()) {
            if (!t.hasColumn(col) && !missing.contains(col)) {
                missing.add(col);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(c.file() + ": no column " + String.join(", ", missing)
                    + " (named in " + file + " under clinical); the sheet has: " + String.join(", ", t.header()));
        }
        if (c.group() != null && !c.levels().isEmpty()) {
            Set<String> have = new LinkedHashSet<>();
            int gc = t.column(c.group());
            for (int r = 0; r < t.rowCount(); r++) {
                if (!StatsInput.isMissing(t.get(r, gc))) {
                    have.add(t.get(r, gc));
                }
            }
            for (String l : c.levels()) {
                if (!have.contains(l)) {
                    throw new InputException(c.file() + ": group '" + l + "' (clinical.levels in " + file
                            + ") does not occur in column '" + c.group() + "' (values: " + String.join(", ", have) + ")");
                }
            }
        }
        return t;
    }

    private static Set<String> clinicalIds(CsvTable t, ClinicalSpec c) {
        Set<String> ids = new LinkedHashSet<>();
        int ic = t.column(c.id());
        for (int r = 0; r < t.rowCount(); r++) {
            String id = t.get(r, ic).trim();
            if (!id.isEmpty() && !ids.add(id)) {
                throw new InputException(c.file() + ": patient id '" + id + "' appears twice in column '" + c.id()
                        + "' (" + CsvTable.rowLabel(r) + "); one row per patient");
            }
        }
        return ids;
    }

    private static void checkIds(String file, StudyConfig config, MarkerSpec m, List<Path> images, Set<String> ids,
            List<String> warnings) {
        Set<String> fromImages = new LinkedHashSet<>();
        boolean[] matched = new boolean[1];
        for (Path p : images) {
            fromImages.add(config.patientOf(p.getFileName().toString(), matched));
        }
        List<String> unknown = new ArrayList<>();
        for (String id : fromImages) {
            if (!ids.contains(id)) {
                unknown.add(id);
            }
        }
        if (unknown.size() == fromImages.size()) {
            throw new InputException(file + ": marker '" + m.name() + "': no image id matches a patient of "
                    + config.clinical().file().getFileName() + " (image ids: " + sample(fromImages) + "; column '"
                    + config.clinical().id() + "': " + sample(ids) + "); check id-pattern and clinical.id");
        }
        if (!unknown.isEmpty()) {
            warnings.add("marker " + m.name() + ": " + unknown.size() + " image id(s) not in the clinical sheet, left out"
                    + " of the tests: " + sample(unknown));
        }
        List<String> noImages = new ArrayList<>();
        for (String id : ids) {
            if (!fromImages.contains(id)) {
                noImages.add(id);
            }
        }
        if (!noImages.isEmpty()) {
            warnings.add("marker " + m.name() + ": " + noImages.size() + " patient(s) of the clinical sheet have no image: "
                    + sample(noImages));
        }
    }

    /** Image names the id pattern did not match: each such field would count as a patient of its own. */
    private static void fieldsAsPatients(StudyConfig config, MarkerSpec m, List<Path> images, List<String> warnings) {
        List<String> names = new ArrayList<>();
        boolean[] matched = new boolean[1];
        for (Path p : images) {
            config.patientOf(p.getFileName().toString(), matched);
            if (!matched[0]) {
                names.add(p.getFileName().toString());
            }
        }
        if (!names.isEmpty()) {
            warnings.add("marker " + m.name() + ": the id pattern did not match " + names.size() + " image name(s), so"
                    + " each of them counts as a patient of its own (fields counted as patients): " + sample(names));
        } else if (config.idPattern() == null && images.size() > 1) {
            warnings.add("marker " + m.name() + ": no id-pattern in the study, so every image counts as a patient of"
                    + " its own (fields counted as patients); set id-pattern when a patient has several fields");
        }
    }

    static String sample(Iterable<String> items) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String s : items) {
            if (n++ < 8) {
                out.add(s);
            }
        }
        return String.join(", ", out) + (n > 8 ? ", ... (" + n + " in all)" : "");
    }
}
