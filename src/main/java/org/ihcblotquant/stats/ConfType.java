package org.ihcblotquant.stats;

import java.util.Locale;

/** Pointwise confidence interval of a Kaplan–Meier curve, as R's {@code survfit(conf.type=)}. */
public enum ConfType {
    /** exp(log S +- z se(log S)), upper bound capped at 1: R's default. */
    LOG("log"),
    /** exp(-exp(log(-log S) -+ z se(log S) / |log S|)), always inside (0, 1). */
    LOG_LOG("log-log"),
    /** S +- z S se(log S), clipped to [0, 1]. */
    PLAIN("plain");

    public final String label;

    ConfType(String label) {
        this.label = label;
    }

    public static ConfType parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ConfType c : values()) {
            if (c.label.equals(v)) {
                return c;
            }
        }
        if (v.equals("loglog")) {
            return LOG_LOG;
        }
        throw new IllegalArgumentException("unknown confidence interval type '" + s + "' (log, log-log or plain)");
    }
}
