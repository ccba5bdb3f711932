package org.luoshi.task.tracking.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which files are accepted as evidence: at most {@link #MAX_BYTES}, of an allowed type by both the name's
 * extension and the content's leading bytes (so a renamed executable is refused).
 */
public final class EvidencePolicy {
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    /** Extension → the content type served back. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("zip", "application/zip"),
            Map.entry("txt", "text/plain; charset=UTF-8"));

    public static final String ALLOWED = "pdf, docx, xlsx, doc, xls, jpg, jpeg, png, zip, txt";

    private EvidencePolicy() {
    }

    public static boolean tooLarge(long size) {
        return size > MAX_BYTES;
    }

    /** The content type to store and serve, if the name's extension is allowed and the content matches it. */
    public static Optional<String> contentType(String fileName, byte[] head) {
        String extension = extension(fileName);
        String type = TYPES.get(extension);
        if (type == null || !contentMatches(extension, head)) {
            return Optional.empty();
        }
        return Optional.of(type);
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean contentMatches(String extension, byte[] head) {
        return switch (extension) {
            case "pdf" -> startsWith(head, PDF);
            case "docx", "xlsx", "zip" -> startsWith(head, ZIP) || (extension.equals("zip") && startsWith(head, EMPTY_ZIP));
            case "doc", "xls" -> startsWith(head, OLE2);
            case "jpg", "jpeg" -> startsWith(head, JPEG);
            case "png" -> startsWith(head, PNG);
            case "txt" -> isText(head);
            default -> false;
        };
    }

    /** Text has no NUL bytes and none of the other types' signatures. */
    private static boolean isText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte[] binary : new byte[][] { PDF, ZIP, EMPTY_ZIP, OLE2, JPEG, PNG }) {
            if (startsWith(head, binary)) {
                return false;
            }
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
