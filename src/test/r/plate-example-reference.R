# End-to-end reference for the example plate (test-images/plates/saos2-*.csv): R reads the two
# grids by position, subtracts the blank mean, normalises to the control (plate 1: percent of
# control, plate 2: fold, overflow well left out) and prints one-way ANOVA, Dunnett (multcomp,
# single-step) and Tukey HSD. Stored as a fixture because R is not available when the tests run:
#
#   Rscript src/test/r/plate-example-reference.R > src/test/resources/org/ihcblotquant/plate/plate-example-reference.csv
suppressPackageStartupMessages(library(multcomp))
set.seed(20261202)
alg <- GenzBretz(maxpts = 2e5, abseps = 1e-4, releps = 0)

lines <- readLines("test-images/plates/saos2-reads.csv")
layout <- readLines("test-images/plates/saos2-layout.csv")
headers <- grep("^,1,2,3,4,5,6,7,8,9,10,11,12$", lines)
lheader <- grep("^,1,2,3,4,5,6,7,8,9,10,11,12$", layout)
cells <- function(l) strsplit(l, ",", fixed = TRUE)[[1]]

cat("plate,kind,name,value1,value2,value3,value4\n")
for (plate in 1:2) {
  values <- c(); groups <- c()
  for (r in 1:8) {
    rv <- cells(lines[headers[plate] + r])
    lv <- cells(layout[lheader + r])
    for (c in 2:13) {
      cond <- if (c <= length(lv)) lv[c] else ""
      if (cond != "" && rv[c] != "OVRFLW") {
        values <- c(values, as.numeric(rv[c])); groups <- c(groups, cond)
      }
    }
  }
  b <- mean(values[groups == "Blank"])
  ctrl <- mean(values[groups == "Control"]) - b
  norm <- (values - b) / ctrl * (if (plate == 1) 100 else 1)
  keep <- groups != "Blank"
  lv <- c("Control", setdiff(unique(groups[keep]), "Control"))
  d <- data.frame(y = norm[keep], g = factor(groups[keep], levels = lv))
  fit <- aov(y ~ g, data = d)
  a <- summary(fit)[[1]]
  cat(sprintf("%d,anova,all,%.12g,%.12g,%d,%d\n", plate, a[1, "F value"], a[1, "Pr(>F)"], a[1, "Df"], a[2, "Df"]))
  for (l in lv) {
    v <- d$y[d$g == l]
    cat(sprintf("%d,mean,%s,%.12g,%.12g,%d,0\n", plate, l, mean(v), sd(v), length(v)))
  }
  g <- glht(fit, linfct = mcp(g = "Dunnett"))
  s <- summary(g, test = adjusted("single-step", algorithm = alg))
  ci <- confint(g, level = 0.95, calpha = adjusted_calpha(algorithm = alg))
  for (i in seq_along(s$test$coefficients)) {
    cat(sprintf("%d,dunnett,%s,%.12g,%.12g,%.12g,%.10g\n", plate, lv[i + 1], s$test$coefficients[i],
                ci$confint[i, "lwr"], ci$confint[i, "upr"], s$test$pvalues[i]))
  }
  tk <- TukeyHSD(fit)$g
  for (i in seq_len(nrow(tk))) {
    cat(sprintf("%d,tukey,%s,%.12g,%.12g,%.12g,%.10g\n", plate, rownames(tk)[i], tk[i, "diff"], tk[i, "lwr"],
                tk[i, "upr"], tk[i, "p adj"]))
  }
}
