package org.luoshi.common.input;

/**
 * Bounds of the page parameters of every list. The last page number is far beyond any real list, and small enough that
 * {@code page * size} never overflows whatever the size (lists take at most 500 per page).
 */
public final class Paging {
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }
}
