# Reference values for the group comparisons added in issue 11 (ComparisonsTest): Kruskal-Wallis
# with Dunn's test, Welch ANOVA with Games-Howell, Wilcoxon signed-rank, one-sided alternatives,
# effect sizes. R functions where R has them (kruskal.test, oneway.test, wilcox.test, t.test,
# ptukey, p.adjust); Dunn, Games-Howell and the effect sizes from their published formulas
# (Dunn 1964; Games & Howell 1976; Hedges & Olkin 1985; Olejnik & Algina 2003) written out here.
# Run from the repository root:  Rscript src/test/r/comparisons_reference.R
out <- "src/test/resources/org/ihcblotquant/stats/r"
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- character(0)
add <- function(case, key, value) rows <<- c(rows, paste(case, key, value, sep = ","))

pg <- PlantGrowth
aq <- airquality[!is.na(airquality$Ozone), c("Ozone", "Month")]
names(aq) <- c("ozone", "month")
write.csv(pg, file.path(out, "plantgrowth.csv"), row.names = FALSE)
write.csv(aq, file.path(out, "airquality.csv"), row.names = FALSE)
sl <- data.frame(id = sleep$ID, group = sleep$group, extra = sleep$extra)
write.csv(sl, file.path(out, "sleep.csv"), row.names = FALSE)

multi <- list(plantgrowth = list(d = pg, v = "weight", g = "group"),
              airquality = list(d = aq, v = "ozone", g = "month"))
for (nm in names(multi)) {
  m <- multi[[nm]]; y <- m$d[[m$v]]; g <- factor(m$d[[m$g]]); lev <- levels(g); k <- length(lev); N <- length(y)
  kw <- kruskal.test(y, g)
  add(nm, "kw.H", num(kw$statistic)); add(nm, "kw.df", kw$parameter); add(nm, "kw.p", num(kw$p.value))
  # Dunn (1964) z with the tie-corrected variance, two-sided p, Holm
  r <- rank(y); tt <- table(y); C <- sum(tt^3 - tt) / (12 * (N - 1))
  z <- c(); pr <- c(); nmz <- c()
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    ri <- mean(r[g == lev[i]]); rj <- mean(r[g == lev[j]]); ni <- sum(g == lev[i]); nj <- sum(g == lev[j])
    zz <- (rj - ri) / sqrt((N * (N + 1) / 12 - C) * (1 / ni + 1 / nj))
    z <- c(z, zz); pr <- c(pr, 2 * pnorm(-abs(zz))); nmz <- c(nmz, paste0(lev[j], "-", lev[i]))
  }
  ph <- p.adjust(pr, "holm")
  for (q in seq_along(z)) {
    add(nm, paste0("dunn.z.", nmz[q]), num(z[q])); add(nm, paste0("dunn.p.", nmz[q]), num(pr[q]))
    add(nm, paste0("dunn.p_holm.", nmz[q]), num(ph[q]))
  }
  w <- oneway.test(y ~ g, var.equal = FALSE)
  add(nm, "welch.F", num(w$statistic)); add(nm, "welch.df1", num(w$parameter[1]))
  add(nm, "welch.df2", num(w$parameter[2])); add(nm, "welch.p", num(w$p.value))
  # Games-Howell: q = |diff| / sqrt((vi/ni + vj/nj)/2), Welch df, ptukey; CI with qtukey
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    yi <- y[g == lev[i]]; yj <- y[g == lev[j]]; ni <- length(yi); nj <- length(yj)
    vi <- var(yi) / ni; vj <- var(yj) / nj
    d <- mean(yj) - mean(yi); se <- sqrt((vi + vj) / 2)
    df <- (vi + vj)^2 / (vi^2 / (ni - 1) + vj^2 / (nj - 1))
    q <- abs(d) / se; p <- ptukey(q, k, df, lower.tail = FALSE); cr <- qtukey(0.95, k, df)
    key <- paste0(lev[j], "-", lev[i])
    add(nm, paste0("gh.diff.", key), num(d)); add(nm, paste0("gh.lwr.", key), num(d - cr * se))
    add(nm, paste0("gh.upr.", key), num(d + cr * se)); add(nm, paste0("gh.p.", key), num(p))
  }
  a <- anova(lm(y ~ g)); ssb <- a[1, 2]; ssw <- a[2, 2]; msw <- a[2, 3]
  add(nm, "eta2", num(ssb / (ssb + ssw))); add(nm, "omega2", num((ssb - (k - 1) * msw) / (ssb + ssw + msw)))
}

# two groups: sleep (group 1 vs 2, independent and paired by id)
x <- sl$extra[sl$group == 1]; y <- sl$extra[sl$group == 2]
for (alt in c("two.sided", "less", "greater")) {
  tw <- t.test(x, y, alternative = alt)
  ts <- t.test(x, y, alternative = alt, var.equal = TRUE)
  tp <- t.test(x, y, alternative = alt, paired = TRUE)
  wr <- suppressWarnings(wilcox.test(x, y, alternative = alt, exact = FALSE))
  sr <- suppressWarnings(wilcox.test(x, y, alternative = alt, paired = TRUE))
  for (s in list(list("welch", tw), list("student", ts), list("paired", tp))) {
    add("sleep", paste0(s[[1]], ".", alt, ".t"), num(s[[2]]$statistic))
    add("sleep", paste0(s[[1]], ".", alt, ".p"), num(s[[2]]$p.value))
    add("sleep", paste0(s[[1]], ".", alt, ".ci_low"), num(s[[2]]$conf.int[1]))
    add("sleep", paste0(s[[1]], ".", alt, ".ci_high"), num(s[[2]]$conf.int[2]))
  }
  add("sleep", paste0("mw.", alt, ".W"), num(wr$statistic)); add("sleep", paste0("mw.", alt, ".p"), num(wr$p.value))
  add("sleep", paste0("signrank.", alt, ".V"), num(sr$statistic)); add("sleep", paste0("signrank.", alt, ".p"), num(sr$p.value))
}
# signed rank without ties or zeros: exact p
a1 <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
b1 <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
write.csv(data.frame(id = seq_along(a1), before = a1, after = b1), file.path(out, "depression.csv"), row.names = FALSE)
for (alt in c("two.sided", "less", "greater")) {
  sr <- wilcox.test(a1, b1, paired = TRUE, alternative = alt)
  add("depression", paste0("signrank.", alt, ".V"), num(sr$statistic))
  add("depression", paste0("signrank.", alt, ".p"), num(sr$p.value))
}
# effect sizes, PlantGrowth trt2 vs ctrl (no ties between groups -> exact Hodges-Lehmann CI)
x <- pg$weight[pg$group == "trt2"]; y <- pg$weight[pg$group == "ctrl"]; nx <- length(x); ny <- length(y)
sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
d <- (mean(x) - mean(y)) / sp
se_d <- sqrt((nx + ny) / (nx * ny) + d^2 / (2 * (nx + ny)))
J <- 1 - 3 / (4 * (nx + ny) - 9)
add("effect", "cohen_d", num(d)); add("effect", "cohen_d_low", num(d - qnorm(0.975) * se_d))
add("effect", "cohen_d_high", num(d + qnorm(0.975) * se_d))
add("effect", "hedges_g", num(J * d)); add("effect", "hedges_g_low", num(J * (d - qnorm(0.975) * se_d)))
add("effect", "hedges_g_high", num(J * (d + qnorm(0.975) * se_d)))
hl <- suppressWarnings(wilcox.test(x, y, conf.int = TRUE))
add("effect", "hl", num(hl$estimate)); add("effect", "hl_low", num(hl$conf.int[1]))
add("effect", "hl_high", num(hl$conf.int[2])); add("effect", "hl_exact", as.integer(!any(duplicated(c(x, y)))))
writeLines(c(paste("# R", R.version$major, ".", R.version$minor, "; written by src/test/r/comparisons_reference.R", sep = ""),
             "case,key,value", rows), file.path(out, "comparisons-expected.csv"))
