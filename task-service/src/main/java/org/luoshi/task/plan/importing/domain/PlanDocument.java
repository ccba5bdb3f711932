package org.luoshi.task.plan.importing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A plan document as its format reader read it: the blocks of its text in reading order (page furniture already
 * removed) and what the file says about itself beside the text.
 *
 * @param blocks     headings, paragraphs, tables and images in reading order
 * @param titleHints titles the file carries outside its text (a front matter's or a page's {@code <title>}, a Word or
 *                   PDF document's title property), best first; used only when the text names no plan title
 * @param dateHint   a date the file carries outside its text (a front matter's {@code date}), or null
 */
record PlanDocument(List<Block> blocks, List<String> titleHints, LocalDate dateHint) {
    PlanDocument {
        blocks = List.copyOf(blocks);
        titleHints = titleHints.stream().filter(Objects::nonNull).filter(t -> !t.isBlank()).toList();
    }
}
