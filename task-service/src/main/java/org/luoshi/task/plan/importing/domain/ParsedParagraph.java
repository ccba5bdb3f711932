package org.luoshi.task.plan.importing.domain;

import java.util.Objects;

/**
 * One paragraph of a section; in a task chapter, one task.
 *
 * @param ordinal      1-based position within its section
 * @param text         the paragraph's full source text, whitespace-normalised (runs of whitespace, including the
 *                     full-width indentation, collapsed to one space; trimmed)
 * @param leadSentence the short sentence the paragraph opens with, including its final 。 (e.g. "建设集成电路试验线平台。"),
 *                     or null when it opens with none
 * @param taskTitle    the lead sentence without its final 。, else the title of the section
 */
public record ParsedParagraph(int ordinal, String text, String leadSentence, String taskTitle) {
    public ParsedParagraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(taskTitle, "taskTitle");
    }
}
