package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;

/**
 * Plans laid out unlike the Beijing sample, written for these tests: the parser is built for the general case, not
 * for one file.
 */
class OtherPlanLayoutsTest {
    private final PlanDocumentParser parser = new PlanDocumentParser();

    private static List<ParsedParagraph> paragraphs(ParsedPlan plan, int chapter, int section) {
        return plan.chapters().get(chapter - 1).sections().get(section - 1).paragraphs();
    }

    // ------------------------------------------------------------- 江海: 第X章, (一), h3/h4 headings, no 目录

    @Test
    void readsAPlanWithDiZhangChaptersHalfWidthSectionsAndNoTableOfContents() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(plan.chapters()).extracting(ParsedChapter::number, ParsedChapter::title, ParsedChapter::context)
                .containsExactly(tuple("一", "发展基础与面临形势", true), tuple("二", "总体要求", true),
                        tuple("三", "重点任务", false));
        assertThat(plan.chapters()).extracting(c -> c.sections().size()).containsExactly(2, 2, 3);
        assertThat(plan.chapters().get(2).sections()).extracting(ParsedSection::number, ParsedSection::title)
                .containsExactly(tuple("（一）", "夯实数字基础设施"), tuple("（二）", "推动产业数字化转型"),
                        tuple("（三）", "强化组织保障"));
        assertThat(plan.chapters().get(2).introduction()).containsExactly("围绕基础设施、产业转型和组织保障，实施三大行动。");
    }

    @Test
    void takesLeadSentencesFromBoldRunsAndSplitsParagraphsAtLineBreaks() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(paragraphs(plan, 3, 1)).extracting(ParsedParagraph::leadSentence, ParsedParagraph::taskTitle)
                .containsExactly(tuple("建设高速泛在的通信网络。", "建设高速泛在的通信网络"),
                        tuple("布局绿色算力设施。", "布局绿色算力设施"), // bold run without its 。
                        tuple(null, "夯实数字基础设施"));
        assertThat(paragraphs(plan, 3, 2)).extracting(ParsedParagraph::taskTitle)
                .containsExactly("实施制造业数字化转型行动", "培育工业互联网平台");
        // "<b>(三)强化组织保障。</b>建立…": a section heading opening its own first paragraph
        assertThat(paragraphs(plan, 3, 3)).singleElement().satisfies(p -> {
            assertThat(p.text()).startsWith("建立市数字经济发展工作协调机制");
            assertThat(p.taskTitle()).isEqualTo("强化组织保障");
        });
    }

    @Test
    void leavesOutTheGovernmentSitesChrome() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(plan.chapters().stream().flatMap(c -> c.sections().stream())
                .flatMap(s -> s.paragraphs().stream()).map(ParsedParagraph::text))
                .noneMatch(t -> t.contains("点击进入") || t.contains("分享到") || t.contains("打印本页")
                        || t.contains("版权所有") || t.contains("主要指标"));
        assertThat(paragraphs(plan, 3, 2).get(1).text()).endsWith("带动中小企业上云用数赋智。");
    }

    @Test
    void readsTheNoticeOfAGovernmentWebsite() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(plan.title()).isEqualTo("江海市数字经济发展规划（2026—2030年）");
        assertThat(plan.periodStart()).isEqualTo(2026);
        assertThat(plan.periodEnd()).isEqualTo(2030);
        assertThat(plan.issuingBodies()).containsExactly("江海市人民政府");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(plan.preamble()).singleElement().asString().startsWith("数字经济是继农业经济、工业经济之后");
    }

    @Test
    void readsTheIndicatorTableWithBaselinesAndTheSentencesItDoesNotRepeat() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(plan.indicators()).extracting(ParsedIndicator::name, ParsedIndicator::unit,
                ParsedIndicator::kind, ParsedIndicator::baselineYear, ParsedIndicator::targetYear,
                ParsedIndicator::comparison)
                .containsExactly(
                        tuple("数字经济核心产业增加值占地区生产总值比重", "%", IndicatorKind.EXPECTED, 2025, 2030,
                                TargetComparison.ABOUT),
                        tuple("软件和信息技术服务业营业收入", "亿元", IndicatorKind.EXPECTED, 2025, 2030,
                                TargetComparison.MORE_THAN),
                        tuple("数据中心平均电能利用效率（PUE）", null, IndicatorKind.BINDING, 2025, 2030,
                                TargetComparison.AT_MOST),
                        tuple("单位地区生产总值能耗下降", "%", IndicatorKind.BINDING, null, 2030,
                                TargetComparison.AT_LEAST),
                        tuple("规模以上工业企业关键工序数控化率", "%", IndicatorKind.EXPECTED, null, 2030,
                                TargetComparison.AT_LEAST),
                        tuple("新增上云企业", "家", IndicatorKind.EXPECTED, null, 2030, TargetComparison.AT_LEAST),
                        tuple("5G基站总数", "万个", IndicatorKind.EXPECTED, null, 2030, TargetComparison.MORE_THAN));
        ParsedIndicator share = plan.indicators().get(0);
        assertThat(share.baselineValue()).isEqualByComparingTo("9.5");
        assertThat(share.targetValue()).isEqualByComparingTo("12");
        assertThat(plan.indicators().get(3).targetValue()).isEqualByComparingTo("13.5");
        // "2025年…达到9.5%，建成5G基站1.8万个" stands in 发展基础: a past figure, not a target
        assertThat(plan.indicators()).noneMatch(i -> i.targetValue().compareTo(new BigDecimal("1.8")) == 0);
    }

    @Test
    void honoursAMetaCharsetOfGb2312() {
        String utf8 = new String(PlanFixtures.bytes(PlanFixtures.JIANGHAI), StandardCharsets.UTF_8);
        byte[] gb = utf8.replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=gb2312\">").getBytes(Charset.forName("GB18030"));

        ParsedPlan fromGb = parser.parse(gb);
        ParsedPlan fromUtf8 = parser.parse(PlanFixtures.bytes(PlanFixtures.JIANGHAI));

        assertThat(fromGb.title()).isEqualTo(fromUtf8.title());
        assertThat(fromGb.chapters()).isEqualTo(fromUtf8.chapters());
        assertThat(fromGb.indicators()).isEqualTo(fromUtf8.indicators());
        assertThat(fromGb.sourceSha256()).isNotEqualTo(fromUtf8.sourceSha256());
    }

    // ------------------------------------------------------------- 清河: plain text, 一、 chapters, 目录

    @Test
    void readsAPlainTextPlanAndSkipsItsTableOfContents() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.QINGHE));

        assertThat(plan.title()).isEqualTo("清河县数字乡村建设行动方案（2023—2025年）");
        assertThat(plan.periodStart()).isEqualTo(2023);
        assertThat(plan.periodEnd()).isEqualTo(2025);
        assertThat(plan.issuingBodies()).isEmpty();
        assertThat(plan.issuedOn()).isNull();
        assertThat(plan.chapters()).extracting(ParsedChapter::title, ParsedChapter::context)
                .containsExactly(tuple("总体要求", true), tuple("重点任务", false), tuple("保障措施", false));
        assertThat(plan.chapters()).extracting(c -> c.sections().size()).containsExactly(2, 2, 2);
        assertThat(paragraphs(plan, 1, 1)).singleElement().extracting(ParsedParagraph::text).asString()
                .startsWith("以数字化赋能乡村振兴为主线");
        assertThat(paragraphs(plan, 2, 1)).extracting(ParsedParagraph::taskTitle)
                .containsExactly("推进光纤网络扩容提速", "升级乡村广播电视网络");
    }

    @Test
    void readsBaselinesWrittenAsFromToInASentence() {
        ParsedPlan plan = parser.parse(PlanFixtures.bytes(PlanFixtures.QINGHE));

        assertThat(plan.indicators()).extracting(ParsedIndicator::name, ParsedIndicator::unit,
                ParsedIndicator::baselineYear, ParsedIndicator::comparison)
                .containsExactly(tuple("全县行政村5G网络通达率", "%", null, TargetComparison.AT_LEAST),
                        tuple("农产品网络零售额", "亿元", 2022, TargetComparison.AT_LEAST),
                        tuple("培育县级以上电商示范村", "个", null, TargetComparison.AT_LEAST));
        ParsedIndicator sales = plan.indicators().get(1);
        assertThat(sales.baselineValue()).isEqualByComparingTo("3.2");
        assertThat(sales.targetValue()).isEqualByComparingTo("6");
        assertThat(sales.targetYear()).isEqualTo(2025);
    }

    @Test
    void readsAFiveYearPlanFromItsOwnTitleLineAndABareDiZhangHeadingWithItsTitleOnTheNextLine() {
        String html = """
                <html><body>
                <p>东湖市“十五五”生态环境保护规划</p>
                <p>本规划根据《东湖市国民经济和社会发展第十五个五年规划纲要》编制，经市政府同意发布实施。</p>
                <p>第一章</p><p>发展基础</p>
                <p>（一）主要成效</p><p>生态环境质量持续改善。</p>
                <p>第二章</p><p>主要任务</p>
                <p>（一）深入打好蓝天保卫战</p><p>推进细颗粒物和臭氧协同控制。开展重点行业深度治理。</p>
                </body></html>
                """;
        ParsedPlan plan = parser.parse(html.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.title()).isEqualTo("东湖市“十五五”生态环境保护规划"); // not the 纲要 it cites
        assertThat(plan.preamble()).singleElement().asString().startsWith("本规划根据");
        assertThat(plan.periodStart()).isEqualTo(2026);
        assertThat(plan.periodEnd()).isEqualTo(2030);
        assertThat(plan.chapters()).extracting(ParsedChapter::title, ParsedChapter::context)
                .containsExactly(tuple("发展基础", true), tuple("主要任务", false));
        assertThat(paragraphs(plan, 2, 1)).singleElement().extracting(ParsedParagraph::taskTitle)
                .isEqualTo("推进细颗粒物和臭氧协同控制");
    }
}
