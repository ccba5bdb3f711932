package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Running headers, footers and page numbers are told from the text by where they stand and how often they recur. */
class PageFurnitureTest {

    @Test
    void pageNumbersAsOfficesWriteThem() {
        assertThat(List.of("— 12 —", "- 3 -", "12", "第 3 页", "第3页 共20页", "第 3 页，共 20 页", "3 / 20", "Page 3 of 20",
                "－ 7 －", "— ii —")).allMatch(PageFurniture::isPageNumber);
        assertThat(List.of("2025年", "（一）", "1.", "第三章", "12.5%", "8000亿元")).noneMatch(PageFurniture::isPageNumber);
    }

    @Test
    void linesRepeatedAtTheEdgeOfMostPagesAndPageNumbersGoTheBodyStays() {
        List<List<String>> pages = List.of(
                List.of("江海市数字经济发展规划", "第一章 发展基础", "全市数字经济规模持续扩大。", "— 1 —"),
                List.of("江海市数字经济发展规划", "同时，数据要素市场尚不健全。", "第二章 总体要求", "— 2 —"),
                List.of("江海市数字经济发展规划", "坚持以推动高质量发展为主题。", "— 3 —"));

        assertThat(PageFurniture.remove(pages, Function.identity())).containsExactly(
                List.of("第一章 发展基础", "全市数字经济规模持续扩大。"),
                List.of("同时，数据要素市场尚不健全。", "第二章 总体要求"),
                List.of("坚持以推动高质量发展为主题。"));
    }

    @Test
    void aLineRepeatedInsideTheBodyOrOnAFewPagesOnlyStays() {
        List<List<String>> pages = List.of(
                List.of("一", "二", "三", "（一）加强组织领导", "四", "五", "六"),
                List.of("一", "二", "三", "（一）加强组织领导", "四", "五", "六"),
                List.of("甲", "乙", "丙", "丁"),
                List.of("甲", "乙", "丙", "丁"),
                List.of("戊", "己"));

        List<List<String>> kept = PageFurniture.remove(pages, Function.identity());

        assertThat(kept.get(0)).contains("（一）加强组织领导").as("on 2 of 5 pages: not furniture").contains("一", "六");
        assertThat(kept.get(4)).containsExactly("戊", "己");
    }

    @Test
    void peelingStopsAtTheFirstLineOfText() {
        List<List<String>> pages = List.of(List.of("规划", "12", "正文"), List.of("规划", "正文二", "13"));

        assertThat(PageFurniture.remove(pages, Function.identity()))
                .containsExactly(List.of("正文"), List.of("正文二"));
        assertThat(PageFurniture.remove(List.of(List.of("正文", "8000", "继续")), Function.identity()))
                .containsExactly(List.of("正文", "8000", "继续"));
    }
}
