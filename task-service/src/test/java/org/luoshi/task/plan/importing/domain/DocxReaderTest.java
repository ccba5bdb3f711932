package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word documents as offices write them: automatic numbering, heading styles, merged table cells, headers, footers. */
class DocxReaderTest {

    private interface Body {
        void write(XWPFDocument doc) throws IOException;
    }

    private static byte[] docx(Body body) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            body.write(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list whose levels are 第%1章 (Chinese counting), （%2） (Chinese counting) and %3. (decimal). */
    private static BigInteger chapterNumbering(XWPFDocument doc) {
        CTAbstractNum list = CTAbstractNum.Factory.newInstance();
        list.setAbstractNumId(BigInteger.ONE);
        level(list, 0, STNumberFormat.CHINESE_COUNTING, "第%1章");
        level(list, 1, STNumberFormat.CHINESE_COUNTING, "（%2）");
        level(list, 2, STNumberFormat.DECIMAL, "%3.");
        XWPFNumbering numbering = doc.createNumbering();
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(list)));
    }

    private static void level(CTAbstractNum list, int ilvl, STNumberFormat.Enum format, String text) {
        CTLvl lvl = list.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(ilvl));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }

    private static void numbered(XWPFDocument doc, BigInteger numId, int ilvl, String text) {
        XWPFParagraph p = PlanFiles.paragraph(doc, "", text);
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(ilvl));
    }

    @Test
    void automaticNumberingIsWrittenInFrontOfItsParagraphAsWordShowsIt() {
        byte[] file = docx(doc -> {
            BigInteger list = chapterNumbering(doc);
            PlanFiles.paragraph(doc, "", "江海市养老服务发展规划");
            numbered(doc, list, 0, "发展基础");
            numbered(doc, list, 1, "发展成效");
            PlanFiles.paragraph(doc, "", "养老服务体系不断完善。");
            numbered(doc, list, 0, "主要任务");
            numbered(doc, list, 1, "完善居家养老服务");
            numbered(doc, list, 2, "建设社区养老服务驿站。到2030年实现街道全覆盖。");
            numbered(doc, list, 2, "发展助餐服务。");
            numbered(doc, list, 1, "强化人才保障");
            numbered(doc, list, 2, "培养养老护理员。");
        });

        List<String> texts = DocxReader.read(file).blocks().stream().map(Block::text).toList();

        assertThat(texts).containsExactly("江海市养老服务发展规划", "第一章 发展基础", "（一） 发展成效", "养老服务体系不断完善。",
                "第二章 主要任务", "（一） 完善居家养老服务", "1. 建设社区养老服务驿站。到2030年实现街道全覆盖。", "2. 发展助餐服务。",
                "（二） 强化人才保障", "1. 培养养老护理员。");
        ParsedPlan plan = new PlanDocumentParser().parse(file);
        assertThat(plan.chapters()).extracting(ParsedChapter::number, ParsedChapter::title)
                .containsExactly(tuple("一", "发展基础"), tuple("二", "主要任务"));
        assertThat(plan.chapters().get(1).sections().get(0).paragraphs()).extracting(ParsedParagraph::taskTitle)
                .containsExactly("1. 建设社区养老服务驿站", "完善居家养老服务");
    }

    @Test
    void headingsMarkedOnlyByTheirStyleAreNumberedByTheirPlace() {
        byte[] file = docx(doc -> {
            PlanFiles.paragraph(doc, "", "青河县数字乡村建设行动方案");
            PlanFiles.heading(doc, "总体要求", 1);
            PlanFiles.heading(doc, "发展目标", 2);
            PlanFiles.paragraph(doc, "", "到2027年，数字乡村建设取得明显成效。");
            PlanFiles.heading(doc, "重点任务", 1);
            PlanFiles.heading(doc, "乡村数字基础设施", 2);
            PlanFiles.paragraph(doc, "", "推进千兆光网向行政村延伸。");
            PlanFiles.heading(doc, "智慧农业", 2);
            PlanFiles.paragraph(doc, "", "建设农业物联网示范基地。");
        });

        ParsedPlan plan = new PlanDocumentParser().parse(file);

        assertThat(plan.title()).isEqualTo("青河县数字乡村建设行动方案");
        assertThat(plan.chapters()).extracting(ParsedChapter::number, ParsedChapter::title, ParsedChapter::context)
                .containsExactly(tuple("一", "总体要求", true), tuple("二", "重点任务", false));
        assertThat(plan.chapters().get(1).sections()).extracting(ParsedSection::title)
                .containsExactly("乡村数字基础设施", "智慧农业");
    }

    @Test
    void headersAndFootersAreNotReadAndMergedCellsFillTheirSpan() {
        byte[] file = docx(doc -> {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("某某市人民政府办公室文件");
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("— 1 —");
            PlanFiles.paragraph(doc, "主要指标", "");
            XWPFTable table = PlanFiles.table(doc, List.of(List.of("类别", "指标", "2030年"), List.of("产业", "增加值占比", "12"),
                    List.of("", "营业收入", "3000")));
            table.getRow(1).getCell(0).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            table.getRow(2).getCell(0).getCTTc().addNewTcPr().addNewVMerge();
        });

        List<Block> blocks = DocxReader.read(file).blocks();

        assertThat(blocks).extracting(Block::kind, Block::text, Block::wholeBold)
                .containsExactly(tuple(Block.Kind.TEXT, "主要指标", true), tuple(Block.Kind.TABLE, "", false));
        assertThat(blocks.get(1).rows()).containsExactly(List.of("类别", "指标", "2030年"), List.of("产业", "增加值占比", "12"),
                List.of("产业", "营业收入", "3000"));
    }

    @Test
    void wordsNumberFormatsAreWrittenAsWordWritesThem() {
        assertThat(DocxReader.write(11, "chineseCounting")).isEqualTo("十一");
        assertThat(DocxReader.write(3, "chineseLegalSimplified")).isEqualTo("叁");
        assertThat(DocxReader.write(2, "decimalEnclosedCircle")).isEqualTo("②");
        assertThat(DocxReader.write(4, "lowerRoman")).isEqualTo("iv");
        assertThat(DocxReader.write(27, "upperLetter")).isEqualTo("AA");
        assertThat(DocxReader.write(7, "decimal")).isEqualTo("7");
    }
}
