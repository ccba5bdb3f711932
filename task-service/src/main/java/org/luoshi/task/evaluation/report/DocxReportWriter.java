package org.luoshi.task.evaluation.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.luoshi.task.evaluation.report.ReportDocument.Block;
import org.luoshi.task.evaluation.report.ReportDocument.Chart;
import org.luoshi.task.evaluation.report.ReportDocument.Heading;
import org.luoshi.task.evaluation.report.ReportDocument.Paragraph;
import org.luoshi.task.evaluation.report.ReportDocument.Table;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes the report as Word (.docx) with POI: real Heading 1–3 styles (so Word's navigation pane and table of
 * contents work), tables with a repeated header row, the charts as embedded PNG. East-Asian fonts are set through
 * {@code w:rFonts/@w:eastAsia}: 宋体 for text, 黑体 for headings, 楷体 for second-level headings, as in government
 * documents. A table of contents (a TOC field Word updates on opening), the title as running header and "— n —" page
 * numbers, none of them on the cover. Zip entry times and the core properties' dates are the report's date so that the bytes are repeatable.
 */
final class DocxReportWriter {
    static final String SONG = "宋体";
    static final String HEI = "黑体";
    static final String KAI = "楷体";
    static final String LATIN = "Times New Roman";
    /** Text width of an A4 page with 2 cm side margins, in twentieths of a point. */
    private static final int TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
    private static final int CHART_WIDTH_EMU = Units.toEMU(16 / 2.54 * 72);

    byte[] write(ReportDocument report, String organisation, LocalDate asOf) {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            page(doc);
            runningHeaderAndPageNumbers(doc, report.title());
            cover(doc, report);
            tableOfContents(doc, report);
            for (Block block : report.blocks()) {
                if (block instanceof Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    p.createRun().setText(h.text());
                } else if (block instanceof Paragraph p) {
                    text(doc.createParagraph(), p.text(), true);
                } else if (block instanceof Table t) {
                    table(doc, t);
                } else if (block instanceof Chart c) {
                    chart(doc, c);
                }
            }
            XWPFParagraph provenance = doc.createParagraph();
            provenance.setSpacingBefore(240);
            XWPFRun run = provenance.createRun();
            run.setText(report.provenance());
            run.setFontSize(9);
            properties(doc, report.title(), organisation, asOf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return repeatableZip(out.toByteArray(), asOf);
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException("could not write the assessment report as .docx",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void cover(XWPFDocument doc, ReportDocument report) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("Title");
        title.createRun().setText(report.title());
        for (String line : report.subtitleLines()) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = p.createRun();
            run.setText(line);
            run.setFontSize(14);
        }
        doc.createParagraph().setPageBreak(true);
    }

    /**
     * 目录 on its own page: a TOC field over the Heading 1–2 paragraphs. Its result is filled in already (the headings,
     * level 2 indented) so that it reads right before any update; Word is asked to update fields on opening, which adds
     * the page numbers.
     */
    private static void tableOfContents(XWPFDocument doc, ReportDocument report) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("TOCHeading");
        title.createRun().setText("目　录");
        List<Heading> headings = report.blocks().stream().filter(b -> b instanceof Heading h && h.level() <= 2)
                .map(b -> (Heading) b).toList();
        XWPFParagraph first = doc.createParagraph();
        field(first, FieldPart.BEGIN, " TOC \\o \"1-2\" \\h \\z \\u ");
        XWPFParagraph last = first;
        for (int i = 0; i < headings.size(); i++) {
            XWPFParagraph entry = i == 0 ? first : doc.createParagraph();
            entry.setStyle("TOC" + headings.get(i).level());
            entry.createRun().setText(headings.get(i).text());
            last = entry;
        }
        field(last, FieldPart.END, null);
        doc.createParagraph().setPageBreak(true);
        doc.enforceUpdateFields();
    }

    private enum FieldPart {
        BEGIN, END
    }

    /** BEGIN: the field's start, its instruction and the separator before its result; END: the field's end. */
    private static void field(XWPFParagraph p, FieldPart part, String instruction) {
        if (part == FieldPart.BEGIN) {
            p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
            CTText text = p.getCTP().addNewR().addNewInstrText();
            text.setStringValue(instruction);
            text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
            p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        } else {
            p.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
        }
    }

    /**
     * As a 公文-style report: the report's title as a running header above a rule, and the page number centred in the
     * footer as "— 1 —"; the cover (the section's first page) has neither.
     */
    private static void runningHeaderAndPageNumbers(XWPFDocument doc, String title) {
        doc.getDocument().getBody().getSectPr().addNewTitlePg();
        XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
        XWPFHeader header = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph h = header.createParagraph();
        h.setAlignment(ParagraphAlignment.CENTER);
        h.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
        XWPFRun headerRun = h.createRun();
        headerRun.setText(title);
        headerRun.setFontSize(9);
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph f = footer.createParagraph();
        f.setAlignment(ParagraphAlignment.CENTER);
        f.createRun().setText("— ");
        f.getCTP().addNewFldSimple().setInstr("PAGE");
        f.createRun().setText(" —");
        policy.createHeader(XWPFHeaderFooterPolicy.FIRST).createParagraph();
        policy.createFooter(XWPFHeaderFooterPolicy.FIRST).createParagraph();
    }

    /** A paragraph whose line breaks become Word line breaks; body paragraphs are indented by two characters. */
    private static void text(XWPFParagraph p, String text, boolean body) {
        if (body) {
            p.setIndentationFirstLine(480);
            p.setAlignment(ParagraphAlignment.BOTH);
        }
        String[] lines = text.split("\n", -1);
        XWPFRun run = p.createRun();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        caption(doc, t.caption());
        int columns = t.header().size();
        XWPFTable table = doc.createTable(t.rows().size() + 1, columns);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        // Word's default cell margins (0.19 cm a side) leave too little room in an eleven-column table
        CTTblCellMar margins = table.getCTTbl().getTblPr().addNewTblCellMar();
        for (CTTblWidth side : new CTTblWidth[] {margins.addNewLeft(), margins.addNewRight()}) {
            side.setType(STTblWidth.DXA);
            side.setW(BigInteger.valueOf(57));
        }
        CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS));
        int total = Arrays.stream(t.widths()).sum();
        int[] twips = Arrays.stream(t.widths()).map(w -> w * TEXT_WIDTH_TWIPS / total).toArray();
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < columns; i++) {
            (i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol())
                    .setW(BigInteger.valueOf(twips[i]));
        }
        int fontSize = t.small() ? 9 : 11;
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell(cell, t.header().get(c), twips[c], fontSize, true);
            CTShd shd = cell.getCTTc().getTcPr().addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill("E8E8E8");
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> values = t.rows().get(r);
            for (int c = 0; c < columns; c++) {
                cell(row.getCell(c), values.get(c), twips[c], fontSize, false);
            }
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void cell(XWPFTableCell cell, String value, int widthTwips, int fontSize, boolean header) {
        cell.setWidth(Integer.toString(widthTwips));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(header || !ReportText.isProse(value) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        text(p, value, false);
        for (XWPFRun run : p.getRuns()) {
            run.setFontSize(fontSize);
            if (header) {
                fonts(run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr(), HEI);
            }
        }
    }

    private static void caption(XWPFDocument doc, String caption) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Caption");
        p.createRun().setText(caption);
    }

    private static void chart(XWPFDocument doc, Chart c) throws IOException, InvalidFormatException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        int height = (int) ((long) CHART_WIDTH_EMU * c.heightPx() / c.widthPx());
        p.createRun().addPicture(new ByteArrayInputStream(c.png()), Document.PICTURE_TYPE_PNG, c.caption() + ".png",
                CHART_WIDTH_EMU, height);
        caption(doc, c.caption());
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margin.setTop(BigInteger.valueOf(1417));
        margin.setBottom(BigInteger.valueOf(1247));
        margin.setLeft(BigInteger.valueOf(1134));
        margin.setRight(BigInteger.valueOf(1134));
    }

    /** Normal 宋体 12pt; Title 黑体 22pt; Heading 1 黑体 16pt; Heading 2 楷体 14pt; Heading 3 宋体 bold 12pt; Caption 黑体. */
    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTStyles ct = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = ct.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        fonts(rpr, SONG);
        rpr.addNewSz().setVal(BigInteger.valueOf(24));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(24));
        rpr.addNewLang().setEastAsia("zh-CN");
        defaults.addNewPPrDefault().addNewPPr().addNewSpacing().setAfter(BigInteger.valueOf(60));

        CTStyle normal = style(ct, "Normal", "Normal", null, SONG, 24, false);
        normal.setDefault(true);
        normal.addNewQFormat();
        CTStyle title = style(ct, "Title", "Title", "Normal", HEI, 44, false);
        title.getPPr().addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
        title.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(2400));
        title.getPPr().getSpacing().setAfter(BigInteger.valueOf(720));
        heading(style(ct, "Heading1", "heading 1", "Normal", HEI, 32, false), 0, 360, 120);
        heading(style(ct, "Heading2", "heading 2", "Normal", KAI, 28, false), 1, 240, 80);
        heading(style(ct, "Heading3", "heading 3", "Normal", SONG, 24, true), 2, 120, 60);
        CTStyle tocHeading = style(ct, "TOCHeading", "TOC Heading", "Normal", HEI, 32, false);
        tocHeading.getPPr().addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
        tocHeading.getPPr().addNewSpacing().setAfter(BigInteger.valueOf(360));
        style(ct, "TOC1", "toc 1", "Normal", SONG, 24, false);
        style(ct, "TOC2", "toc 2", "Normal", SONG, 24, false).getPPr().addNewInd().setLeft(BigInteger.valueOf(480));
        CTStyle caption = style(ct, "Caption", "caption", "Normal", HEI, 21, false);
        caption.getPPr().addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
        caption.getPPr().addNewKeepNext();
        styles.setStyles(ct);
    }

    private static CTStyle style(CTStyles styles, String id, String name, String basedOn, String eastAsiaFont,
            int halfPoints, boolean bold) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
            style.addNewNext().setVal("Normal");
            style.addNewQFormat();
        }
        style.addNewPPr();
        CTRPr rpr = style.addNewRPr();
        fonts(rpr, eastAsiaFont);
        if (bold) {
            rpr.addNewB();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return style;
    }

    private static void heading(CTStyle style, int outlineLevel, int before, int after) {
        style.getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        style.getPPr().addNewKeepNext();
        style.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(before));
        style.getPPr().getSpacing().setAfter(BigInteger.valueOf(after));
        style.addNewUiPriority().setVal(BigInteger.valueOf(9));
    }

    static void fonts(CTRPr rpr, String eastAsia) {
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(eastAsia);
    }

    private static void properties(XWPFDocument doc, String title, String organisation, LocalDate asOf) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        Date date = Date.from(day(asOf).atStartOfDay(PdfReportWriter.ZONE).toInstant());
        core.setTitle(title);
        core.setCreator(organisation);
        core.setLastModifiedByUser(organisation);
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
    }

    private static LocalDate day(LocalDate asOf) {
        return asOf == null ? LocalDate.of(2000, 1, 1) : asOf;
    }

    /** Rewrites the package with every entry dated {@code asOf}: POI stamps entries with the current time. */
    static byte[] repeatableZip(byte[] docx, LocalDate asOf) throws IOException {
        LocalDateTime time = day(asOf).atStartOfDay();
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
