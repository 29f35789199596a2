# Reference values for the survival additions (org.ihcblotquant.stats.SurvivalAdditionsTest):
# stratified log-rank, log-rank trend, pairwise log-rank with p.adjust, RMST, survival at
# given times, the printed median table. Uses the data sets written by cox_reference.R.
# Run from the repository root:  Rscript src/test/r/survival_reference.R
suppressPackageStartupMessages(library(survival))
out <- "src/test/resources/org/ihcblotquant/stats/r"
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- character(0)
add <- function(case, key, value) rows <<- c(rows, paste(case, key, value, sep = ","))

vet <- read.csv(file.path(out, "veteran.csv"))
lung <- read.csv(file.path(out, "lung.csv"))
ova <- read.csv(file.path(out, "ovarian.csv"))

# stratified log-rank: celltype stratified by trt (veteran); rx stratified by resid_ds (ovarian)
s1 <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = vet)
add("strat_veteran", "chisq", num(s1$chisq)); add("strat_veteran", "df", length(s1$n) - 1)
add("strat_veteran", "p", num(pchisq(s1$chisq, length(s1$n) - 1, lower.tail = FALSE)))
s2 <- survdiff(Surv(futime, fustat) ~ rx + strata(resid_ds), data = ova)
add("strat_ovarian", "chisq", num(s2$chisq)); add("strat_ovarian", "df", 1)
add("strat_ovarian", "p", num(pchisq(s2$chisq, 1, lower.tail = FALSE)))

# log-rank test for trend over ph.ecog 0,1,2,3 with scores 0..3: U = w'(O - E), V = w' var w
s3 <- survdiff(Surv(time, status) ~ ph_ecog, data = lung)
w <- c(0, 1, 2, 3)
U <- sum(w * (s3$obs - s3$exp)); V <- drop(t(w) %*% s3$var %*% w)
add("trend_lung", "chisq", num(U^2 / V)); add("trend_lung", "p", num(pchisq(U^2 / V, 1, lower.tail = FALSE)))

# pairwise log-rank over veteran celltype (each pair its own survdiff), then p.adjust
lev <- sort(unique(vet$celltype))
ps <- c(); nm <- c()
for (i in 1:(length(lev) - 1)) for (j in (i + 1):length(lev)) {
  d <- vet[vet$celltype %in% c(lev[i], lev[j]), ]
  s <- survdiff(Surv(time, status) ~ celltype, data = d)
  ps <- c(ps, pchisq(s$chisq, 1, lower.tail = FALSE)); nm <- c(nm, paste0(lev[j], "-", lev[i]))
  add("pairwise_veteran", paste0("chisq.", lev[j], "-", lev[i]), num(s$chisq))
}
names(ps) <- nm
for (m in c("none", "holm", "bonferroni", "BH")) {
  a <- p.adjust(ps, m)
  for (k in seq_along(a)) add("pairwise_veteran", paste0(m, ".", names(a)[k]), num(a[k]))
}

# RMST to tau = 200 days, survival at 30, 90, 180 days, and the printed median table per celltype
fit <- survfit(Surv(time, status) ~ celltype, data = vet)
tab <- summary(fit, rmean = 200)$table
for (k in seq_len(nrow(tab))) {
  g <- sub("celltype=", "", rownames(tab)[k])
  add("km_veteran", paste0("rmean.", g), num(tab[k, "rmean"]))
  add("km_veteran", paste0("se_rmean.", g), num(tab[k, "se(rmean)"]))
  add("km_veteran", paste0("median.", g), num(tab[k, "median"]))
  add("km_veteran", paste0("median_lower.", g), num(tab[k, "0.95LCL"]))
  add("km_veteran", paste0("median_upper.", g), num(tab[k, "0.95UCL"]))
}
st <- summary(fit, times = c(30, 90, 180))
for (k in seq_along(st$time)) {
  g <- sub("celltype=", "", as.character(st$strata[k]))
  key <- paste0(g, "@", st$time[k])
  add("km_veteran", paste0("surv.", key), num(st$surv[k]))
  add("km_veteran", paste0("lower.", key), num(st$lower[k]))
  add("km_veteran", paste0("upper.", key), num(st$upper[k]))
}
writeLines(c(paste("# R", R.version$major, ".", R.version$minor, ", survival", packageVersion("survival"),
                   "; written by src/test/r/survival_reference.R", sep = ""),
             "case,key,value", rows), file.path(out, "survival-expected.csv"))
