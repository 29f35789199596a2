# Reference values for the confidence intervals of eta^2 and omega^2 of a one-way ANOVA
# (EffectSizeCiTest). Base R only: the noncentrality parameter lambda of the noncentral F is
# found with uniroot on pf(F, df1, df2, ncp = lambda) (R's own noncentral F CDF, pnbeta), as
# effectsize (.get_ncp_F) and MBESS (conf.limits.ncf) define the interval:
#   lower: pf(F; lambda) = 1 - alpha/2,  upper: pf(F; lambda) = alpha/2,
#   a bound is 0 when pf(F; 0) is already at or below its target;
#   eta^2 and omega^2 bounds = lambda / (lambda + df_within)  (effectsize's F_to_eta2(lambda/df1)).
# Run from the repository root:  Rscript src/test/r/effect_size_ci_reference.R
out <- "src/test/resources/org/ihcblotquant/stats/r"
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- character(0)
add <- function(case, key, value) rows <<- c(rows, paste(case, key, value, sep = ","))

ncp_bound <- function(f, df1, df2, target) {
  g <- function(l) pf(f, df1, df2, ncp = l) - target
  if (pf(f, df1, df2) <= target) return(0)
  hi <- max(1, f * df1)
  while (g(hi) > 0) hi <- hi * 2
  uniroot(g, c(0, hi), tol = 1e-13, maxiter = 1000)$root
}

ins <- data.frame(count = InsectSprays$count, spray = as.character(InsectSprays$spray))
# a small unbalanced set (group sizes 3, 5, 2, 4)
unb <- data.frame(value = c(4.1, 5.3, 6.0, 5.9, 6.8, 7.2, 7.9, 6.1, 5.0, 6.2, 6.6, 5.4, 7.4, 8.1),
                  group = c("a", "a", "a", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d"))
# groups that barely differ: F < 1, the whole interval is at 0 (and the lower bound of a low F)
flat <- data.frame(value = c(5.1, 4.8, 5.6, 5.0, 5.3, 4.9, 5.2, 5.5, 5.4, 4.7, 5.0, 5.3),
                   group = rep(c("x", "y", "z"), each = 4))
write.csv(ins, file.path(out, "insectsprays.csv"), row.names = FALSE)
write.csv(unb, file.path(out, "unbalanced.csv"), row.names = FALSE)
write.csv(flat, file.path(out, "flat.csv"), row.names = FALSE)
pg <- read.csv(file.path(out, "plantgrowth.csv"))
aq <- read.csv(file.path(out, "airquality.csv"))

sets <- list(plantgrowth = list(d = pg, v = "weight", g = "group"),
             insectsprays = list(d = ins, v = "count", g = "spray"),
             airquality = list(d = aq, v = "ozone", g = "month"),
             unbalanced = list(d = unb, v = "value", g = "group"),
             flat = list(d = flat, v = "value", g = "group"))
for (nm in names(sets)) {
  s <- sets[[nm]]; y <- s$d[[s$v]]; g <- factor(s$d[[s$g]])
  a <- anova(lm(y ~ g)); f <- a[1, 4]; df1 <- a[1, 1]; df2 <- a[2, 1]
  ssb <- a[1, 2]; ssw <- a[2, 2]; msw <- a[2, 3]
  add(nm, "F", num(f)); add(nm, "df1", df1); add(nm, "df2", df2)
  add(nm, "eta2", num(ssb / (ssb + ssw))); add(nm, "omega2", num((ssb - df1 * msw) / (ssb + ssw + msw)))
  for (cl in c(0.90, 0.95, 0.99)) {
    alpha <- 1 - cl
    lo <- ncp_bound(f, df1, df2, 1 - alpha / 2); hi <- ncp_bound(f, df1, df2, alpha / 2)
    k <- sprintf("%.2f", cl)
    add(nm, paste0("ncp_low.", k), num(lo)); add(nm, paste0("ncp_high.", k), num(hi))
    add(nm, paste0("eta2_low.", k), num(lo / (lo + df2))); add(nm, paste0("eta2_high.", k), num(hi / (hi + df2)))
  }
}
# the lambda interval (95 %) at given F values: large lambda, a huge df2, F so small both bounds are 0
direct <- rbind(c(1000, 3, 20), c(60, 2, 500), c(2.5, 1, 1e6), c(0.01, 4, 30))
for (i in seq_len(nrow(direct))) {
  r <- direct[i, ]; k <- paste(r, collapse = "/")
  add("direct", paste0(k, "/low"), num(ncp_bound(r[1], r[2], r[3], 0.975)))
  add("direct", paste0(k, "/high"), num(ncp_bound(r[1], r[2], r[3], 0.025)))
}
# the noncentral F CDF itself at a few points, including large lambda
cdf <- rbind(c(2.5, 3, 20, 0), c(2.5, 3, 20, 4.2), c(0.7, 1, 5, 0.3), c(34.7, 5, 66, 170),
             c(34.7, 5, 66, 120), c(1.1, 10, 100, 30), c(3, 2, 7.5, 12.25), c(50, 4, 1000, 400))
for (i in seq_len(nrow(cdf))) {
  r <- cdf[i, ]
  add("cdf", paste(r, collapse = "/"), num(pf(r[1], r[2], r[3], ncp = r[4])))
}
writeLines(c(paste0("# ", R.version$major, ".", R.version$minor,
                    "; written by src/test/r/effect_size_ci_reference.R"), "case,key,value", rows),
           file.path(out, "effect-size-ci-expected.csv"))
