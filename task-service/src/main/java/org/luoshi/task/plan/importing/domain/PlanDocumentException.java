package org.luoshi.task.plan.importing.domain;

/**
 * The input is not a plan document this parser can read: empty, binary, unreadable, a PDF without text, or without
 * the chapter/section structure of a plan. The message says why in Chinese and in English, for the person who
 * uploaded it; {@link #code()} says it for clients (answered as the field error of {@code document}). No partial result
 * ever accompanies it.
 */
public class PlanDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The document was read but holds no plan this parser recognises. */
    public static final String NOT_A_PLAN = "notAPlan";
    /** A PDF whose pages carry no text (a scan): it would need text recognition first. */
    public static final String NO_TEXT_LAYER = "noTextLayer";
    /** A file of a kind the importer recognises but does not read (an image, a spreadsheet, a legacy .doc). */
    public static final String UNSUPPORTED_TYPE = "unsupportedType";
    /** A PDF or Word file that is damaged or locked by a password. */
    public static final String UNREADABLE = "unreadable";

    private final String code;

    public PlanDocumentException(String message) {
        this(NOT_A_PLAN, message);
    }

    public PlanDocumentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the file's type, rather than its content, is what the importer refuses. */
    public boolean unsupportedType() {
        return UNSUPPORTED_TYPE.equals(code);
    }
}
