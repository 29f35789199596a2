# Reference values for the optimal cut-point (org.ihcblotquant.stats.CutPointTest): maximally
# selected log-rank statistic over the 10-90 % range with the Lausen-Schumacher (1992) p-value,
# as maxstat::maxstat.test(..., smethod = "LogRank", pmethod = "Lau92"); also the median and
# tertile cuts (R quantile type 7). Uses the data sets written by cox_reference.R.
# Needs the maxstat package (Debian: r-cran-maxstat).
# Run from the repository root:  Rscript src/test/r/maxstat_reference.R
suppressPackageStartupMessages({library(survival); library(maxstat)})
out <- "src/test/resources/org/ihcblotquant/stats/r"
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- character(0)
add <- function(case, key, value) rows <<- c(rows, paste(case, key, value, sep = ","))
lung <- read.csv(file.path(out, "lung.csv"))
vet <- read.csv(file.path(out, "veteran.csv"))
cases <- list(
  list(id = "lung_age", data = "lung", d = lung, time = "time", event = "status", x = "age", min = 0.1, max = 0.9),
  list(id = "lung_wt_loss", data = "lung", d = lung, time = "time", event = "status", x = "wt_loss", min = 0.1, max = 0.9),
  list(id = "veteran_karno", data = "veteran", d = vet, time = "time", event = "status", x = "karno", min = 0.1, max = 0.9),
  list(id = "veteran_age_20_80", data = "veteran", d = vet, time = "time", event = "status", x = "age", min = 0.2, max = 0.8)
)
for (cs in cases) {
  f <- as.formula(paste("Surv(", cs$time, ",", cs$event, ") ~", cs$x))
  m <- maxstat.test(f, data = cs$d, smethod = "LogRank", pmethod = "Lau92", minprop = cs$min, maxprop = cs$max)
  add(cs$id, "spec.data", cs$data); add(cs$id, "spec.time", cs$time); add(cs$id, "spec.event", cs$event)
  add(cs$id, "spec.x", cs$x); add(cs$id, "spec.minprop", cs$min); add(cs$id, "spec.maxprop", cs$max)
  add(cs$id, "statistic", num(m$statistic)); add(cs$id, "estimate", num(m$estimate))
  add(cs$id, "p", num(m$p.value)); add(cs$id, "ncuts", length(m$cuts))
  add(cs$id, "median", num(median(cs$d[[cs$x]])))
  q <- quantile(cs$d[[cs$x]], c(1/3, 2/3), type = 7)
  add(cs$id, "tertile1", num(q[1])); add(cs$id, "tertile2", num(q[2]))
}
writeLines(c(paste("# R", R.version$major, ".", R.version$minor, ", maxstat ", packageVersion("maxstat"),
                   "; written by src/test/r/maxstat_reference.R", sep = ""),
             "case,key,value", rows), file.path(out, "maxstat-expected.csv"))
