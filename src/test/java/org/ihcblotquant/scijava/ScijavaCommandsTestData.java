package org.ihcblotquant.scijava;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small reference data the command tests share. */
public final class ScijavaCommandsTestData {

    private ScijavaCommandsTestData() {
    }

    /** R's survival::aml data set. */
    public static Path aml(Path file) throws Exception {
        int[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        int[] status = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};
        StringBuilder sb = new StringBuilder("time,status,x\n");
        for (int i = 0; i < time.length; i++) {
            sb.append(time[i]).append(',').append(status[i]).append(',').append(i < 11 ? "Maintained" : "Nonmaintained")
                    .append('\n');
        }
        return Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

}
