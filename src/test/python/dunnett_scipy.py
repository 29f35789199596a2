"""Reference values for Dunnett's many-to-one test from scipy.stats.dunnett (the second oracle
next to R's multcomp, see ../r/dunnett-reference.R). Python is not needed when the Java tests
run; the output is stored as a fixture:

    python3 src/test/python/dunnett_scipy.py > src/test/resources/org/ihcblotquant/plate/dunnett-scipy.csv

scipy integrates the multivariate t by randomised quasi-Monte Carlo; the seed makes it repeatable.
The data sets are those of dunnett-reference.R (R's recovery and PlantGrowth, and three of our own).
"""
import numpy as np
import scipy
from scipy import stats

datasets = {
    "recovery": {
        "b0": [15, 13, 12, 16, 16, 17, 13, 13, 16, 17, 17, 19, 17, 15, 13, 12, 16, 10, 17, 12],
        "b1": [13, 16, 9], "b2": [5, 8, 9],
        "b3": [14, 16, 16, 12, 7, 12, 13, 13, 9, 16, 13, 18, 13, 12, 13]},
    "plantgrowth": {
        "ctrl": [4.17, 5.58, 5.18, 6.11, 4.5, 4.61, 5.17, 4.53, 5.33, 5.14],
        "trt1": [4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69],
        "trt2": [6.31, 5.12, 5.54, 5.5, 5.37, 5.29, 4.92, 6.15, 5.8, 5.26]},
    "triplicates": {
        "ctrl": [98.2, 101.5, 100.3], "d0.1": [95.1, 92.8, 97.7], "d0.5": [84.0, 88.9, 81.2],
        "d1": [61.5, 66.0, 58.7], "d5": [31.2, 28.4, 35.9]},
    "unequal": {
        "C": [1.00, 1.10], "T1": [1.20, 1.05, 1.15], "T2": [1.40, 1.30, 1.35, 1.50],
        "T3": [0.90, 1.00, 0.95, 1.10, 1.05], "T4": [1.60, 1.70, 1.55], "T5": [1.02, 1.12],
        "T6": [0.80, 0.85, 0.95, 0.90], "T7": [1.25, 1.30, 1.18]},
    "two": {"ctrl": [1.01, 0.95, 1.07], "drug": [0.71, 0.80, 0.66, 0.77]},
}

print("# scipy " + scipy.__version__)
print("dataset,condition,vs,statistic,p,ci_low,ci_high")
for name, groups in datasets.items():
    levels = list(groups)
    control = np.array(groups[levels[0]], dtype=float)
    samples = [np.array(groups[l], dtype=float) for l in levels[1:]]
    res = stats.dunnett(*samples, control=control, alternative="two-sided", random_state=20261202)
    ci = res.confidence_interval(confidence_level=0.95)
    for i, level in enumerate(levels[1:]):
        print("%s,%s,%s,%.12g,%.10g,%.12g,%.12g" % (name, level, levels[0], res.statistic[i], res.pvalue[i],
                                                    ci.low[i], ci.high[i]))
