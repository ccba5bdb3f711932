package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The same plan published as a web page, as Word and as PDF comes out as the same draft: each format's reader turns
 * its file into the one block model, and the one decomposition does the rest.
 */
class PlanFormatsTest {
    private static final String RUNNING_HEADER = "北京市“十四五”时期国际科技创新中心建设规划";
    private final PlanDocumentParser parser = new PlanDocumentParser();

    /** Chapters, sections and paragraphs as (number, title, context, paragraph texts and lead sentences). */
    private static List<String> outline(ParsedPlan plan, boolean tasksOnly) {
        return plan.chapters().stream().filter(c -> !tasksOnly || !c.context())
                .flatMap(c -> c.sections().stream().map(s -> c.number() + " " + c.title() + " " + c.context() + " | "
                        + s.number() + s.title() + " | " + s.paragraphs().stream()
                                .map(p -> p.text().replaceAll("\\s", "") + " => " + p.taskTitle().replaceAll("\\s", ""))
                                .toList()))
                .toList();
    }

    @Test
    void theSamplePlanAsAWordDocumentBecomesTheSameDraftAsItsWebPage() {
        byte[] html = PlanFixtures.bytes(PlanFixtures.BEIJING);
        ParsedPlan fromHtml = parser.parse(html);

        ParsedPlan fromWord = parser.parse(PlanFiles.docx(PlanFiles.blocksOf(html), RUNNING_HEADER));

        assertThat(fromWord.title()).isEqualTo(fromHtml.title());
        assertThat(fromWord.issuingBodies()).isEqualTo(fromHtml.issuingBodies());
        assertThat(fromWord.issuedOn()).isEqualTo(fromHtml.issuedOn());
        assertThat(fromWord.periodStart()).isEqualTo(2021);
        assertThat(outline(fromWord, false)).isEqualTo(outline(fromHtml, false));
        assertThat(fromWord.indicators()).isEqualTo(fromHtml.indicators());
        assertThat(fromWord.chapters().stream().filter(c -> !c.context()).flatMap(c -> c.sections().stream())
                .mapToInt(s -> s.paragraphs().size()).sum()).isEqualTo(118);
    }

    @Test
    void anIndicatorTableInAWordDocumentGivesTheSameIndicatorsAsInTheWebPage() {
        byte[] html = PlanFixtures.bytes(PlanFixtures.JIANGHAI);
        ParsedPlan fromHtml = parser.parse(html);

        ParsedPlan fromWord = parser.parse(PlanFiles.docx(PlanFiles.blocksOf(html), "江海市人民政府文件"));

        assertThat(fromHtml.indicators()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(fromWord.indicators()).isEqualTo(fromHtml.indicators());
        assertThat(outline(fromWord, false)).isEqualTo(outline(fromHtml, false));
    }

    @Test
    void theSamplePlanAsAPdfWithRunningHeadersAndPageNumbersHasTheSameTasks() {
        byte[] html = PlanFixtures.bytes(PlanFixtures.BEIJING);
        ParsedPlan fromHtml = parser.parse(html);

        byte[] pdf = PlanFiles.pdf(PlanFiles.blocksOf(html),
                new PlanFiles.Furniture(page -> RUNNING_HEADER, page -> "— " + page + " —"));
        ParsedPlan fromPdf = parser.parse(pdf);

        assertThat(fromPdf.title()).isEqualTo(fromHtml.title());
        assertThat(fromPdf.issuingBodies()).isEqualTo(fromHtml.issuingBodies());
        assertThat(fromPdf.issuedOn()).isEqualTo(fromHtml.issuedOn());
        assertThat(fromPdf.chapters()).extracting(ParsedChapter::title)
                .isEqualTo(fromHtml.chapters().stream().map(ParsedChapter::title).toList());
        assertThat(outline(fromPdf, true)).isEqualTo(outline(fromHtml, true));
        assertThat(PdfReader.read(pdf).blocks()).extracting(Block::text)
                .as("the running header and the page numbers are furniture").doesNotContain(RUNNING_HEADER, "— 3 —")
                .noneMatch(t -> t.contains("— 12 —"));
    }

    @Test
    void aPdfWithPageNumbersAsDiXYeAndAHeaderOnOddPagesOnlyLosesThemToo() {
        byte[] html = PlanFixtures.bytes(PlanFixtures.JIANGHAI);
        ParsedPlan fromHtml = parser.parse(html);

        byte[] pdf = PlanFiles.pdf(PlanFiles.blocksOf(html), new PlanFiles.Furniture(
                page -> page % 2 == 1 ? "江海市人民政府办公室　2026年3月15日印发" : null, page -> "第 " + page + " 页"));
        ParsedPlan fromPdf = parser.parse(pdf);

        assertThat(outline(fromPdf, true)).isEqualTo(outline(fromHtml, true));
        assertThat(allText(fromPdf)).doesNotContain("第 1 页").doesNotContain("印发");
    }

    @Test
    void aScannedPdfIsRefusedSayingItHasNoText() {
        PlanDocumentException refused = catchThrowableOfType(PlanDocumentException.class,
                () -> parser.parse(PlanFiles.scannedPdf(3)));

        assertThat(refused.code()).isEqualTo(PlanDocumentException.NO_TEXT_LAYER);
        assertThat(refused.getMessage()).contains("没有文字层").contains("3 页").contains("no text layer");
    }

    private static String allText(ParsedPlan plan) {
        StringBuilder all = new StringBuilder(String.join("\n", plan.preamble()));
        plan.chapters().forEach(c -> {
            all.append(c.title()).append(String.join("\n", c.introduction()));
            c.sections().forEach(s -> s.paragraphs().forEach(p -> all.append('\n').append(p.text())));
        });
        return all.toString();
    }
}
