# Reference values for Dunnett's many-to-one test (org.ihcblotquant.plate.Dunnett), printed by
# R's multcomp (single-step adjusted p and simultaneous confidence intervals, two-sided).
# R is not available when the Java tests run, so the output is stored as a test fixture:
#
#   Rscript src/test/r/dunnett-reference.R > src/test/resources/org/ihcblotquant/plate/dunnett-reference.csv
#
# mvtnorm's integration is randomised quasi-Monte Carlo: a fixed seed and a tight absolute error
# (1e-5) make the stored digits reproducible to well within the 1e-3 the tests ask for.
suppressPackageStartupMessages(library(multcomp))
set.seed(20261202)
alg <- GenzBretz(maxpts = 1e6, abseps = 1e-5, releps = 0)

datasets <- list(
  # multcomp's own example: blanket b0 is the control, unequal n (20, 3, 3, 15)
  recovery = data.frame(group = recovery$blanket, value = recovery$minutes),
  # R's PlantGrowth: ctrl against trt1 and trt2 (n = 10 each)
  plantgrowth = data.frame(group = PlantGrowth$group, value = PlantGrowth$weight),
  # CCK-8 viability in percent of control, triplicates, control + 4 doses
  triplicates = data.frame(
    group = factor(rep(c("ctrl", "d0.1", "d0.5", "d1", "d5"), each = 3),
                   levels = c("ctrl", "d0.1", "d0.5", "d1", "d5")),
    value = c(98.2, 101.5, 100.3,  95.1, 92.8, 97.7,  84.0, 88.9, 81.2,
              61.5, 66.0, 58.7,  31.2, 28.4, 35.9)),
  # unequal n, seven treatments (k = 7) and a small control
  unequal = data.frame(
    group = factor(rep(c("C", "T1", "T2", "T3", "T4", "T5", "T6", "T7"), times = c(2, 3, 4, 5, 3, 2, 4, 3)),
                   levels = c("C", "T1", "T2", "T3", "T4", "T5", "T6", "T7")),
    value = c(1.00, 1.10,  1.20, 1.05, 1.15,  1.40, 1.30, 1.35, 1.50,  0.90, 1.00, 0.95, 1.10, 1.05,
              1.60, 1.70, 1.55,  1.02, 1.12,  0.80, 0.85, 0.95, 0.90,  1.25, 1.30, 1.18)),
  # one treatment only: Dunnett reduces to the pooled two-sample t-test
  two = data.frame(group = factor(rep(c("ctrl", "drug"), times = c(3, 4))),
                   value = c(1.01, 0.95, 1.07, 0.71, 0.80, 0.66, 0.77))
)

cat("dataset,condition,vs,difference,ci_low,ci_high,t,p,critical_value,df\n")
for (name in names(datasets)) {
  d <- datasets[[name]]
  fit <- aov(value ~ group, data = d)
  g <- glht(fit, linfct = mcp(group = "Dunnett"))
  s <- summary(g, test = adjusted("single-step", algorithm = alg))
  ci <- confint(g, level = 0.95, calpha = adjusted_calpha(algorithm = alg))
  crit <- attr(ci$confint, "calpha")
  lv <- levels(d$group)
  for (i in seq_along(s$test$coefficients)) {
    cat(sprintf("%s,%s,%s,%.12g,%.12g,%.12g,%.12g,%.10g,%.10g,%d\n", name, lv[i + 1], lv[1],
                s$test$coefficients[i], ci$confint[i, "lwr"], ci$confint[i, "upr"],
                s$test$tstat[i], s$test$pvalues[i], crit, fit$df.residual))
  }
}
