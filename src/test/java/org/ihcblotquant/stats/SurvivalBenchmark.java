package org.ihcblotquant.stats;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

import org.ihcblotquant.io.CsvTable;

/**
 * The survival benchmark of docs/BENCHMARKS.md (not a test: tests never assert times). Reads the
 * table written by src/test/r/benchmark.R and times what {@code ihcq stats survival} does on it
 * (read, Kaplan–Meier per group, log-rank, joint Cox model and the log-rank hazard ratios), then
 * a Cox model with the group and two numeric covariates.
 * Usage: java -cp ... org.ihcblotquant.stats.SurvivalBenchmark /tmp/surv200k.csv
 */
public final class SurvivalBenchmark {

    private SurvivalBenchmark() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "surv200k.csv";
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            ColumnData d = ColumnData.of(CsvTable.read(Paths.get(file)));
            Warnings w = new Warnings();
            SurvivalData data = StatsInput.survival(d, "time", "status", StatsInput.Grouping.byColumn("group"),
                    EventCodes.defaults(), null, w);
            SurvivalAnalysis a = SurvivalAnalysis.run(data, new SurvivalAnalysis.Options(), w);
            long t1 = System.nanoTime();
            CoxData cd = CoxData.read(d, "time", "status", EventCodes.defaults(), Arrays.asList("age", "score"),
                    Collections.singletonList("group"), Collections.<String, String>emptyMap(), null, w);
            CoxRegression cox = CoxRegression.fit(cd, CoxModel.Ties.EFRON, 0.95, w);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT,
                    "round %d: n = %d; read + KM + log-rank + Cox(~group): %.2f s; Cox(~group + age + score)"
                            + " incl. concordance and cox.zph: %.2f s%n",
                    round + 1, data.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            System.out.printf(Locale.ROOT, "  logrank chisq %.6f, cox(~group) hr %.6f; coef %.6f %.6f %.6f%n",
                    a.logRank.chisq, a.primaryHazardRatio().hr, cox.coefficients.get(0).coef,
                    cox.coefficients.get(1).coef, cox.coefficients.get(2).coef);
        }
    }
}
