package org.luoshi.task.plan.importing.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes plan documents as Word and PDF files the way offices produce them, for the readers' tests: from blocks of
 * the intermediate model (so that a published HTML plan can be turned into the same plan as .docx or .pdf), with the
 * page furniture such files carry (running headers, page numbers) and nothing a reader could take a hint from that a
 * real file would not have. Fonts: Debian's CJK TrueType fonts, as the assessment report uses ({@code .ci/run}
 * installs them).
 */
public final class PlanFiles {
    static final Path BODY_FONT = firstFont("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final Path BOLD_FONT = firstFont("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private PlanFiles() {
    }

    private static Path firstFont(String... candidates) {
        for (String c : candidates) {
            if (Files.isReadable(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("no CJK TrueType font among " + List.of(candidates)
                + ": apt-get install fonts-arphic-gbsn00lp fonts-wqy-zenhei (as .ci/run does)");
    }

    /** The sample plan (docs/plans) as a Word document with a running header and page numbers. */
    public static byte[] sampleAsDocx() {
        return docx(blocksOf(PlanFixtures.bytes(PlanFixtures.BEIJING)), "北京市“十四五”时期国际科技创新中心建设规划");
    }

    /** The sample plan as a PDF with a running header and page numbers ("— 3 —"). */
    public static byte[] sampleAsPdf() {
        return pdf(blocksOf(PlanFixtures.bytes(PlanFixtures.BEIJING)),
                new Furniture(page -> "北京市“十四五”时期国际科技创新中心建设规划", page -> "— " + page + " —"));
    }

    /** The blocks an HTML or text plan is read into. */
    static List<Block> blocksOf(byte[] html) {
        return HtmlTextReader.read(SourceText.of(html)).blocks();
    }

    // ------------------------------------------------------------------ Word

    /**
     * A .docx of the blocks: text as paragraphs (the bold run in bold), headings with their outline level, tables as
     * tables, images as a picture; a header with {@code header} and a footer with a PAGE field on every page.
     */
    static byte[] docx(List<Block> blocks, String header) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
            XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            footer.createRun().setText("— ");
            footer.getCTP().addNewFldSimple().setInstr("PAGE");
            footer.createRun().setText(" —");
            for (Block b : blocks) {
                switch (b.kind()) {
                    case TEXT -> paragraph(doc, b.boldPrefix(), b.text().substring(b.boldPrefix().length()));
                    case HEADING -> heading(doc, b.text(), b.level());
                    case TABLE -> table(doc, b.rows());
                    case IMAGE -> picture(doc);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static XWPFParagraph paragraph(XWPFDocument doc, String bold, String rest) {
        XWPFParagraph p = doc.createParagraph();
        if (!bold.isEmpty()) {
            XWPFRun run = p.createRun();
            run.setBold(true);
            run.setText(bold);
        }
        if (!rest.isEmpty()) {
            p.createRun().setText(rest);
        }
        return p;
    }

    static XWPFParagraph heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
        p.createRun().setText(text);
        return p;
    }

    static XWPFTable table(XWPFDocument doc, List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable table = doc.createTable(rows.size(), columns);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                table.getRow(r).getCell(c).setText(rows.get(r).get(c));
            }
        }
        return table;
    }

    private static void picture(XWPFDocument doc) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        byte[] png = png(20, 10);
        doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(png),
                org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "figure.png", 200_000, 100_000);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ PDF

    /** Page furniture for {@link #pdf}: a running header and a page number line, by page number (1-based). */
    record Furniture(IntFunction<String> header, IntFunction<String> footer) {
        static final Furniture NONE = new Furniture(p -> null, p -> null);
    }

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN = 72;
    private static final float SIZE = 12;
    private static final float LEADING = 20;

    /**
     * A PDF with a text layer, as Word or a typesetter prints a Chinese document: A4, 12 pt, every paragraph's first
     * line indented by two characters and wrapped at the right margin (never inside a Latin word), the bold run in a
     * black (黑体) face, tables' rows as lines, the furniture on every page. Images are left out.
     */
    static byte[] pdf(List<Block> blocks, Furniture furniture) {
        List<String> texts = new ArrayList<>();
        List<Integer> bold = new ArrayList<>();
        for (Block b : blocks) {
            if (b.isText()) {
                texts.add(b.text());
                bold.add(b.kind() == Block.Kind.HEADING ? b.text().length() : b.boldPrefix().length());
            } else if (b.kind() == Block.Kind.TABLE) {
                for (List<String> row : b.rows()) {
                    texts.add(String.join("  ", row));
                    bold.add(0);
                }
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = load(doc, BODY_FONT);
            PDFont black = load(doc, BOLD_FONT);
            PdfPages pages = new PdfPages(doc, regular, furniture);
            for (int i = 0; i < texts.size(); i++) {
                List<String> lines = wrap(texts.get(i), regular, black, bold.get(i));
                int offset = 0;
                for (int l = 0; l < lines.size(); l++) {
                    pages.line(lines.get(l), l == 0 ? 2 * SIZE : 0, offset, bold.get(i), regular, black);
                    offset += lines.get(l).length();
                }
            }
            pages.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} pages that are only an image each, as a scanner makes. */
    public static byte[] scannedPdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = scan.createGraphics();
            g.fillRect(0, 0, 200, 280);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, WIDTH, HEIGHT);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont load(PDDocument doc, Path path) throws IOException {
        if (path.toString().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, new File(path.toString()));
    }

    private static List<String> wrap(String text, PDFont regular, PDFont black, int boldChars) throws IOException {
        List<String> lines = new ArrayList<>();
        float available = WIDTH - 2 * MARGIN - 2 * SIZE;
        int start = 0;
        float width = 0;
        for (int i = 0; i < text.length(); i++) {
            float w = width(text.charAt(i), i < boldChars ? black : regular);
            if (width + w > available && i > start) {
                int cut = i;
                while (cut > start + 1 && latin(text.charAt(cut)) && latin(text.charAt(cut - 1))) {
                    cut--;
                }
                if (cut == start + 1) {
                    cut = i;
                }
                lines.add(text.substring(start, cut));
                start = cut;
                width = 0;
                for (int k = start; k < i; k++) {
                    width += width(text.charAt(k), k < boldChars ? black : regular);
                }
                available = WIDTH - 2 * MARGIN;
            }
            width += w;
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    private static float width(char c, PDFont font) throws IOException {
        try {
            return font.getStringWidth(String.valueOf(c)) / 1000 * SIZE;
        } catch (IllegalArgumentException e) {
            return SIZE; // no glyph: drawn as a blank of one character
        }
    }

    /** Lays lines out page by page, with the furniture on each page. */
    private static final class PdfPages {
        private final PDDocument doc;
        private final PDFont furnitureFont;
        private final Furniture furniture;
        private PDPageContentStream content;
        private int number;
        private float y;

        PdfPages(PDDocument doc, PDFont furnitureFont, Furniture furniture) {
            this.doc = doc;
            this.furnitureFont = furnitureFont;
            this.furniture = furniture;
        }

        void line(String line, float indent, int offset, int boldChars, PDFont regular, PDFont black) throws IOException {
            if (content == null || y < MARGIN) {
                newPage();
            }
            float x = MARGIN + indent;
            for (int i = 0; i < line.length(); i++) {
                PDFont font = offset + i < boldChars ? black : regular;
                String c = String.valueOf(line.charAt(i));
                float w = width(line.charAt(i), font);
                if (!c.isBlank()) {
                    show(canShow(font, c) ? font : font == black ? regular : black, SIZE, x, y, c);
                }
                x += w;
            }
            y -= LEADING;
        }

        private static boolean canShow(PDFont font, String c) {
            try {
                font.encode(c);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private void show(PDFont font, float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            number++;
            String header = furniture.header().apply(number);
            if (header != null) {
                show(furnitureFont, 9, MARGIN, HEIGHT - 40, header);
            }
            String footer = furniture.footer().apply(number);
            if (footer != null) {
                show(furnitureFont, 10, WIDTH / 2 - furnitureFont.getStringWidth(footer) / 1000 * 5, 36, footer);
            }
            y = HEIGHT - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
