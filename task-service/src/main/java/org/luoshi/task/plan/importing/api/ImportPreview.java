package org.luoshi.task.plan.importing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What importing a plan document creates (or, with {@code existingPlanId}, already created: importing the same
 * document again changes nothing).
 */
public record ImportPreview(String title, List<String> issuingBodies, Integer periodStart, Integer periodEnd,
        LocalDate issuedOn, String sourceSha256, Long existingPlanId, int chapterCount, int sectionCount, int taskCount,
        List<Chapter> chapters, List<Indicator> indicators) {

    public record Chapter(String number, String title, boolean context, List<Section> sections) {
    }

    public record Section(String number, String title, List<String> taskTitles, int contextParagraphs) {
    }

    /** {@code direction}: the one the indicator will get (UP, DOWN, HOLD), from the comparison and the wording. */
    public record Indicator(String name, String unit, String kind, Integer baselineYear, BigDecimal baselineValue,
            int targetYear, BigDecimal targetValue, String comparison, String direction, String sourceText) {
    }
}
