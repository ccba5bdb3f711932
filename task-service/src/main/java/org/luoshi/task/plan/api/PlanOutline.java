package org.luoshi.task.plan.api;

import java.util.List;

/** A plan's structure: chapters, sections, and how many tasks each section holds. */
public record PlanOutline(PlanView plan, String preamble, List<Chapter> chapters) {

    public record Chapter(Long id, String number, int ordinal, String title, boolean context, String introduction,
            List<Section> sections) {
    }

    public record Section(Long id, String number, int ordinal, String title, String contextText, long taskCount) {
    }
}
