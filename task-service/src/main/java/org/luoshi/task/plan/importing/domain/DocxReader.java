package org.luoshi.task.plan.importing.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a Word document (.docx) into {@link Block}s: the body only (page headers, footers and their page numbers are
 * parts of their own in a .docx and are never read), paragraphs with the number Word's automatic numbering gives
 * them written in front ("第一章", "（一）", "1."), headings by their style's or paragraph's outline level (Heading 1–9,
 * 标题 1–9), a line break inside a paragraph ending a block as {@code <br>} does in HTML, data tables as tables (a
 * layout table, one with nested tables or long text, read through as paragraphs), content controls (a table of
 * contents) as their lines. The document's title property is a title hint.
 */
final class DocxReader {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|标题)\\s*([1-9])",
            Pattern.CASE_INSENSITIVE);
    private static final int LONG_CELL = 200;

    private final XWPFDocument doc;
    private final List<Block> blocks = new ArrayList<>();
    /** The running counters of each list (abstract numbering), per level; null where a level has not started. */
    private final Map<BigInteger, Integer[]> counters = new HashMap<>();

    private DocxReader(XWPFDocument doc) {
        this.doc = doc;
    }

    static PlanDocument read(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            DocxReader reader = new DocxReader(doc);
            reader.readBody(doc.getBodyElements());
            String title = doc.getProperties().getCoreProperties().getTitle();
            return new PlanDocument(reader.blocks, title == null ? List.of() : List.of(title), null);
        } catch (IOException | POIXMLException | IllegalArgumentException
                | IllegalStateException e) {
            throw new PlanDocumentException(PlanDocumentException.UNREADABLE,
                    "Word 文件已损坏或无法读取。 The Word document is damaged and cannot be read.");
        }
    }

    private void readBody(List<IBodyElement> elements) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                paragraph(p);
            } else if (element instanceof XWPFTable t) {
                table(t);
            } else if (element instanceof XWPFSDT sdt) {
                for (String line : sdt.getContent().getText().split("\\R")) {
                    addText(line, "", false);
                }
            }
        }
    }

    private void paragraph(XWPFParagraph p) {
        if (Block.normalise(p.getText()).isEmpty()) {
            if (p.getRuns().stream().anyMatch(r -> !r.getEmbeddedPictures().isEmpty())) {
                blocks.add(Block.image()); // a figure: what stands right above it is its caption
            }
            return;
        }
        int level = outlineLevel(p);
        Line line = new Line(numberLabel(p));
        for (XWPFRun run : p.getRuns()) {
            String t = run.text();
            boolean bold = run.isBold();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '\n' || c == '\r') {
                    line.emit(level);
                    line = new Line("");
                } else {
                    line.add(c, bold);
                }
            }
        }
        line.emit(level);
    }

    /** One line of a paragraph as it is read: its text, and the bold run it opens with. */
    private final class Line {
        private final String label;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder bold = new StringBuilder();
        private boolean boldOpen = true;
        private boolean allBold = true;

        Line(String label) {
            this.label = label;
            if (!label.isEmpty()) {
                text.append(label).append(' ');
            }
        }

        void add(char c, boolean isBold) {
            text.append(c);
            if (isBold) {
                if (boldOpen) {
                    bold.append(c);
                }
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                boldOpen = false;
                allBold = false;
            }
        }

        void emit(int level) {
            String prefix = bold.isEmpty() ? "" : (label.isEmpty() ? "" : label + " ") + bold;
            DocxReader.this.emit(text.toString(), prefix, allBold && !bold.isEmpty(), level);
        }
    }

    private void emit(String raw, String boldPrefix, boolean wholeBold, int level) {
        String text = Block.normalise(raw);
        if (text.isEmpty()) {
            return;
        }
        if (level > 0) {
            blocks.add(Block.heading(text, level));
        } else {
            addText(text, boldPrefix, wholeBold);
        }
    }

    private void addText(String raw, String boldPrefix, boolean wholeBold) {
        String text = Block.normalise(raw);
        if (!text.isEmpty()) {
            String prefix = Block.normalise(boldPrefix);
            blocks.add(Block.text(text, text.startsWith(prefix) ? prefix : "", wholeBold));
        }
    }

    // ------------------------------------------------------------------ headings

    /** The outline level (1–9) the paragraph or its style gives it; 0 for body text. */
    private int outlineLevel(XWPFParagraph p) {
        if (p.getCTP().getPPr() != null && p.getCTP().getPPr().getOutlineLvl() != null) {
            return fromOutlineLvl(p.getCTP().getPPr().getOutlineLvl());
        }
        XWPFStyles styles = doc.getStyles();
        String styleId = p.getStyleID();
        for (int depth = 0; styleId != null && depth < 10; depth++) {
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            if (style == null) {
                return byName(styleId);
            }
            if (style.getCTStyle().getPPr() != null && style.getCTStyle().getPPr().getOutlineLvl() != null) {
                return fromOutlineLvl(style.getCTStyle().getPPr().getOutlineLvl());
            }
            int byName = byName(style.getName());
            if (byName > 0) {
                return byName;
            }
            styleId = style.getBasisStyleID();
        }
        return 0;
    }

    private static int fromOutlineLvl(CTDecimalNumber lvl) {
        int value = lvl.getVal().intValue();
        return value >= 0 && value <= 8 ? value + 1 : 0; // 9 is Word's "body text"
    }

    private static int byName(String name) {
        if (name == null) {
            return 0;
        }
        Matcher m = HEADING_STYLE.matcher(name.trim());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    // ------------------------------------------------------------------ automatic numbering

    /** The number Word shows in front of the paragraph ("第三章", "（二）", "1."); empty when it has none. */
    private String numberLabel(XWPFParagraph p) {
        BigInteger numId = p.getNumID();
        XWPFNumbering numbering = doc.getNumbering();
        if (numId == null || numbering == null) {
            return "";
        }
        BigInteger abstractId = numbering.getAbstractNumID(numId);
        XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
        if (abstractNum == null) {
            return "";
        }
        int ilvl = p.getNumIlvl() == null ? 0 : Math.min(8, p.getNumIlvl().intValue());
        CTLvl[] levels = new CTLvl[9];
        for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
            int i = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
            if (i >= 0 && i < 9) {
                levels[i] = lvl;
            }
        }
        if (levels[ilvl] == null) {
            return "";
        }
        Integer[] count = counters.computeIfAbsent(abstractId, k -> new Integer[9]);
        count[ilvl] = count[ilvl] == null ? start(levels[ilvl]) : count[ilvl] + 1;
        for (int deeper = ilvl + 1; deeper < 9; deeper++) {
            count[deeper] = null;
        }
        String format = format(levels[ilvl]);
        if (format.equals("bullet") || format.equals("none") || levels[ilvl].getLvlText() == null) {
            return "";
        }
        String template = levels[ilvl].getLvlText().getVal();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && template.charAt(i + 1) >= '1' && template.charAt(i + 1) <= '9') {
                int k = template.charAt(++i) - '1';
                int value = count[k] != null ? count[k] : levels[k] == null ? 1 : start(levels[k]);
                out.append(write(value, levels[k] == null ? "decimal" : format(levels[k])));
            } else {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    private static int start(CTLvl lvl) {
        return lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
    }

    private static String format(CTLvl lvl) {
        return lvl.getNumFmt() == null ? "decimal" : lvl.getNumFmt().getVal().toString();
    }

    /** A counter in one of Word's number formats; an unknown format in Arabic digits. */
    static String write(int value, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographTraditional" ->
                    ChineseNumerals.write(value);
            case "chineseLegalSimplified" -> ChineseNumerals.write(value).chars()
                    .map(c -> "零壹贰叁肆伍陆柒捌玖拾佰".charAt(Math.max(0, "零一二三四五六七八九十百".indexOf(c))))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    value >= 1 && value <= 20 ? String.valueOf((char) ('①' + value - 1)) : Integer.toString(value);
            case "decimalFullWidth", "decimalFullWidth2" -> Integer.toString(value).chars()
                    .map(c -> c - '0' + '０').collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append).toString();
            case "upperLetter", "lowerLetter" -> {
                String letter = String.valueOf((char) ('A' + (value - 1) % 26)).repeat((value - 1) / 26 + 1);
                yield format.startsWith("lower") ? letter.toLowerCase(Locale.ROOT) : letter;
            }
            case "upperRoman", "lowerRoman" -> {
                String roman = roman(value);
                yield format.startsWith("lower") ? roman.toLowerCase(Locale.ROOT) : roman;
            }
            default -> Integer.toString(value);
        };
    }

    private static String roman(int value) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        int rest = Math.max(1, Math.min(value, 3999));
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                out.append(numerals[i]);
                rest -= values[i];
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ tables

    private void table(XWPFTable table) {
        if (!isDataTable(table)) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    readBody(cell.getBodyElements());
                }
            }
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, String> above = new HashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.getGridSpan() != null ? Math.max(1, Math.min(50, pr.getGridSpan().getVal().intValue())) : 1;
                boolean continued = pr != null && pr.getVMerge() != null
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                String text = continued ? above.getOrDefault(cells.size(), "") : Block.normalise(cell.getText());
                for (int i = 0; i < span; i++) {
                    above.put(cells.size(), text);
                    cells.add(text);
                }
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
            }
        }
        blocks.add(Block.table(rows));
    }

    /** A table of data rather than of layout: no nested tables and no long text in its cells. */
    private static boolean isDataTable(XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                if (!cell.getTables().isEmpty() || Block.normalise(cell.getText()).length() > LONG_CELL) {
                    return false;
                }
            }
        }
        return true;
    }
}
