package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.luoshi.task.indicator.domain.TargetComparison;

/**
 * The demo's successor plan (docs/plans/demo-successor-sti-plan.html, written for the demo and labelled 演示数据) reads
 * as a plan: its period follows the 14th plan's, and its indicators carry the 14th plan's names, so that continuing
 * them by name finds them.
 */
class DemoSuccessorPlanTest {
    private final PlanDocumentParser parser = new PlanDocumentParser();
    private final ParsedPlan plan = parser.parse(PlanFixtures.bytes("demo-successor-sti-plan.html"));

    @Test
    void isLabelledDemoDataAndFollowsTheFourteenthPlansPeriod() {
        assertThat(plan.title()).contains("演示数据");
        assertThat(plan.periodStart()).isEqualTo(2026);
        assertThat(plan.periodEnd()).isEqualTo(2030);
        assertThat(plan.chapters()).extracting(ParsedChapter::title)
                .containsExactly("发展基础", "总体要求", "重点任务", "保障措施");
        assertThat(plan.chapters().get(2).sections()).flatExtracting(ParsedSection::paragraphs)
                .extracting(ParsedParagraph::taskTitle)
                .containsExactly("完成怀柔科学城主体设施建设", "提升设施开放共享水平", "建立基础研究稳定支持机制", "完善技术转移服务体系");
    }

    @Test
    void itsIndicatorTableNamesTheFourteenthPlansIndicators() {
        assertThat(plan.indicators()).extracting(ParsedIndicator::name, ParsedIndicator::targetYear,
                ParsedIndicator::comparison)
                .containsExactly(
                        tuple("全社会研发经费支出占地区生产总值比重", 2030, TargetComparison.ABOUT),
                        tuple("技术合同成交额", 2030, TargetComparison.MORE_THAN),
                        tuple("每万名就业人员中研发人员数", 2030, TargetComparison.ABOUT),
                        tuple("公民具备科学素质的比例", 2030, TargetComparison.ABOUT));
        assertThat(plan.indicators()).allSatisfy(i -> assertThat(i.baselineYear()).isNull());
    }
}
