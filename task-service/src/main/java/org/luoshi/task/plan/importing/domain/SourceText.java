package org.luoshi.task.plan.importing.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input bytes as text (what {@link DocumentReaders} did not recognise as PDF or Word): refuses what is empty or
 * binary, picks the charset (a byte-order mark, then a
 * {@code <meta charset>} or XML declaration, else UTF-8, and GB18030 for bytes that are not UTF-8), and takes off a
 * YAML front matter block, keeping its simple {@code key: value} lines as hints.
 *
 * @param body        the document without its front matter
 * @param frontMatter top-level scalar keys of the front matter, quotes removed; empty when there is none
 * @param html        whether the body is HTML (otherwise it is read as plain text, one paragraph a line)
 */
record SourceText(String body, Map<String, String> frontMatter, boolean html) {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile(
            "<\\s*(html|body|head|p|div|br|span|font|table|h[1-6]|strong|b|section|article|meta|title)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:\\s*(.*)$");

    static SourceText of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PlanDocumentException("文件为空，不是规划文本。 The document is empty; it is not a plan.");
        }
        refuseBinary(bytes);
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new PlanDocumentException("文件只有空白，不是规划文本。 The document holds only white space; it is not a plan.");
        }
        long control = text.chars().limit(20_000)
                .filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (control > Math.max(2, Math.min(text.length(), 20_000) / 100)) {
            throw binary();
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Map<String, String> frontMatter = new LinkedHashMap<>();
        String body = stripFrontMatter(text, frontMatter);
        return new SourceText(body, Map.copyOf(frontMatter), HTML_TAG.matcher(body).find());
    }

    /** NUL bytes outside UTF-16: binary data that no reader takes. */
    private static void refuseBinary(byte[] b) {
        boolean utf16 = DocumentReaders.startsWith(b, 0xFF, 0xFE) || DocumentReaders.startsWith(b, 0xFE, 0xFF);
        if (!utf16) {
            for (int i = 0; i < Math.min(b.length, 8192); i++) {
                if (b[i] == 0) {
                    throw binary();
                }
            }
        }
    }

    private static PlanDocumentException binary() {
        return new PlanDocumentException(PlanDocumentException.UNSUPPORTED_TYPE, "文件是无法识别的二进制数据。"
                + DocumentReaders.ACCEPTED_ZH + " The document is binary data of an unknown kind. "
                + DocumentReaders.ACCEPTED_EN);
    }

    private static String decode(byte[] bytes) {
        if (DocumentReaders.startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (DocumentReaders.startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (DocumentReaders.startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null) {
            return new String(bytes, declared);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(bytes, Charset.forName("GB18030"));
        if (gb != null) {
            return gb;
        }
        throw new PlanDocumentException("无法识别文件的字符编码，不是 HTML 或文本。"
                + " The document's character encoding cannot be recognised; it is not HTML or text.");
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            m = XML_ENCODING.matcher(head);
            if (!m.find()) {
                return null;
            }
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gbk") || name.equals("x-gbk") || name.equals("cp936")) {
            name = "GB18030"; // GB2312 and GBK pages routinely hold characters only their superset GB18030 knows
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Takes off a leading "---" … "---" block and reads its top-level scalar lines. */
    private static String stripFrontMatter(String text, Map<String, String> into) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!text.startsWith("---", start)) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n', start);
        if (firstLineEnd < 0 || !text.substring(start, firstLineEnd).trim().equals("---")) {
            return text;
        }
        int pos = firstLineEnd + 1;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String line = (end < 0 ? text.substring(pos) : text.substring(pos, end)).replace("\r", "");
            if (line.trim().equals("---") || line.trim().equals("...")) {
                return end < 0 ? "" : text.substring(end + 1);
            }
            Matcher m = FRONT_MATTER_LINE.matcher(line);
            if (m.matches() && !into.containsKey(m.group(1))) {
                String value = m.group(2).trim();
                if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                        || value.startsWith("\"") && value.endsWith("\""))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty()) {
                    into.put(m.group(1), value);
                }
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return text; // no closing fence: not front matter after all
    }
}
