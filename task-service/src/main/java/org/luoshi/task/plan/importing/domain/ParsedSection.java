package org.luoshi.task.plan.importing.domain;

import java.util.List;
import java.util.Objects;

/**
 * A section of a chapter.
 *
 * @param number     the section's number in full-width parentheses, e.g. "（一）", whatever the source's form
 *                   ("（一）", "(一)" or "第一节")
 * @param ordinal    1-based position within its chapter (equals the value of the number)
 * @param title      the heading without its number
 * @param paragraphs the section's paragraphs, in order; never empty
 */
public record ParsedSection(String number, int ordinal, String title, List<ParsedParagraph> paragraphs) {
    public ParsedSection {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
    }
}
