package org.luoshi.task.evaluation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.luoshi.task.evaluation.report.ReportDocument.Block;
import org.luoshi.task.evaluation.report.ReportDocument.Chart;
import org.luoshi.task.evaluation.report.ReportDocument.Heading;
import org.luoshi.task.evaluation.report.ReportDocument.Paragraph;
import org.luoshi.task.evaluation.report.ReportDocument.Table;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Writes the report as PDF: XHTML built from the {@link ReportDocument}, laid out by openhtmltopdf onto A4 pages,
 * with the CJK fonts embedded as subsets. The document information dates are the report's date and the file ID is a
 * hash of the content, so the same report gives the same bytes.
 */
final class PdfReportWriter {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String BODY = "ReportSong";
    private static final String HEADING = "ReportHei";
    private static final String CSS = """
            @page { size: A4; margin: 25mm 20mm 22mm 20mm;
              @bottom-center { content: "— " counter(page) " —"; font-family: ReportSong; font-size: 10pt; } }
            @page :first { @bottom-center { content: none; } }
            body { font-family: ReportSong, ReportHei; font-size: 12pt; line-height: 1.6; color: #000; }
            h1.title { font-family: ReportHei, ReportSong; font-size: 20pt; font-weight: bold; text-align: center;
              line-height: 1.5; margin: 30mm 0 12mm 0; }
            p.subtitle { text-align: center; font-size: 13pt; margin: 0 0 3mm 0; text-indent: 0; }
            div.cover { page-break-after: always; }
            h2, h3, h4 { font-family: ReportHei, ReportSong; font-weight: bold; page-break-after: avoid; }
            h2 { font-size: 15pt; margin: 8mm 0 3mm 0; }
            h3 { font-size: 13pt; margin: 5mm 0 2mm 0; }
            h4 { font-size: 12pt; margin: 3mm 0 2mm 0; }
            p { text-indent: 2em; margin: 0 0 2mm 0; text-align: justify; word-wrap: break-word; }
            p.caption { text-indent: 0; text-align: center; font-family: ReportHei, ReportSong; font-size: 10.5pt;
              margin: 4mm 0 2mm 0; page-break-after: avoid; }
            p.provenance { text-indent: 0; text-align: left; font-size: 9pt; margin-top: 8mm; word-wrap: break-word; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 3mm 0;
              -fs-table-paginate: paginate; }
            th, td { border: 0.6pt solid #000; padding: 1mm 0.6mm; vertical-align: middle; word-wrap: break-word; }
            th { font-family: ReportHei, ReportSong; font-weight: normal; background-color: #E8E8E8; text-align: center; }
            td { text-align: center; }
            td.text { text-align: left; }
            table.normal th, table.normal td { font-size: 10.5pt; line-height: 1.4; }
            table.small th, table.small td { font-size: 8.5pt; line-height: 1.35; }
            tr { page-break-inside: avoid; }
            div.chart { text-align: center; page-break-inside: avoid; }
            div.chart img { width: 160mm; }
            """;

    private final ReportFonts fonts;

    PdfReportWriter(ReportFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(ReportDocument report, String organisation, LocalDate asOf) {
        String html = html(report);
        synchronized (fonts) {
            return write(html, report.title(), organisation, asOf);
        }
    }

    private byte[] write(String html, String title, String organisation, LocalDate asOf) {
        try (PDDocument document = new PDDocument()) {
            PDFont body = fonts.body(document);
            PDFont heading = fonts.heading(document);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            // Registered at their own weight only: the CJK fonts have no bold face, and text asked bold in a face
            // lighter than asked is drawn filled and stroked by openhtmltopdf (a synthetic bold) — registering them
            // as 700 too would print "bold" headings as plain as the body.
            builder.useFont(new PDFontSupplier(body), BODY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(heading), HEADING, 400, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.withProducer("Luoshi 落实");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                information(document, title, organisation, asOf);
                document.getDocument().getTrailer().setItem(COSName.ID, documentId(html));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the assessment report as PDF", e);
        }
    }

    private static void information(PDDocument document, String title, String organisation, LocalDate asOf) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(organisation);
        info.setCreator("Luoshi 落实");
        info.setProducer("Luoshi 落实");
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZONE), Locale.ROOT);
        date.clear();
        LocalDate day = asOf == null ? LocalDate.of(2000, 1, 1) : asOf;
        date.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
        info.setCreationDate(date);
        info.setModificationDate(date);
    }

    /** The file identifier PDF asks for: derived from the content instead of PDFBox's time-based default. */
    private static COSArray documentId(String html) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            byte[] id = Arrays.copyOf(digest, 16);
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(id));
            return array;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(ReportDocument report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">")
                .append("<head><meta charset=\"UTF-8\"/><title>").append(esc(report.title())).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        h.append("<div class=\"cover\"><h1 class=\"title\">").append(esc(report.title())).append("</h1>");
        for (String line : report.subtitleLines()) {
            h.append("<p class=\"subtitle\">").append(esc(line)).append("</p>");
        }
        h.append("</div>");
        for (Block block : report.blocks()) {
            if (block instanceof Heading heading) {
                int tag = heading.level() + 1;
                h.append("<h").append(tag).append('>').append(esc(heading.text())).append("</h").append(tag).append('>');
            } else if (block instanceof Paragraph p) {
                h.append("<p>").append(lines(p.text())).append("</p>");
            } else if (block instanceof Table t) {
                table(h, t);
            } else if (block instanceof Chart c) {
                h.append("<div class=\"chart\"><img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.png())).append("\" alt=\"").append(esc(c.caption()))
                        .append("\"/><p class=\"caption\">").append(esc(c.caption())).append("</p></div>");
            }
        }
        h.append("<p class=\"provenance\">").append(esc(report.provenance())).append("</p>");
        h.append("</body></html>");
        return h.toString();
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<p class=\"caption\">").append(esc(t.caption())).append("</p>");
        h.append("<table class=\"").append(t.small() ? "small" : "normal").append("\"><colgroup>");
        int total = Arrays.stream(t.widths()).sum();
        for (int w : t.widths()) {
            h.append("<col style=\"width:").append(String.format(Locale.ROOT, "%.2f", w * 100.0 / total)).append("%\"/>");
        }
        h.append("</colgroup><thead><tr>");
        for (String cell : t.header()) {
            h.append("<th>").append(lines(cell)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append(ReportText.isProse(cell) ? "<td class=\"text\">" : "<td>").append(lines(cell)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static String lines(String text) {
        return esc(text).replace("\n", "<br/>");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry would make the whole document unparsable
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
