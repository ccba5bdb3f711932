package org.luoshi.task.tracking.api;

import java.time.LocalDate;
import java.util.List;

/** 红黄绿 counts of a plan's tasks, by chapter, by section and by lead department, on a given day. */
public record StatusRollup(Long planId, LocalDate asOf, Counts overall, List<Group> byChapter, List<Group> bySection,
        List<Group> byDepartment) {

    public record Group(String key, String label, Counts counts) {
    }

    public record Counts(long green, long yellow, long red, long none, long total) {
    }
}
