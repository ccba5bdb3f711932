package org.luoshi.task.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment report rendered from models built in {@link ReportModels}: read back from the PDF with PDFBox and
 * from the .docx with POI. Plain JUnit: no Quarkus, no database. Needs the CJK fonts that .ci/run installs.
 */
class AssessmentReportRendererTest {
    static final List<String> CHAPTERS = List.of("一、总体进展", "二、主要指标完成情况", "三、重点任务完成情况", "四、逾期、退回和调整事项",
            "五、部门自评情况", "六、评估评分", "七、主要问题", "八、下一步建议");

    static AssessmentReportRenderer renderer;
    static RenderedReport full;
    static String fullPdfText;

    @BeforeAll
    static void renderTheFullModel() throws IOException {
        renderer = new AssessmentReportRenderer(ReportFonts.locate(Optional.empty(), Optional.empty()));
        full = renderer.render(ReportModels.full());
        fullPdfText = pdfText(full.pdf());
    }

    @Test
    void theSameModelRendersToByteIdenticalFiles() {
        RenderedReport again = renderer.render(ReportModels.full());

        assertThat(sha256(again.docx())).isEqualTo(sha256(full.docx()));
        assertThat(sha256(again.pdf())).isEqualTo(sha256(full.pdf()));
    }

    @Test
    void theDocxPackageIsDatedTheReportDateNotTheTimeOfRendering() throws IOException {
        List<LocalDateTime> times = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(full.docx()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                times.add(e.getTimeLocal());
            }
        }

        assertThat(times).hasSizeGreaterThan(5).containsOnly(ReportModels.AS_OF.atStartOfDay());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            assertThat(docx.getProperties().getCoreProperties().getModified().toInstant())
                    .isEqualTo(ReportModels.AS_OF.atStartOfDay(PdfReportWriter.ZONE).toInstant());
        }
    }

    @Test
    void aChangedModelRendersToDifferentFiles() {
        AssessmentReportModel m = ReportModels.full();
        AssessmentReportModel changed = new AssessmentReportModel(m.planTitle(), m.kind(), m.periodFrom(), m.periodTo(),
                m.organisationName(), m.asOf(), m.snapshotSha256(), m.overview(), m.indicators(), m.byChapter(),
                m.byDepartment(), m.overdue(), m.returned(), m.adjusted(), m.selfAssessments(), m.scores(),
                m.totalScore(), "优秀", m.findings(), m.recommendations());

        RenderedReport other = renderer.render(changed);

        assertThat(sha256(other.docx())).isNotEqualTo(sha256(full.docx()));
        assertThat(sha256(other.pdf())).isNotEqualTo(sha256(full.pdf()));
    }

    @Test
    void thePdfCarriesTheTitleEveryChapterHeadingAndTheProvenance() {
        String text = oneLine(fullPdfText);

        assertThat(text).contains("《北京市“十四五”时期国际科技创新中心建设规划》实施中期评估报告", "评估机构：首都科技评估中心",
                "评估期：2021年1月1日至2023年6月30日");
        for (String chapter : CHAPTERS) {
            assertThat(text).contains(chapter);
        }
        assertThat(text).contains("（一）分章节完成情况", "（二）分部门完成情况", "（三）调整事项", "1. 总体情况：");
        assertThat(text).contains("快照 SHA-256：" + ReportModels.SHA);
    }

    @Test
    void thePdfStatesEveryIndicatorWithItsValuesExactly() {
        String text = oneLine(fullPdfText);

        for (AssessmentReportModel.IndicatorRow row : ReportModels.full().indicators()) {
            assertThat(text).contains(row.name());
        }
        assertThat(text).contains("（一）" + ReportModels.RD_INTENSITY);
        assertThat(text).contains("基期（2020年）值为6.0%，规划目标为2025年6.0%左右。2022年为6.53%（初步数），完成进度100.0%");
        assertThat(text).contains("规划目标为2025年17.0%左右（原目标为18.0%左右，经批准调整）");
        assertThat(text).contains("2022年为112件（修订数）");
        assertThat(text).contains("综合得分：86.5分；评估等级：良好。");
    }

    @Test
    void thePdfEmbedsTheChartsAndTheCjkFonts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(full.pdf())) {
            int images = 0;
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            // one trajectory per indicator and the chapters' bar chart
            assertThat(images).isEqualTo(ReportModels.full().indicators().size() + 1);
            assertThat(fonts).isNotEmpty();
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(ReportModels.AS_OF.atStartOfDay(PdfReportWriter.ZONE).toInstant());
        }
    }

    @Test
    void theDocxHasWordHeadingsForEveryChapter() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            List<String> headings = docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();

            assertThat(headings).containsExactlyElementsOf(CHAPTERS);
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getStyles().getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0).getEastAsia())
                    .isEqualTo("黑体");
            assertThat(docx.getParagraphs()).anyMatch(p -> "Heading2".equals(p.getStyle())
                    && p.getText().equals("（一）" + ReportModels.RD_INTENSITY));
            assertThat(docx.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("《北京市“十四五”时期国际科技创新中心建设规划》实施中期评估报告");
        }
    }

    @Test
    void theDocxHasATableOfContentsRunningHeadersAndPageNumbersButNotOnTheCover() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            String body = docx.getDocument().xmlText();
            assertThat(body).contains("TOC \\o \"1-2\"").contains("fldCharType=\"begin\"", "fldCharType=\"end\"");
            List<String> entries = docx.getParagraphs().stream().filter(p -> "TOC1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(entries).containsExactlyElementsOf(CHAPTERS);
            assertThat(docx.getParagraphs()).anyMatch(p -> "TOC2".equals(p.getStyle())
                    && p.getText().equals("（一）" + ReportModels.RD_INTENSITY));
            assertThat(docx.getSettings().getCTSettings().isSetUpdateFields()).isTrue();

            org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy policy = docx.getHeaderFooterPolicy();
            assertThat(policy.getDefaultHeader().getText()).contains("《北京市“十四五”时期国际科技创新中心建设规划》实施中期评估报告");
            assertThat(policy.getDefaultFooter().getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(policy.getDefaultFooter().getText()).contains("—");
            assertThat(policy.getFirstPageHeader().getText()).isBlank();
            assertThat(policy.getFirstPageFooter().getText()).isBlank();
            assertThat(docx.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
        }
    }

    /**
     * The heading font (WenQuanYi Zen Hei) has no bold face: headings are drawn filled and stroked (text rendering mode
     * 2, PDF's synthetic bold), the body text plainly filled.
     */
    @Test
    void thePdfHeadingsAreBoldAlthoughTheirFontHasNoBoldFace() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(full.pdf())) {
            int page = pageWith(pdf, "一、总体进展");
            List<Object> tokens = new org.apache.pdfbox.pdfparser.PDFStreamParser(pdf.getPage(page)).parse();
            List<Integer> modes = new ArrayList<>();
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof org.apache.pdfbox.contentstream.operator.Operator op && op.getName().equals("Tr")
                        && tokens.get(i - 1) instanceof org.apache.pdfbox.cos.COSNumber n) {
                    modes.add(n.intValue());
                }
            }
            assertThat(modes).contains(2);
        }
    }

    static int pageWith(PDDocument pdf, String text) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            if (stripper.getText(pdf).contains(text)) {
                return i - 1;
            }
        }
        throw new AssertionError(text + " is on no page");
    }

    @Test
    void theDocxIndicatorTableHasTheHeaderAndOneRowPerIndicator() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            XWPFTable table = indicatorTable(docx);
            List<XWPFTableRow> rows = table.getRows();

            assertThat(cells(rows.get(0))).containsExactly("序号", "指标", "单位", "属性", "基期值", "目标值", "最新值", "进度",
                    "所需年均增量", "预计", "状态");
            assertThat(rows.get(0).isRepeatHeader()).isTrue();
            assertThat(rows).hasSize(11);
            assertThat(cells(rows.get(1))).containsExactly("1", ReportModels.RD_INTENSITY, "%", "预期性", "6.0\n（2020年）",
                    "6.0左右\n（2025年）", "6.53\n（2022年，初步数）", "100.0%", "-0.18", "7.33\n（2025年）", "已实现");
            assertThat(cells(rows.get(2)).get(5)).isEqualTo("调整后：17.0左右\n（2025年）\n原目标：18.0左右");
        }
    }

    @Test
    void unknownValuesPrintAsADash() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            List<String> row = cells(indicatorTable(docx).getRows().get(10));

            assertThat(row).containsExactly("10", "国际科技合作项目数", "项", "预期性", "—", "≥500\n（2025年）", "—", "—", "—",
                    "—", "暂无数据");
        }
        assertThat(oneLine(fullPdfText)).contains("国际科技合作项目数为预期性指标，规划目标为2025年≥500项。评估期内尚无报送数据。");
    }

    @Test
    void theDocxEmbedsOnePicturePerChart() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            long pictures = docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .mapToLong(r -> r.getEmbeddedPictures().size()).sum();

            assertThat(pictures).isEqualTo(ReportModels.full().indicators().size() + 1);
            assertThat(docx.getAllPictures()).allSatisfy(p -> assertThat(p.suggestFileExtension()).isEqualTo("png"));
        }
    }

    @Test
    void missingSelfAssessmentsAreListedAsNotSubmitted() throws IOException {
        String text = oneLine(fullPdfText);

        assertThat(text).contains("纳入评估范围的45个责任部门中，40个部门提交了自评报告，5个部门未提交。未提交的部门：市直部门9、市直部门18、市直部门27、市直部门36、市直部门45。");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(full.docx()))) {
            XWPFTable table = docx.getTables().stream().filter(t -> cells(t.getRow(0)).contains("提交情况")).findFirst()
                    .orElseThrow();
            assertThat(cells(table.getRow(9))).containsExactly("9", "市直部门9", "未提交", "—");
        }
    }

    @Test
    void adjustedItemsShowTheOriginalNextToTheAdjusted() {
        String text = oneLine(fullPdfText);

        assertThat(text).contains("原：2023年6月30日", "调整后：2024年6月30日", "原：建成并投入运行", "调整后：完成主体建设");
    }

    @Test
    void aLongTextWrapsOverSeveralLinesAndLosesNothing() {
        String[] lines = fullPdfText.split("\\R");
        List<String> linesOfTheFinding = new ArrayList<>();
        for (String line : lines) {
            if (ReportModels.LONG_FINDING.contains(line.strip()) && line.strip().length() > 5) {
                linesOfTheFinding.add(line.strip());
            }
        }

        assertThat(oneLine(fullPdfText)).contains(ReportModels.LONG_FINDING);
        assertThat(linesOfTheFinding).hasSizeGreaterThan(3);
    }

    @Test
    void aModelWithoutIndicatorsTasksOrSelfAssessmentsStillRenders() throws IOException {
        RenderedReport empty = renderer.render(ReportModels.empty());

        String text = oneLine(pdfText(empty.pdf()));
        assertThat(text).contains("实施总结评估报告", "本规划未设置量化指标", "本次评估没有要求提交自评报告的部门",
                "评估机构尚未评分", "综合得分：—；评估等级：—。", "评估机构未提出主要问题");
        for (String chapter : CHAPTERS) {
            assertThat(text).contains(chapter);
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(empty.docx()))) {
            assertThat(docx.getAllPictures()).isEmpty();
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).count())
                    .isEqualTo(CHAPTERS.size());
        }
    }

    @Test
    void aConfiguredFontThatIsMissingIsAClearError() {
        assertThatThrownBy(() -> ReportFonts.locate(Optional.of("/nonexistent/simsun.ttf"), Optional.empty()))
                .isInstanceOf(ReportFonts.ReportFontsUnavailableException.class)
                .hasMessageContaining("luoshi.report.font is /nonexistent/simsun.ttf")
                .hasMessageContaining("fonts-arphic-gbsn00lp");
    }

    @Test
    void aFileThatIsNoUsableFontIsRefusedWhenLocated(@TempDir Path dir) throws IOException {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");

        assertThatThrownBy(() -> ReportFonts.locate(Optional.empty(), Optional.of(notAFont.toString())))
                .isInstanceOf(ReportFonts.ReportFontsUnavailableException.class)
                .hasMessageContaining(notAFont.toString());
    }

    @Test
    void choosingTheFontsAtStartOnlyFindsTheFilesAndLeavesTheirCheckToTheFirstReport(@TempDir Path dir) throws IOException {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");

        assertThat(ReportFonts.choose(Optional.empty(), Optional.of(notAFont.toString()))).endsWith(notAFont);
        assertThatThrownBy(() -> ReportFonts.choose(Optional.of("/nonexistent/simsun.ttf"), Optional.empty()))
                .isInstanceOf(ReportFonts.ReportFontsUnavailableException.class)
                .hasMessageContaining("luoshi.report.font is /nonexistent/simsun.ttf");
    }

    private static XWPFTable indicatorTable(XWPFDocument docx) {
        return docx.getTables().stream().filter(t -> cells(t.getRow(0)).contains("所需年均增量")).findFirst().orElseThrow();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The text without the line breaks that layout put in. */
    private static String oneLine(String text) {
        return text.replaceAll("\\R", "");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
