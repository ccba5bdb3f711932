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

    /** A ZIP (OOXML package) with the main part of a Word document. */
    private static boolean isWordDocument(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
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
