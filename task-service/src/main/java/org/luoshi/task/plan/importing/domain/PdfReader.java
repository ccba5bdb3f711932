package org.luoshi.task.plan.importing.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's text layer into {@link Block}s. The lines of each page, in reading order by position, lose their
 * {@link PageFurniture} (running headers and footers, page numbers); the rest are joined into paragraphs across line
 * and page breaks. A line starts a new paragraph when it is indented or set off (it starts right of the text's left
 * edge, as a Chinese paragraph's first line or a centred title does), when the line before it stops short of the
 * right edge after a closing punctuation mark or by more than four characters (a paragraph's last line, a heading;
 * a line a typesetter broke a character or three early, to keep "区”，" or "IPv6" whole, does not), when a wider gap or another type size sets it apart, or when it
 * opens with a heading's number ("第三章", "一、", "（二）", "1.") after a line that ended a sentence. Lines are joined
 * without a space, except between two Latin words or numbers. Glyphs in bold or black (黑体) typefaces, or drawn
 * filled and stroked (a face emboldened by the printer), count as bold.
 * A PDF whose pages carry no text is a scan: refused, saying so, since it would need text recognition first.
 * Tables are read as lines (a PDF does not mark them).
 */
final class PdfReader {
    private static final int MIN_TEXT = 20;
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:第\\s*[零〇一二两三四五六七八九十百\\d]+\\s*[章节篇部]|[零〇一二两三四五六七八九十百]+\\s*[、．.]"
                    + "|[（(]\\s*[零〇一二两三四五六七八九十百\\d]+\\s*[）)]|\\d{1,2}\\s*[.．、](?!\\d)).*");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。；;！!？?：:]$");
    /** What a paragraph's last line or a heading ends with; a line broken early to keep "区”，" or "5G" whole does not. */
    private static final Pattern TERMINAL = Pattern.compile(".*[。；;！!？?：:”’」』）)】…]$");

    private PdfReader() {
    }

    static PlanDocument read(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            LineCollector collector = new LineCollector();
            collector.setSortByPosition(true);
            collector.getText(pdf);
            List<List<Line>> pages = collector.pages;
            int visible = pages.stream().flatMap(List::stream).mapToInt(l -> l.text.replaceAll("\\s", "").length()).sum();
            if (visible < MIN_TEXT) {
                throw new PlanDocumentException(PlanDocumentException.NO_TEXT_LAYER, "PDF 文件没有文字层（共 "
                        + pdf.getNumberOfPages() + " 页，页面只有图像，可能是扫描件），无法读出规划文本。请上传带文字层的 PDF（如由 Word 导出），"
                        + "或 Word（.docx）、网页（HTML）格式的规划全文。 The PDF has no text layer (" + pdf.getNumberOfPages()
                        + " pages of images only, probably a scan), so no plan text can be read from it. Upload a PDF "
                        + "with a text layer (as exported by Word), or the plan as Word (.docx) or a web page (HTML).");
            }
            List<Line> body = PageFurniture.remove(pages, l -> l.text).stream().flatMap(List::stream).toList();
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new PlanDocument(paragraphs(body), title == null ? List.of() : List.of(title), null);
        } catch (InvalidPasswordException e) {
            throw new PlanDocumentException(PlanDocumentException.UNREADABLE,
                    "PDF 文件设有打开密码，无法读取。 The PDF is protected by a password and cannot be read.");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new PlanDocumentException(PlanDocumentException.UNREADABLE,
                    "PDF 文件已损坏或无法读取。 The PDF is damaged and cannot be read.");
        }
    }

    /** One line of a page: its text with a bold flag per char, where it starts and ends, its baseline and type size. */
    private record Line(int page, String text, boolean[] bold, float x0, float x1, float y, float size) {
    }

    /** Collects the lines of each page as PDFBox finds them, with their glyphs' positions. */
    private static final class LineCollector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Boolean> bold = new ArrayList<>();
        private float x0 = Float.NaN;
        private float x1;
        private float y;
        private float size;

        /** Glyphs drawn filled and stroked: how Chrome and Word embolden a face that has no bold weight. */
        private final Map<TextPosition, Boolean> stroked = new IdentityHashMap<>();

        @Override
        protected void startPage(PDPage page) {
            pages.add(new ArrayList<>());
        }

        @Override
        protected void endPage(PDPage page) {
            endLine();
            stroked.clear();
        }

        @Override
        protected void processTextPosition(TextPosition position) {
            if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.FILL_STROKE) {
                stroked.put(position, Boolean.TRUE);
            }
            super.processTextPosition(position);
        }

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                String unicode = p.getUnicode();
                if (unicode == null || unicode.isEmpty()) {
                    continue;
                }
                boolean blank = unicode.isBlank() || unicode.chars().allMatch(Character::isSpaceChar);
                if (!blank && Float.isNaN(x0)) {
                    x0 = p.getXDirAdj();
                }
                if (!blank) {
                    x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                    y = p.getYDirAdj();
                    size = Math.max(size, p.getHeightDir() > 0 ? Math.max(p.getFontSizeInPt(), p.getHeightDir()) : p.getFontSizeInPt());
                }
                boolean b = stroked.containsKey(p) || isBold(p.getFont());
                for (int i = 0; i < unicode.length(); i++) {
                    text.append(unicode.charAt(i));
                    bold.add(b);
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
            bold.add(!bold.isEmpty() && bold.get(bold.size() - 1));
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        private void endLine() {
            if (!Float.isNaN(x0) && !text.toString().isBlank() && !pages.isEmpty()) {
                boolean[] flags = new boolean[bold.size()];
                for (int i = 0; i < flags.length; i++) {
                    flags[i] = bold.get(i);
                }
                pages.get(pages.size() - 1).add(new Line(pages.size() - 1, text.toString(), flags, x0, x1, y, size));
            }
            text.setLength(0);
            bold.clear();
            x0 = Float.NaN;
            x1 = 0;
            size = 0;
        }

        private static boolean isBold(PDFont font) {
            if (font == null) {
                return false;
            }
            PDFontDescriptor descriptor = font.getFontDescriptor();
            if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
                return true;
            }
            String name = String.valueOf(font.getName()).toLowerCase(Locale.ROOT);
            return name.contains("bold") || name.contains("heavy") || name.contains("black") || name.contains("hei")
                    || name.contains("黑");
        }
    }

    // ------------------------------------------------------------------ paragraphs

    private static List<Block> paragraphs(List<Line> lines) {
        List<Block> blocks = new ArrayList<>();
        if (lines.isEmpty()) {
            return blocks;
        }
        float charWidth = median(lines.stream().map(l -> (l.x1 - l.x0) / Math.max(1, visibleLength(l.text))).toList());
        float left = leftEdge(lines.stream().map(l -> l.x0).toList(), charWidth / 2);
        float right = percentile(lines.stream().map(l -> l.x1).toList(), 0.9);
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).page == lines.get(i - 1).page && lines.get(i).y > lines.get(i - 1).y) {
                gaps.add(lines.get(i).y - lines.get(i - 1).y);
            }
        }
        float spacing = gaps.isEmpty() ? Float.MAX_VALUE : median(gaps);

        Paragraph current = null;
        Line previous = null;
        for (Line line : lines) {
            if (previous == null || startsParagraph(previous, line, left, right, charWidth, spacing)) {
                if (current != null) {
                    current.addTo(blocks);
                }
                current = new Paragraph();
            }
            current.add(line);
            previous = line;
        }
        current.addTo(blocks);
        return blocks;
    }

    private static boolean startsParagraph(Line previous, Line line, float left, float right, float charWidth,
            float spacing) {
        String prev = previous.text.strip();
        String text = line.text.strip();
        float shortBy = right - previous.x1;
        return line.x0 > left + 0.8f * charWidth
                || shortBy > 1.5f * charWidth && (TERMINAL.matcher(prev).matches() || shortBy > 4 * charWidth)
                || line.page == previous.page && line.y - previous.y > 1.7f * spacing
                || Math.abs(line.size - previous.size) > 0.2f * Math.max(previous.size, 1)
                || SENTENCE_END.matcher(prev).matches() && NUMBERED.matcher(text).matches();
    }

    /** A paragraph being joined from its lines, with the bold flag of each char. */
    private static final class Paragraph {
        private final StringBuilder text = new StringBuilder();
        private final List<Boolean> bold = new ArrayList<>();

        void add(Line line) {
            String t = line.text.strip();
            int offset = line.text.indexOf(t.isEmpty() ? " " : t.substring(0, 1));
            if (text.length() > 0 && latin(text.charAt(text.length() - 1)) && !t.isEmpty() && latin(t.charAt(0))) {
                text.append(' ');
                bold.add(false);
            }
            for (int i = 0; i < t.length(); i++) {
                text.append(t.charAt(i));
                int at = offset + i;
                bold.add(at >= 0 && at < line.bold.length && line.bold[at]);
            }
        }

        void addTo(List<Block> blocks) {
            String all = text.toString();
            StringBuilder prefix = new StringBuilder();
            boolean whole = true;
            boolean open = true;
            for (int i = 0; i < all.length(); i++) {
                char c = all.charAt(i);
                boolean b = bold.get(i);
                if (b && open) {
                    prefix.append(c);
                } else if (!b && !Character.isWhitespace(c)) {
                    open = false;
                    whole = false;
                }
            }
            String normalised = Block.normalise(all);
            if (!normalised.isEmpty()) {
                String p = Block.normalise(prefix.toString());
                blocks.add(Block.text(normalised, normalised.startsWith(p) ? p : "", whole && !p.isEmpty()));
            }
        }

        private static boolean latin(char c) {
            return c < 0x2E80 && Character.isLetterOrDigit(c);
        }
    }

    private static int visibleLength(String s) {
        return s.replaceAll("\\s", "").length();
    }

    private static float median(List<Float> values) {
        return percentile(values, 0.5);
    }

    private static float percentile(List<Float> values, double p) {
        float[] sorted = new float[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i);
        }
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /**
     * The text's left edge: the leftmost start shared by at least a tenth of the lines (continuation lines start
     * there; first lines are indented, titles centred), found in buckets of the given width.
     */
    private static float leftEdge(List<Float> starts, float bucket) {
        float width = Math.max(bucket, 0.5f);
        java.util.TreeMap<Long, List<Float>> buckets = new java.util.TreeMap<>();
        for (float v : starts) {
            buckets.computeIfAbsent((long) Math.floor(v / width), k -> new ArrayList<>()).add(v);
        }
        int enough = Math.max(2, starts.size() / 10);
        for (List<Float> values : buckets.values()) {
            if (values.size() >= enough) {
                return values.stream().min(Float::compare).orElseThrow();
            }
        }
        return starts.stream().min(Float::compare).orElse(0f);
    }
}
