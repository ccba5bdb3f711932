package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Inputs that are not plans are refused whole, with a message a person can act on. */
class NotAPlanTest {
    private final PlanDocumentParser parser = new PlanDocumentParser();

    /** Asserts the document is refused with a message in Chinese and in English; returns the refusal to check on. */
    private AbstractThrowableAssert<?, ? extends Throwable> refusing(byte[] document) {
        Throwable thrown = catchThrowable(() -> parser.parse(document));
        assertThat(thrown).isInstanceOf(PlanDocumentException.class);
        assertThat(thrown.getMessage()).as("a Chinese and an English sentence")
                .containsPattern("\\p{IsHan}{4,}").containsPattern("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
        return assertThat(thrown);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAnEmptyDocument() {
        refusing(new byte[0]).hasMessageContaining("empty");
        refusing(utf8(" \n\t　\n")).hasMessageContaining("white space");
    }

    @Test
    void refusesAPngImage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        refusing(png).hasMessageContaining("PNG");
    }

    @Test
    void refusesADamagedPdfAsUnreadableAndOtherBinaryDataAsAnUnsupportedType() {
        refusing(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj")).hasMessageContaining("PDF")
                .extracting(e -> ((PlanDocumentException) e).code()).isEqualTo(PlanDocumentException.UNREADABLE);
        refusing(new byte[] {'a', 'b', 0, 1, 2, 3, 0, 0, 'c'}).hasMessageContaining("binary")
                .extracting(e -> ((PlanDocumentException) e).code()).isEqualTo(PlanDocumentException.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesASpreadsheetAndALegacyWordFileAsUnsupportedTypesNamingWhatIsAccepted() throws Exception {
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            workbook.createSheet("指标").createRow(0).createCell(0).setCellValue("一、总体要求");
            workbook.write(xlsx);
        }
        refusing(xlsx.toByteArray()).hasMessageContaining("Word (.docx)")
                .extracting(e -> ((PlanDocumentException) e).code()).isEqualTo(PlanDocumentException.UNSUPPORTED_TYPE);
        byte[] legacyDoc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        refusing(legacyDoc).hasMessageContaining(".doc")
                .extracting(e -> ((PlanDocumentException) e).code()).isEqualTo(PlanDocumentException.UNSUPPORTED_TYPE);
    }

    @Test
    void refusesAWordFileThatUnpacksToFarMoreThanAnyPlan() throws Exception {
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= DocumentReaders.MAX_UNPACKED; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).as("small packed").isLessThan(1024 * 1024);

        refusing(bomb.toByteArray()).hasMessageContaining("unpacks to more than")
                .extracting(e -> ((PlanDocumentException) e).code()).isEqualTo(PlanDocumentException.UNREADABLE);
    }

    @Test
    void refusesANewsArticle() {
        refusing(utf8("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>新能源汽车下乡活动在我市启动</title></head>
                <body><h1>新能源汽车下乡活动在我市启动</h1>
                <p class="date">2024年5月20日 来源：本报</p>
                <p>本报讯（记者 王明）5月18日，新能源汽车下乡活动在市体育中心广场启动，20余家车企带来百余款车型。</p>
                <p>活动现场人头攒动。市民李先生说：“价格实惠，还有补贴，准备给家里添一辆。”</p>
                <p>据介绍，活动将持续到6月底，覆盖全市8个区县。</p>
                <p>责任编辑：张华</p>
                </body></html>
                """)).hasMessageContaining("No chapter headings");
    }

    @Test
    void refusesChaptersWithoutSections() {
        refusing(utf8("""
                <html><body><h1>某市养老服务发展规划</h1>
                <p>一、发展基础</p><p>全市养老服务体系不断完善。</p>
                <p>二、主要任务</p><p>完善居家社区养老服务网络。</p>
                </body></html>
                """)).hasMessageContaining("no section headings");
        refusing(utf8("""
                <html><body><h1>某市养老服务发展规划</h1>
                <p>一、发展基础</p><p>（一）发展成效</p><p>全市养老服务体系不断完善。</p>
                <p>二、主要任务</p><p>完善居家社区养老服务网络。</p>
                </body></html>
                """)).hasMessageContaining("Chapter 2").hasMessageContaining("no sections");
    }

    @Test
    void refusesASingleChapterAndATableOfContentsAlone() {
        refusing(utf8("<p>某市规划</p><p>一、总体要求</p><p>（一）目标</p><p>到2025年，建成示范区。</p>"))
                .hasMessageContaining("Only one chapter");
        refusing(utf8("<p>某市规划</p><p>目录</p><p>一、总体要求</p><p>（一）目标</p><p>二、主要任务</p><p>（一）建设</p>"))
                .hasMessageContaining("no chapter has any text");
    }

    @Test
    void refusesAStructuredDocumentThatNamesNoPlan() {
        refusing(utf8("""
                <p>会议纪要</p>
                <p>一、会议情况</p><p>（一）参会人员</p><p>各部门负责同志参加会议。</p>
                <p>二、议定事项</p><p>（一）工作安排</p><p>会议议定了下一步工作。</p>
                """)).hasMessageContaining("No plan title");
    }
}
