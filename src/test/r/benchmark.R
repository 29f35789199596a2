# Survival benchmark (docs/BENCHMARKS.md, issue 11): 200,000 subjects, continuous times, two
# groups and two covariates. Writes the table once (if missing) and times R's
# read.csv + survfit + survdiff + coxph on it.
# Usage: Rscript src/test/r/benchmark.R /tmp/surv200k.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) > 0) args[1] else "surv200k.csv"
if (!file.exists(file)) {
  set.seed(11)
  n <- 200000
  group <- sample(c("A", "B"), n, replace = TRUE)
  age <- round(rnorm(n, 60, 10), 1)
  score <- runif(n)
  rate <- 0.05 * exp(0.4 * (group == "B") + 0.02 * (age - 60) + 0.5 * score)
  t <- rexp(n, rate)
  cens <- runif(n, 0, 60)
  write.csv(data.frame(id = seq_len(n), time = pmin(t, cens), status = as.integer(t <= cens),
                       group = group, age = age, score = score), file, row.names = FALSE)
}
tm <- system.time({
  d <- read.csv(file)
  f <- survfit(Surv(time, status) ~ group, data = d)
  s <- survdiff(Surv(time, status) ~ group, data = d)
  c1 <- coxph(Surv(time, status) ~ group, data = d)
})
tm2 <- system.time({
  c3 <- coxph(Surv(time, status) ~ group + age + score, data = d)
})
cat(sprintf("R %s survival %s: n = %d, distinct times = %d\n", paste(R.version$major, R.version$minor, sep = "."),
            packageVersion("survival"), nrow(d), length(unique(d$time))))
cat(sprintf("read.csv + survfit + survdiff + coxph(~group): %.2f s elapsed\n", tm[["elapsed"]]))
cat(sprintf("coxph(~group + age + score): %.2f s elapsed; coef %s\n", tm2[["elapsed"]],
            paste(sprintf("%.6f", coef(c3)), collapse = " ")))
cat(sprintf("logrank chisq %.6f, cox(~group) coef %.6f\n", s$chisq, coef(c1)))
