package org.luoshi.task.tracking.ledger;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The 节点 cell: one milestone per line, written strictly and read leniently. */
final class MilestoneLines {
    static final String DONE_MARK = "✓";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    /** ✓ ✔ √ ☑ [x] [√] 【x】 … at the start of a line. */
    private static final Pattern LEADING_DONE = Pattern.compile(
            "^(?:[✓✔√☑]|[\\[【]\\s*[xX✓✔√]\\s*[\\]】])\\s*");
    /** 1. 1、 (1) （1） ① - • · at the start of a line. */
    private static final Pattern LIST_MARK = Pattern.compile(
            "^(?:\\d{1,2}\\s*[.．](?=\\s|\\d{4})|\\d{1,2}\\s*[、)）]|[(（]\\d{1,2}[)）]|[①-⑳]|[-•·*])\\s*");
    /** The marks that, at the end of a line, say a milestone is done: ✓ ✔ √, or 已完成 in brackets. */
    private static final String DONE_CHARS = "✓✔√";
    private static final String OPENING = "（(【[";
    private static final String CLOSING = "）)】]";
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^" + LedgerDates.SEPARATOR + "+");

    /** What reading one line gave: a milestone, or why there is none. */
    sealed interface Result permits Parsed, Problem {
    }

    record Parsed(LedgerMilestone milestone) implements Result {
    }

    record Problem(String message) implements Result {
    }

    private MilestoneLines() {
    }

    /** "2023-06-30 完成试验线建设", or "✓ 2023-06-30 完成试验线建设" when done. */
    static String format(LedgerMilestone milestone) {
        String line = ISO.format(milestone.dueDate());
        if (!milestone.title().isEmpty()) {
            line += " " + milestone.title();
        }
        return milestone.done() ? DONE_MARK + " " + line : line;
    }

    static String formatCell(List<LedgerMilestone> milestones) {
        return milestones.stream().map(MilestoneLines::format).collect(Collectors.joining("\n"));
    }

    /** The non-blank lines of a 节点 cell, stripped. */
    static List<String> lines(String cell) {
        List<String> lines = new ArrayList<>();
        for (String line : LedgerText.clean(cell).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** Reads one line of a 节点 cell. */
    static Result parse(String line) {
        line = LedgerText.oneLine(line);
        int start = 0;
        boolean done = false;
        Matcher list = LIST_MARK.matcher(line);
        Matcher mark = LEADING_DONE.matcher(line);
        for (boolean changed = true; changed;) {
            changed = false;
            if (list.region(start, line.length()).lookingAt() && list.end() < line.length()) {
                start = list.end();
                changed = true;
            }
            if (mark.region(start, line.length()).lookingAt()) {
                start = mark.end();
                done = true;
                changed = true;
            }
        }
        String rest = line.substring(start);
        String undecorated = withoutDoneMarks(rest);
        if (undecorated.length() < rest.length()) {
            rest = undecorated;
            done = true;
        }

        String title;
        Optional<LedgerDates.Found> leading = LedgerDates.leading(rest);
        LedgerDates.Found found;
        if (leading.isPresent()) {
            found = leading.get();
            title = rest.substring(found.end());
        } else {
            Optional<LedgerDates.Found> trailing = LedgerDates.trailing(rest);
            if (trailing.isEmpty()) {
                return new Problem("节点缺少日期：" + LedgerText.quote(line));
            }
            found = trailing.get();
            title = rest.substring(0, found.start());
        }
        if (!found.valid()) {
            return new Problem("无法识别的日期：" + LedgerText.quote(found.text()));
        }
        title = LedgerText.oneLine(title);
        if (title.isEmpty()) {
            return new Problem("节点缺少内容：" + LedgerText.quote(line));
        }
        return new Parsed(new LedgerMilestone(found.date(), title, done));
    }

    /**
     * The text without the done marks at its end, as many as there are, and the white space before them:
     * "验收（已完成） ✓" → "验收". A scan from the end rather than a pattern, so that a long run of marks costs linear time.
     */
    static String withoutDoneMarks(String text) {
        int end = text.length();
        while (true) {
            int last = end;
            while (last > 0 && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            if (last == 0) {
                break;
            }
            char c = text.charAt(last - 1);
            if (DONE_CHARS.indexOf(c) >= 0) {
                end = last - 1;
                continue;
            }
            int open = CLOSING.indexOf(c) < 0 ? -1 : lastOpening(text, last - 1);
            if (open >= 0 && text.substring(open + 1, last - 1).strip().equals("已完成")) {
                end = open;
                continue;
            }
            break;
        }
        if (end == text.length()) {
            return text;
        }
        return text.substring(0, end).stripTrailing();
    }

    /** The nearest opening bracket before {@code close}, looking back a few characters only. */
    private static int lastOpening(String text, int close) {
        for (int i = close - 1; i >= Math.max(0, close - 12); i--) {
            if (OPENING.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A milestone title as the 节点 line gives it back after its date: no separator (：，、- …) at its start and no
     * done mark at its end. Input on one line.
     */
    static String titleAsReadBack(String title) {
        String rest = title;
        for (String previous = null; !rest.equals(previous);) {
            previous = rest;
            rest = withoutDoneMarks(LEADING_SEPARATORS.matcher(rest).replaceFirst("")).strip();
        }
        return rest;
    }
}
