package org.luoshi.task.plan.importing.domain;

import java.util.List;

/**
 * One block of the document in reading order: a paragraph (or a line of one, where the source breaks lines with
 * {@code <br>}), a data table, or an image.
 *
 * @param kind       what it is
 * @param text       whitespace-normalised text; empty for tables and images
 * @param boldPrefix the bold run the paragraph opens with, whitespace-normalised; empty when it opens with plain text
 * @param wholeBold  whether all of the paragraph's text is bold
 * @param rows       for a table, its cells row by row, with row and column spans filled in; otherwise empty
 */
record Block(Kind kind, String text, String boldPrefix, boolean wholeBold, List<List<String>> rows) {
    enum Kind {
        TEXT, TABLE, IMAGE
    }

    static Block text(String text, String boldPrefix, boolean wholeBold) {
        return new Block(Kind.TEXT, text, boldPrefix, wholeBold, List.of());
    }

    static Block table(List<List<String>> rows) {
        return new Block(Kind.TABLE, "", "", false, rows.stream().map(List::copyOf).toList());
    }

    static Block image() {
        return new Block(Kind.IMAGE, "", "", false, List.of());
    }

    boolean isText() {
        return kind == Kind.TEXT;
    }

    /** Collapses every run of white space (full-width spaces, no-break spaces, line breaks) into one space and trims. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }
}
