package org.luoshi.task.plan.importing.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered heading recognised in a block.
 *
 * @param level   its numbering style, from the highest rank to the lowest
 * @param numeral the numeral as written ("十一", "3")
 * @param ordinal the numeral's value
 * @param title   the heading without its number; empty for a bare "第一章" whose title stands on the next line
 * @param rest    for a heading that opens a paragraph as a bold run ("<b>（一）组织保障。</b>加强…"), the text after it;
 *                otherwise empty
 */
record Heading(Level level, String numeral, int ordinal, String title, String rest) {

    /** Numbering styles, highest rank first. */
    enum Level {
        /** 第一章, 第一部分, 第一篇 */
        PART,
        /** 第一节 */
        JIE,
        /** 一、 */
        DUN,
        /** （一） or (一) */
        PAREN
    }

    private static final String CN = "[零〇一二两三四五六七八九十百]+";
    private static final Pattern PART = Pattern.compile("^第\\s*(" + CN + "|\\d{1,3})\\s*(?:章|部分|篇)[\\s:：、.．]*(.*)$");
    private static final Pattern JIE = Pattern.compile("^第\\s*(" + CN + "|\\d{1,3})\\s*节[\\s:：、.．]*(.*)$");
    private static final Pattern DUN = Pattern.compile("^(" + CN + ")\\s*[、．.]\\s*(.+)$");
    private static final Pattern PAREN = Pattern.compile("^[（(]\\s*(" + CN + ")\\s*[）)][\\s、.．:：]*(.+)$");
    private static final Pattern TOC_LEADER = Pattern.compile("\\s*(?:[.…·．。-]{2,}|…+)\\s*\\d*\\s*$");
    private static final int MAX_TITLE = 60;

    /** A heading the source marks by its outline level but not by a number: numbered by its place. */
    static Heading outline(Level level, int ordinal, String title) {
        return new Heading(level, ChineseNumerals.write(ordinal), ordinal, title, "");
    }

    /** The heading a text block is or opens with, or null. */
    static Heading of(Block block) {
        if (!block.isText()) {
            return null;
        }
        Heading whole = parse(block.text(), "");
        if (whole != null) {
            return whole;
        }
        // a bold heading run that opens a longer paragraph: "（一）组织保障。加强…"
        String bold = block.boldPrefix();
        if (!bold.isEmpty() && bold.length() < block.text().length()) {
            String rest = block.text().substring(bold.length()).replaceFirst("^[\\s。：:]+", "");
            if (!rest.isEmpty()) {
                return parse(bold, rest);
            }
        }
        return null;
    }

    private static Heading parse(String text, String rest) {
        for (Level level : Level.values()) {
            Matcher m = pattern(level).matcher(text);
            if (!m.matches()) {
                continue;
            }
            String title = TOC_LEADER.matcher(m.group(2)).replaceFirst("").trim();
            title = title.replaceFirst("[。：:]$", "").trim();
            if (!looksLikeTitle(title, level)) {
                return null;
            }
            int ordinal = ChineseNumerals.ordinal(m.group(1));
            return ordinal < 1 ? null : new Heading(level, m.group(1), ordinal, title, rest);
        }
        return null;
    }

    private static boolean looksLikeTitle(String title, Level level) {
        if (title.isEmpty()) {
            return level == Level.PART || level == Level.JIE;
        }
        return title.codePointCount(0, title.length()) <= MAX_TITLE
                && title.indexOf('。') < 0 && title.indexOf('；') < 0 && title.indexOf(';') < 0
                && !title.endsWith("，") && !title.endsWith(",") && !title.endsWith("、");
    }

    private static Pattern pattern(Level level) {
        return switch (level) {
            case PART -> PART;
            case JIE -> JIE;
            case DUN -> DUN;
            case PAREN -> PAREN;
        };
    }
}
