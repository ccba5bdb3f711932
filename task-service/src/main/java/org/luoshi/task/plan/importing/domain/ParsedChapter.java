package org.luoshi.task.plan.importing.domain;

import java.util.List;
import java.util.Objects;

/**
 * A chapter of the plan.
 *
 * @param number       the chapter's numeral as written, e.g. "一" for "一、…" or for "第一章 …"
 * @param ordinal      1-based position (equals the value of the number)
 * @param title        the heading without its number
 * @param context      true for the chapters that set the scene rather than assign work: the leading chapters whose
 *                     sections are mostly short headings naming 形势/基础/思路/原则/目标 (or a chapter so titled);
 *                     see {@link PlanDocumentParser} for the exact rule
 * @param sections     the sections, in order; never empty
 * @param introduction paragraphs that stand between the chapter heading and its first section (a chapter's
 *                     summary), in order; often empty. Not tasks.
 */
public record ParsedChapter(String number, int ordinal, String title, boolean context, List<ParsedSection> sections,
        List<String> introduction) {
    public ParsedChapter {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
        introduction = introduction == null ? List.of() : List.copyOf(introduction);
    }

    /** A chapter without introductory paragraphs. */
    public ParsedChapter(String number, int ordinal, String title, boolean context, List<ParsedSection> sections) {
        this(number, ordinal, title, context, sections, List.of());
    }
}
