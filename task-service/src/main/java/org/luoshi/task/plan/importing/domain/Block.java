package org.luoshi.task.plan.importing.domain;

import java.util.List;

/**
 * One block of the intermediate document model every format reader produces, in reading order: a paragraph (or a
 * line of one, where the source breaks lines with {@code <br>}), a heading the source marks as one with its outline
 * level (a Word heading style), a data table, or an image. The decomposition ({@link PlanDocumentParser}) reads only
 * these, whatever the format was.
 *
 * @param kind       what it is
 * @param text       whitespace-normalised text; empty for tables and images
 * @param boldPrefix the bold run the paragraph opens with, whitespace-normalised; empty when it opens with plain text
 * @param wholeBold  whether all of the paragraph's text is bold
 * @param rows       for a table, its cells row by row, with row and column spans filled in; otherwise empty
 * @param level      for a heading, its outline level (1 highest); otherwise 0
 */
record Block(Kind kind, String text, String boldPrefix, boolean wholeBold, List<List<String>> rows, int level) {
    enum Kind {
        TEXT, HEADING, TABLE, IMAGE
    }

    static Block text(String text, String boldPrefix, boolean wholeBold) {
        return new Block(Kind.TEXT, text, boldPrefix, wholeBold, List.of(), 0);
    }

    static Block heading(String text, int level) {
        return new Block(Kind.HEADING, text, text, true, List.of(), level);
    }

    static Block table(List<List<String>> rows) {
        return new Block(Kind.TABLE, "", "", false, rows.stream().map(List::copyOf).toList(), 0);
    }

    static Block image() {
        return new Block(Kind.IMAGE, "", "", false, List.of(), 0);
    }

    /** A paragraph or a heading: something with text of its own. */
    boolean isText() {
        return kind == Kind.TEXT || kind == Kind.HEADING;
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
