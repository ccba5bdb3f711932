package org.luoshi.task.plan.importing.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Picks the format reader by the file's content (its first bytes; a ZIP's entries), never by its name or declared
 * type, which browsers and mail clients get wrong: PDF → {@link PdfReader}, Word .docx → {@link DocxReader},
 * anything else textual → {@link HtmlTextReader}. Files of a kind known not to be a plan document (images, other
 * Office and ZIP files, legacy .doc) are refused as an unsupported type.
 */
final class DocumentReaders {
    static final String ACCEPTED_ZH = "请上传 Word（.docx）、带文字层的 PDF、网页（HTML）或纯文本格式的规划全文。";
    static final String ACCEPTED_EN = "Upload the plan's full text as Word (.docx), PDF with a text layer, web page (HTML) "
            + "or plain text.";

    /** A plan's Word file unpacks to a few megabytes; pictures may add some. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;

    private DocumentReaders() {
    }

    static PlanDocument read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PlanDocumentException("文件为空，不是规划文本。 The document is empty; it is not a plan.");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return PdfReader.read(bytes);
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            if (isWordDocument(bytes)) {
                return DocxReader.read(bytes);
            }
            throw unsupported("压缩包或其他 Office 文档（不是 Word .docx）", "a ZIP archive or an Office document other than Word (.docx)");
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            throw unsupported("PNG 图片", "a PNG image");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            throw unsupported("JPEG 图片", "a JPEG image");
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            throw unsupported("GIF 图片", "a GIF image");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw unsupported("旧版 Office 文档（如 .doc，请另存为 .docx）", "a legacy Office document (such as .doc; save it as .docx)");
        }
        return HtmlTextReader.read(SourceText.of(bytes));
    }

    private static PlanDocumentException unsupported(String zh, String en) {
        return new PlanDocumentException(PlanDocumentException.UNSUPPORTED_TYPE,
                "文件是" + zh + "，不是可导入的规划文件。" + ACCEPTED_ZH + " The document is " + en
                        + ", not a plan document that can be imported. " + ACCEPTED_EN);
    }

    /**
     * A ZIP (OOXML package) with the main part of a Word document. Its parts are unpacked once here, counting, so that
     * a small file that unpacks to far more than any plan (a ZIP bomb) is refused before POI unpacks it.
     */
    private static boolean isWordDocument(byte[] bytes) {
        boolean word = false;
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                word |= entry.getName().equals("word/document.xml");
                for (int n; (n = zip.read(buffer)) > 0;) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        throw new PlanDocumentException(PlanDocumentException.UNREADABLE, "文件解压后超过 "
                                + MAX_UNPACKED / 1024 / 1024 + " MB，不是规划文件。 The file unpacks to more than "
                                + MAX_UNPACKED / 1024 / 1024 + " MB; it is not a plan document.");
                    }
                }
            }
            return word;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
