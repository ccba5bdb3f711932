package org.luoshi.task.tracking.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The one way text is normalised, shared by the records, the reader and the writer so that a round trip is exact. */
final class LedgerText {
    /** What separates the departments in a 配合单位 cell. */
    private static final Pattern DEPARTMENT_SEPARATORS = Pattern.compile("[、，,;；\\n]+");

    private LedgerText() {
    }

    /**
     * Null becomes "", line ends become \n, control characters other than tab and line feed are dropped (a cell cannot
     * hold them), and leading and trailing white space (including the ideographic space) is stripped.
     */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * {@link #clean}, then every run of white space (line breaks included) becomes one space. Besides being what a
     * one-line value should look like, this keeps the date patterns linear: no long run for their optional spaces to
     * share out. Done by hand, since a pattern such as \\s*\\n\\s* would itself be quadratic on a long run of spaces.
     */
    static String oneLine(String text) {
        String cleaned = clean(text);
        StringBuilder out = new StringBuilder(cleaned.length());
        boolean inSpace = false;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inSpace) {
                out.append(' ');
            }
            inSpace = space;
        }
        return out.toString();
    }

    /** Splits on 、，,;； and line breaks, trims, and drops empty names; never null, unmodifiable. */
    static List<String> departments(List<String> written) {
        if (written == null || written.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String entry : written) {
            names.addAll(departments(entry));
        }
        return List.copyOf(names);
    }

    static List<String> departments(String written) {
        List<String> names = new ArrayList<>();
        for (String part : DEPARTMENT_SEPARATORS.split(clean(written))) {
            String name = clean(part);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** How much of a value an error message quotes. */
    static final int QUOTED_CHARS = 40;

    /** A value as an error message quotes it: on one line, cut to {@value #QUOTED_CHARS} characters with "…". */
    static String quote(String text) {
        String line = oneLine(text);
        return line.length() <= QUOTED_CHARS ? line : line.substring(0, QUOTED_CHARS) + "…";
    }

    /** How many character widths a line takes in a cell: CJK and other wide characters count two. */
    static int displayWidth(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i = line.offsetByCodePoints(i, 1)) {
            int cp = line.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x1F300;
    }
}
