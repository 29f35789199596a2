# Reference values for the Cox model tests (org.ihcblotquant.stats.CoxRegressionTest).
# Run from the repository root:  Rscript src/test/r/cox_reference.R
# Writes the data sets it uses and, per case, the values R (survival package) prints, to
# src/test/resources/org/ihcblotquant/stats/r/ . The Java tests read these files; R is not
# needed at test time.
suppressPackageStartupMessages(library(survival))
out <- "src/test/resources/org/ihcblotquant/stats/r"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# Data sets (complete cases of the columns used; event recoded to 1/0)
lung2 <- with(survival::lung, data.frame(time = time, status = status - 1, age = age, sex = sex,
                                         ph_ecog = ph.ecog, wt_loss = wt.loss))
lung2 <- lung2[complete.cases(lung2), ]
vet <- with(survival::veteran, data.frame(time = time, status = status, trt = trt,
                                          celltype = as.character(celltype), karno = karno,
                                          diagtime = diagtime, age = age, prior = prior))
ova <- with(survival::ovarian, data.frame(futime = futime, fustat = fustat, age = age,
                                          resid_ds = resid.ds, rx = rx, ecog_ps = ecog.ps))
write.csv(lung2, file.path(out, "lung.csv"), row.names = FALSE)
write.csv(vet, file.path(out, "veteran.csv"), row.names = FALSE)
write.csv(ova, file.path(out, "ovarian.csv"), row.names = FALSE)
data <- list(lung = lung2, veteran = vet, ovarian = ova)

# case: data, time, event, numeric covariates, factors, factor reference levels (factor=level), strata, ties
cases <- list(
  list(id = "lung_efron", data = "lung", time = "time", event = "status",
       cov = c("age", "sex", "ph_ecog", "wt_loss"), fac = c(), ref = c(), strata = "", ties = "efron"),
  list(id = "lung_breslow", data = "lung", time = "time", event = "status",
       cov = c("age", "sex", "ph_ecog", "wt_loss"), fac = c(), ref = c(), strata = "", ties = "breslow"),
  list(id = "lung_factor_strata", data = "lung", time = "time", event = "status",
       cov = c("age"), fac = c("ph_ecog"), ref = c(), strata = "sex", ties = "efron"),
  list(id = "veteran_celltype", data = "veteran", time = "time", event = "status",
       cov = c("karno", "age", "diagtime"), fac = c("celltype", "trt"), ref = c(), strata = "", ties = "efron"),
  list(id = "veteran_reference_large", data = "veteran", time = "time", event = "status",
       cov = c("karno"), fac = c("celltype"), ref = c(celltype = "large"), strata = "prior", ties = "breslow"),
  list(id = "veteran_one_factor", data = "veteran", time = "time", event = "status",
       cov = c(), fac = c("celltype"), ref = c(), strata = "", ties = "efron"),
  list(id = "ovarian_efron", data = "ovarian", time = "futime", event = "fustat",
       cov = c("age", "ecog_ps"), fac = c("rx"), ref = c(), strata = "", ties = "efron"),
  list(id = "ovarian_strata_breslow", data = "ovarian", time = "futime", event = "fustat",
       cov = c("age"), fac = c(), ref = c(), strata = "resid_ds", ties = "breslow")
)

rows <- character(0)
add <- function(case, key, value) rows <<- c(rows, paste(case, key, value, sep = ","))
for (cs in cases) {
  d <- data[[cs$data]]
  terms <- c(cs$cov)
  for (f in cs$fac) {
    lev <- sort(unique(d[[f]]))
    if (f %in% names(cs$ref)) lev <- c(cs$ref[[f]], setdiff(lev, cs$ref[[f]]))
    d[[f]] <- factor(d[[f]], levels = lev)
    terms <- c(terms, f)
  }
  rhs <- paste(terms, collapse = " + ")
  if (cs$strata != "") rhs <- paste(rhs, "+ strata(", cs$strata, ")")
  fml <- as.formula(paste("Surv(", cs$time, ",", cs$event, ") ~", rhs))
  fit <- coxph(fml, data = d, ties = cs$ties)
  s <- summary(fit)
  id <- cs$id
  add(id, "spec.data", cs$data); add(id, "spec.time", cs$time); add(id, "spec.event", cs$event)
  add(id, "spec.covariates", paste(cs$cov, collapse = ";"))
  add(id, "spec.factors", paste(cs$fac, collapse = ";"))
  add(id, "spec.reference", paste(names(cs$ref), unlist(cs$ref), sep = "=", collapse = ";"))
  add(id, "spec.strata", cs$strata); add(id, "spec.ties", cs$ties)
  add(id, "n", fit$n); add(id, "events", fit$nevent)
  add(id, "loglik0", num(fit$loglik[1])); add(id, "loglik", num(fit$loglik[2]))
  cf <- s$coefficients; ci <- s$conf.int
  for (i in seq_len(nrow(cf))) {
    t <- rownames(cf)[i]
    add(id, paste0("coef.", t), num(cf[i, "coef"]))
    add(id, paste0("se.", t), num(cf[i, "se(coef)"]))
    add(id, paste0("hr.", t), num(cf[i, "exp(coef)"]))
    add(id, paste0("z.", t), num(cf[i, "z"]))
    add(id, paste0("p.", t), num(cf[i, "Pr(>|z|)"]))
    add(id, paste0("ci_low.", t), num(ci[i, "lower .95"]))
    add(id, paste0("ci_high.", t), num(ci[i, "upper .95"]))
  }
  add(id, "lr.statistic", num(s$logtest["test"])); add(id, "lr.df", num(s$logtest["df"]))
  add(id, "lr.p", num(s$logtest["pvalue"]))
  # summary() rounds the Wald statistic to 2 decimals: take it from the fit
  add(id, "wald.statistic", num(fit$wald.test)); add(id, "wald.df", num(s$waldtest["df"]))
  add(id, "wald.p", num(pchisq(fit$wald.test, s$waldtest["df"], lower.tail = FALSE)))
  add(id, "score.statistic", num(s$sctest["test"])); add(id, "score.df", num(s$sctest["df"]))
  add(id, "score.p", num(s$sctest["pvalue"]))
  add(id, "concordance", num(fit$concordance["concordance"]))
  z <- cox.zph(fit, transform = "km")$table
  for (i in seq_len(nrow(z))) {
    t <- rownames(z)[i]
    add(id, paste0("zph.chisq.", t), num(z[i, "chisq"]))
    add(id, paste0("zph.df.", t), num(z[i, "df"]))
    add(id, paste0("zph.p.", t), num(z[i, "p"]))
  }
}
writeLines(c(paste("# R", R.version$major, ".", R.version$minor, ", survival", packageVersion("survival"),
                   "; written by src/test/r/cox_reference.R", sep = ""),
             "case,key,value", rows), file.path(out, "cox-expected.csv"))
