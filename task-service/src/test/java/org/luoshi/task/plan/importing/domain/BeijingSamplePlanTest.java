package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;

/**
 * The real publication of 北京市“十四五”时期国际科技创新中心建设规划 (as carried by a news site, with its chrome),
 * read from a copy in the test resources.
 */
class BeijingSamplePlanTest {
    private static final Path SHARED_ORIGINAL = Path.of("../../shared/plan/beijing-14th-fyp-sti-plan.html");

    private static byte[] bytes;
    private static ParsedPlan plan;

    @BeforeAll
    static void parse() {
        bytes = PlanFixtures.bytes(PlanFixtures.BEIJING);
        plan = new PlanDocumentParser().parse(bytes);
    }

    private static List<ParsedChapter> taskChapters() {
        return plan.chapters().subList(2, 11);
    }

    private static List<ParsedParagraph> taskParagraphs() {
        return taskChapters().stream().flatMap(c -> c.sections().stream()).flatMap(s -> s.paragraphs().stream())
                .toList();
    }

    private static ParsedSection section(int chapter, int section) {
        return plan.chapters().get(chapter - 1).sections().get(section - 1);
    }

    @Test
    void theTestCopyIsTheSharedOriginal() throws IOException {
        assumeTrue(Files.exists(SHARED_ORIGINAL), "the shared folder is not beside the checkout");
        assertThat(bytes).isEqualTo(Files.readAllBytes(SHARED_ORIGINAL));
    }

    @Test
    void findsElevenChaptersNumberedOneToElevenWithTheirTitles() {
        assertThat(plan.chapters()).extracting(ParsedChapter::number)
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一");
        assertThat(plan.chapters()).extracting(ParsedChapter::ordinal)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(plan.chapters().get(0).title()).isEqualTo("把握国际科技创新中心新使命");
        assertThat(plan.chapters().get(1).title()).isEqualTo("开启国际科技创新中心建设新征程");
        assertThat(plan.chapters().get(2).title()).isEqualTo("强化战略科技力量，加速提升创新体系整体效能");
        assertThat(plan.chapters().get(4).title()).isEqualTo("聚焦“三链”融合，加速培育高精尖产业新动能");
        assertThat(plan.chapters().get(10).title()).isEqualTo("保障措施");
    }

    @Test
    void findsFortySevenSectionsNumberedInOrderWithinEachChapter() {
        assertThat(plan.chapters()).extracting(c -> c.sections().size())
                .containsExactly(2, 3, 5, 5, 6, 6, 4, 4, 3, 5, 4);
        assertThat(plan.chapters().stream().mapToInt(c -> c.sections().size()).sum()).isEqualTo(47);
        assertThat(plan.chapters().get(4).sections()).extracting(ParsedSection::number, ParsedSection::ordinal)
                .containsExactly(tuple("（一）", 1), tuple("（二）", 2), tuple("（三）", 3), tuple("（四）", 4),
                        tuple("（五）", 5), tuple("（六）", 6));
        assertThat(section(1, 1).title()).isEqualTo("形势需求");
        assertThat(section(2, 3).title()).isEqualTo("发展目标");
        assertThat(section(7, 2).title()).isEqualTo("加快建设中关村国家自主创新示范区主阵地"); // a stock link inside
        assertThat(section(10, 1).title()).isEqualTo("把中关村打造成为科技自立自强、高质量发展的引领区");
        assertThat(section(11, 4).title()).isEqualTo("组织实施");
    }

    @Test
    void theTableOfContentsIsNotReadAsContent() {
        ParsedSection first = section(1, 1);
        assertThat(first.paragraphs()).hasSize(3);
        assertThat(first.paragraphs().get(0).text()).startsWith("从国际看，当今世界正经历百年未有之大变局");
        assertThat(plan.chapters()).extracting(ParsedChapter::title).doesNotHaveDuplicates();
        assertThat(plan.chapters()).allSatisfy(c -> assertThat(c.sections())
                .allSatisfy(s -> assertThat(s.paragraphs()).isNotEmpty()));
    }

    @Test
    void theFirstTwoChaptersAreContextAndTheRestHoldTasks() {
        assertThat(plan.chapters()).extracting(ParsedChapter::context)
                .containsExactly(true, true, false, false, false, false, false, false, false, false, false);
    }

    @Test
    void everyParagraphOfTheTaskChaptersIsATaskWithItsFullSourceText() {
        Set<String> sourceParagraphs = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).select("p").stream()
                .map(p -> Block.normalise(p.text())).collect(Collectors.toSet());

        assertThat(taskParagraphs()).hasSize(118);
        assertThat(taskParagraphs()).allSatisfy(p -> {
            assertThat(sourceParagraphs).contains(p.text());
            assertThat(p.text()).endsWith("。");
            assertThat(p.taskTitle()).isNotBlank();
        });
        // the chapters' own opening paragraphs (三 to 十 have one each) are kept, but are not tasks
        assertThat(taskChapters()).extracting(c -> c.introduction().size())
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(section(4, 5).paragraphs().get(1).text()).isEqualTo("建设集成电路试验线平台。搭建国际化、开放式、综合性的"
                + "先进工艺研发和测试验证平台，开展面向产业需求的先进工艺攻关、产品工艺库开发、国产装备材料验证。");
        assertThat(section(1, 2).paragraphs().get(1).text()).contains("在国际创新城市中名列前位"); // link text kept
    }

    @Test
    void theSitesChromeIsLeftOut() {
        List<ParsedParagraph> last = section(11, 4).paragraphs();
        assertThat(last).hasSize(1);
        assertThat(last.get(0).text()).endsWith("广泛开展规划宣传，让规划目标任务深入人心，凝聚各方力量积极参与规划实施。");
        assertThat(plan.chapters().stream().flatMap(c -> c.sections().stream()).flatMap(s -> s.paragraphs().stream()))
                .noneMatch(p -> p.text().contains("责任编辑") || p.text().contains("新浪财经APP")
                        || p.text().contains("原标题") || p.text().contains("appendQr"));
        // the caption of the indicator table (an image here) is no paragraph of the goals section
        assertThat(section(2, 3).paragraphs()).extracting(ParsedParagraph::text)
                .noneMatch(t -> t.contains("预期性指标"));
    }

    @Test
    void paragraphsOpeningWithAShortSentenceTakeItAsTheirTaskTitle() {
        assertThat(taskParagraphs()).filteredOn(p -> p.leadSentence() != null).hasSize(108);
        assertThat(taskParagraphs()).anySatisfy(p -> {
            assertThat(p.leadSentence()).isEqualTo("建设集成电路试验线平台。");
            assertThat(p.taskTitle()).isEqualTo("建设集成电路试验线平台");
        });
        ParsedParagraph first = section(3, 1).paragraphs().get(0);
        assertThat(first.leadSentence()).isEqualTo("加快推进国家实验室建设。");
        assertThat(first.taskTitle()).isEqualTo("加快推进国家实验室建设");
        assertThat(section(5, 1).paragraphs().get(0).taskTitle()).isEqualTo("新一代信息技术");
    }

    @Test
    void aParagraphWithoutALeadSentenceTakesItsSectionTitle() {
        ParsedParagraph opening = section(4, 5).paragraphs().get(0);
        assertThat(opening.text()).startsWith("把握以大数据为特征的新科学研究范式变革窗口机遇期，");
        assertThat(opening.leadSentence()).isNull();
        assertThat(opening.taskTitle()).isEqualTo("适应科学研究范式变革趋势");

        ParsedParagraph policy = section(11, 2).paragraphs().get(0);
        assertThat(policy.leadSentence()).isNull();
        assertThat(policy.taskTitle()).isEqualTo("政策保障");
        assertThat(taskParagraphs()).filteredOn(p -> p.leadSentence() == null).hasSize(10);
    }

    @Test
    void readsTitlePeriodIssuersAndDateFromTheNotice() {
        assertThat(plan.title()).isEqualTo("北京市“十四五”时期国际科技创新中心建设规划");
        assertThat(plan.periodStart()).isEqualTo(2021);
        assertThat(plan.periodEnd()).isEqualTo(2025);
        assertThat(plan.issuingBodies()).containsExactly("中共北京市委", "北京市人民政府");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2021, 11, 3));
        assertThat(plan.preamble()).hasSize(3);
        assertThat(plan.preamble().get(2)).isEqualTo("本规划实施期限为2021至2025年。");
    }

    @Test
    void readsTheNineQuantitativeTargetsOfTheGoalsSection() {
        assertThat(plan.indicators()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(plan.indicators()).extracting(ParsedIndicator::name, ParsedIndicator::unit,
                ParsedIndicator::comparison, i -> i.targetValue().stripTrailingZeros().toPlainString())
                .containsExactly(
                        tuple("全社会研发经费支出占地区生产总值比重", "%", TargetComparison.ABOUT, "6"),
                        tuple("基础研究经费占全社会研发经费比重", "%", TargetComparison.ABOUT, "17"),
                        tuple("高被引科学家数量", "人次", TargetComparison.ABOUT, "210"),
                        tuple("高技术产业增加值", "万亿元", TargetComparison.MORE_THAN, "1.2"),
                        tuple("数字经济增加值年均增速", "%", TargetComparison.ABOUT, "7.5"),
                        tuple("中关村国家自主创新示范区企业总收入年均增速", "%", TargetComparison.ABOUT, "8"),
                        tuple("技术合同成交额", "亿元", TargetComparison.MORE_THAN, "8000"),
                        tuple("每万名就业人员中研发人员数", "人", TargetComparison.ABOUT, "260"),
                        tuple("公民具备科学素质的比例", "%", TargetComparison.ABOUT, "28"));
        assertThat(plan.indicators()).allSatisfy(i -> {
            assertThat(i.targetYear()).isEqualTo(2025);
            assertThat(i.kind()).isEqualTo(IndicatorKind.EXPECTED);
            assertThat(i.baselineYear()).isNull(); // the sample states no baselines in its text
            assertThat(i.sourceText()).contains(i.name());
        });
        ParsedIndicator contracts = plan.indicators().get(6);
        assertThat(contracts.targetValue()).isEqualByComparingTo(new BigDecimal("8000"));
        assertThat(contracts.sourceText()).contains("技术合同成交额超过8000亿元");
    }

    @Test
    void theSameBytesGiveAnEqualPlanWithTheirSha256() throws Exception {
        ParsedPlan again = new PlanDocumentParser().parse(PlanFixtures.bytes(PlanFixtures.BEIJING));
        assertThat(again).isEqualTo(plan);
        assertThat(again.hashCode()).isEqualTo(plan.hashCode());
        assertThat(plan.sourceSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .hasSize(64);
    }
}
