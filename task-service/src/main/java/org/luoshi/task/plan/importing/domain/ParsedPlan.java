package org.luoshi.task.plan.importing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A plan document turned into a draft plan. Two parses of the same bytes are equal.
 *
 * @param title          the plan's title, e.g. "北京市“十四五”时期国际科技创新中心建设规划"
 * @param issuingBodies  who issued it, from the notice that publishes it (e.g. 中共北京市委, 北京市人民政府); empty when
 *                       the document has no notice
 * @param periodStart    first year of the plan period, or null when neither title nor text states it
 * @param periodEnd      last year of the plan period, or null
 * @param issuedOn       the date of the notice, or null
 * @param chapters       the chapters in order; at least two
 * @param indicators     the quantitative indicators of the goals section (and of an indicator table, if any)
 * @param sourceSha256   SHA-256 of the input bytes, lower-case hex
 * @param preamble       the plan's own opening paragraphs before its first chapter (after the notice, title and
 *                       table of contents), in order; often empty
 */
public record ParsedPlan(String title, List<String> issuingBodies, Integer periodStart, Integer periodEnd,
        LocalDate issuedOn, List<ParsedChapter> chapters, List<ParsedIndicator> indicators, String sourceSha256,
        List<String> preamble) {
    public ParsedPlan {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        issuingBodies = List.copyOf(issuingBodies);
        chapters = List.copyOf(chapters);
        indicators = List.copyOf(indicators);
        preamble = preamble == null ? List.of() : List.copyOf(preamble);
    }

    /** A plan without preamble paragraphs. */
    public ParsedPlan(String title, List<String> issuingBodies, Integer periodStart, Integer periodEnd,
            LocalDate issuedOn, List<ParsedChapter> chapters, List<ParsedIndicator> indicators, String sourceSha256) {
        this(title, issuingBodies, periodStart, periodEnd, issuedOn, chapters, indicators, sourceSha256, List.of());
    }
}
