package org.ihcblotquant.study;

import java.util.ArrayList;
import java.util.List;

/** A titled part of the report (markers, study table, blots, tests...) and what it shows, in order. */
final class ReportSection {
    final String id;
    final String title;
    final List<ReportItem> items = new ArrayList<>();

    ReportSection(String id, String title) {
        this.id = id;
        this.title = title;
    }

    ReportSection text(String t) {
        items.add(new ReportItem.Text(t));
        return this;
    }

    ReportSection add(ReportItem item) {
        items.add(item);
        return this;
    }
}
