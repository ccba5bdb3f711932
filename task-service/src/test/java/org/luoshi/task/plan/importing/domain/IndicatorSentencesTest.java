package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;

/** How goal sentences become indicators. */
class IndicatorSentencesTest {

    private static List<ParsedIndicator> read(String... paragraphs) {
        return IndicatorExtractor.fromText(List.of(paragraphs), 2025);
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            全社会研发经费支出占地区生产总值比重保持在6%左右。      | 全社会研发经费支出占地区生产总值比重 | 6    | %    | ABOUT
            常住人口城镇化率约为88%。                               | 常住人口城镇化率                     | 88   | %    | ABOUT
            技术合同成交额超过8000亿元。                            | 技术合同成交额                       | 8000 | 亿元 | MORE_THAN
            国家高新技术企业数量3万家以上。                         | 国家高新技术企业数量                 | 3    | 万家 | MORE_THAN
            独角兽企业达到100家以上。                               | 独角兽企业                           | 100  | 家   | AT_LEAST
            森林覆盖率不低于45%。                                   | 森林覆盖率                           | 45   | %    | AT_LEAST
            每万人口高价值发明专利拥有量达到110件。                 | 每万人口高价值发明专利拥有量         | 110  | 件   | AT_LEAST
            城镇调查失业率控制在5%以内。                            | 城镇调查失业率                       | 5    | %    | AT_MOST
            二氧化硫排放总量降至1.2万吨。                           | 二氧化硫排放总量                     | 1.2  | 万吨 | AT_MOST
            专精特新企业数量达到三百家。                            | 专精特新企业数量                     | 300  | 家   | AT_LEAST
            """)
    void readsAValueItsUnitAndHowToCompare(String sentence, String name, String value, String unit, String how) {
        assertThat(read(sentence)).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo(name);
            assertThat(i.targetValue()).isEqualByComparingTo(value);
            assertThat(i.unit()).isEqualTo(unit);
            assertThat(i.comparison()).isEqualTo(TargetComparison.valueOf(how));
            assertThat(i.targetYear()).isEqualTo(2025);
            assertThat(i.kind()).isEqualTo(IndicatorKind.EXPECTED);
        });
    }

    @Test
    void readsABaselineGivenAsFromTo() {
        assertThat(read("研究与试验发展经费投入强度由2020年的2.4%提高到2025年的2.8%。")).singleElement()
                .satisfies(i -> {
                    assertThat(i.name()).isEqualTo("研究与试验发展经费投入强度");
                    assertThat(i.baselineYear()).isEqualTo(2020);
                    assertThat(i.baselineValue()).isEqualByComparingTo("2.4");
                    assertThat(i.targetYear()).isEqualTo(2025);
                    assertThat(i.targetValue()).isEqualByComparingTo("2.8");
                    assertThat(i.unit()).isEqualTo("%");
                    assertThat(i.comparison()).isEqualTo(TargetComparison.AT_LEAST);
                });
        assertThat(read("万元地区生产总值用水量从2020年的12立方米下降到10立方米。")).singleElement()
                .extracting(ParsedIndicator::name, ParsedIndicator::unit, ParsedIndicator::comparison)
                .containsExactly("万元地区生产总值用水量", "立方米", TargetComparison.AT_MOST);
    }

    @Test
    void readsAChangeAgainstABaseYearAndABindingNote() {
        assertThat(read("单位地区生产总值二氧化碳排放比2020年下降18%（约束性），数字经济增加值年均增长8%。"))
                .extracting(ParsedIndicator::name, ParsedIndicator::baselineYear, ParsedIndicator::kind)
                .containsExactly(tuple("单位地区生产总值二氧化碳排放比2020年下降", 2020, IndicatorKind.BINDING),
                        tuple("数字经济增加值年均增长", null, IndicatorKind.EXPECTED));
    }

    @Test
    void readsSeveralIndicatorsGivenRespectively() {
        assertThat(read("研发投入强度、基础研究经费占比分别达到6%、17%左右。"))
                .extracting(ParsedIndicator::name, i -> i.targetValue().toPlainString(), ParsedIndicator::unit,
                        ParsedIndicator::comparison)
                .containsExactly(tuple("研发投入强度", "6", "%", TargetComparison.AT_LEAST),
                        tuple("基础研究经费占比", "17", "%", TargetComparison.ABOUT));
    }

    @Test
    void carriesTheTargetYearFromSentenceToSentence() {
        assertThat(read("到2030年，建成国际一流的创新城市。", "技术合同成交额超过1万亿元。", "到2035年，全面建成科技强市。"))
                .singleElement().satisfies(i -> {
                    assertThat(i.targetYear()).isEqualTo(2030);
                    assertThat(i.unit()).isEqualTo("万亿元");
                });
    }

    @Test
    void tasksAndPlainStatementsAreNoIndicators() {
        assertThat(read("建设5个大科学装置和13个交叉研究平台。", "打造一批具有国际影响力的创新平台，建成一个国家级中心。",
                "“三城一区”主平台作用显著增强。")).isEmpty();
    }

    @Test
    void readsAnIndicatorTableWithSpannedCategoryCells() {
        List<List<String>> rows = List.of(
                List.of("类别", "指标", "2020年", "2025年", "属性"),
                List.of("创新", "全社会研发经费支出占地区生产总值比重（%）", "6.4", "6左右", "预期性"),
                List.of("创新", "创新", "创新", "创新", "创新"),
                List.of("绿色", "单位地区生产总值能耗下降（%）", "—", "〔14〕", "约束性"));
        assertThat(IndicatorExtractor.fromTable(rows, "主要指标", 2025))
                .extracting(ParsedIndicator::name, ParsedIndicator::unit, ParsedIndicator::kind,
                        ParsedIndicator::baselineYear, ParsedIndicator::comparison)
                .containsExactly(
                        tuple("全社会研发经费支出占地区生产总值比重", "%", IndicatorKind.EXPECTED, 2020,
                                TargetComparison.ABOUT),
                        tuple("单位地区生产总值能耗下降", "%", IndicatorKind.BINDING, null, TargetComparison.AT_LEAST));
        assertThat(IndicatorExtractor.fromTable(List.of(List.of("姓名", "职务"), List.of("张三", "主任")), "", 2025))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"一,1", "十,10", "十一,11", "二十三,23", "一百零五,105", "两千,2000", "二〇二一,2021", "12,12"})
    void readsChineseNumerals(String numeral, int value) {
        assertThat(ChineseNumerals.ordinal(numeral)).isEqualTo(value);
    }
}
