package org.luoshi.task.tracking.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.tracking.domain.PlanTask;

/** Chapters and sections of the plans a set of tasks belongs to, to tell each task where it stands. */
public final class PlanStructure {
    private final Map<Long, PlanChapter> chapters = new HashMap<>();
    private final Map<Long, PlanSection> sections = new HashMap<>();

    PlanStructure(List<PlanChapter> chapters, List<PlanSection> sections) {
        chapters.forEach(c -> this.chapters.put(c.id, c));
        sections.forEach(s -> this.sections.put(s.id, s));
    }

    public PlanSection section(PlanTask task) {
        return task.sectionId == null ? null : sections.get(task.sectionId);
    }

    public PlanChapter chapter(PlanTask task) {
        PlanSection section = section(task);
        return section == null ? null : chapters.get(section.chapterId);
    }

    /** "三（一）2": chapter number, section number, position in the section. */
    public String reference(PlanTask task) {
        PlanSection section = section(task);
        PlanChapter chapter = chapter(task);
        return section == null || chapter == null ? reference(null, null, task)
                : reference(chapter.number, section.number, task);
    }

    /** {@link #reference(PlanTask)} from the numbers of the task's chapter and section (null: not in the plan's text). */
    static String reference(String chapterNumber, String sectionNumber, PlanTask task) {
        if (chapterNumber == null || sectionNumber == null) {
            return "#" + task.id;
        }
        return chapterNumber + sectionNumber + (task.ordinal == null ? "" : task.ordinal);
    }

    /** Sorts tasks in the order of the plan's text; tasks outside it come last, by id. */
    public long orderKey(PlanTask task) {
        PlanSection section = section(task);
        PlanChapter chapter = chapter(task);
        if (section == null || chapter == null) {
            return Long.MAX_VALUE / 2 + task.id;
        }
        return (long) chapter.ordinal * 1_000_000L + (long) section.ordinal * 10_000L + (task.ordinal == null ? 0 : task.ordinal);
    }
}
