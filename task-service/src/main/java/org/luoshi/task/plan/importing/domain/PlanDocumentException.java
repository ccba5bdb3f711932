package org.luoshi.task.plan.importing.domain;

/**
 * The input is not a plan document this parser can read: empty, binary, not HTML or text, or without the
 * chapter/section structure of a plan. The message says why in Chinese and in English, for the person who uploaded it.
 * No partial result ever accompanies it.
 */
public class PlanDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanDocumentException(String message) {
        super(message);
    }
}
