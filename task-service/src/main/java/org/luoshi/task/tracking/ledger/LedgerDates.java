package org.luoshi.task.tracking.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date phrases officials write in a 台账, leniently. A phrase that names a period stands for the last day of
 * it, because a 完成时限 or a 节点 is a deadline:
 * <ul>
 * <li>2023-06-30, 2023/6/30, 2023.6.30, 20230630, 2023年6月30日 (or 号): that day;</li>
 * <li>2023年6月, 2023年6月底/末/份, 2023-06, 2023/6, 2023.6: the last day of the month (上旬 the 10th, 中旬 the 20th);</li>
 * <li>2023年第二季度, 2023年二季度: the last day of the quarter;</li>
 * <li>2023年上半年, 2023年年中: 30 June; 2023年底/年末/年年底/下半年/全年/年内, 2023年, 2023: 31 December;</li>
 * <li>2021—2025年, 2021-2025: 31 December of the last year.</li>
 * </ul>
 * A leading 到/至/截至/于/在 and a trailing 前/之前/以前/止 are allowed; full-width digits count as digits. Years run
 * from {@value #MIN_YEAR} to {@value #MAX_YEAR}; a phrase shaped like a date that names no real day in that range
 * (2023-13-01, 2023-02-30, 1066年) is found but invalid, so that the caller can say "无法识别的日期：2023-13-01".
 */
final class LedgerDates {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;

    /** A date phrase found in text. */
    record Found(LocalDate date, String text, int start, int end) {
        /** Whether the phrase names a real day ({@link #date} is then not null). */
        boolean valid() {
            return date != null;
        }
    }

    private static final String DATE = "(?<date>(?<!\\d)(?:"
            + "(?<ymdY>\\d{4})\\s*[-/.]\\s*(?<ymdM>\\d{1,2})\\s*[-/.]\\s*(?<ymdD>\\d{1,2})(?![\\d.])"
            + "|(?<cymdY>\\d{4})\\s*年\\s*(?<cymdM>\\d{1,2})\\s*月\\s*(?<cymdD>\\d{1,2})\\s*[日号]"
            + "|(?<rangeFrom>\\d{4})\\s*年?\\s*[-—–~～至到]\\s*(?<rangeY>\\d{4})(?!\\d)\\s*(?:年(?:年?[底末])?)?"
            + "|(?<compactY>\\d{4})(?<compactM>\\d{2})(?<compactD>\\d{2})(?!\\d)"
            + "|(?<ymY>\\d{4})\\s*[-/.]\\s*(?<ymM>\\d{1,2})(?![\\d.\\-/])"
            + "|(?<cymY>\\d{4})\\s*年\\s*(?<cymM>\\d{1,2})\\s*月份?(?<cymPart>上旬|中旬|下旬|底|末)?"
            + "|(?<cqY>\\d{4})\\s*年\\s*(?:第\\s*)?(?<cqQ>[一二三四1-4])\\s*季度(?:末|底)?"
            + "|(?<cyY>\\d{4})\\s*年(?<cyPart>上半年|下半年|年中|年底|年末|年年底|年年末|年内|全年|底|末)?"
            + "|(?<bareY>\\d{4})(?![\\d.\\-/年])"
            + "))";
    /** What may stand between a date and the text after it in a 节点 line: white space and punctuation. */
    static final String SEPARATOR = "[\\s:：,，、;；\\-—–~～]";
    private static final String BEFORE = "(?:截至|截止|到|至|于|在)?\\s*";
    private static final String AFTER = "(?:之前|以前|前|止)?";

    private static final Pattern WHOLE = Pattern.compile("^\\s*" + BEFORE + DATE + "\\s*" + AFTER + "\\s*(?:完成)?\\s*$");
    private static final Pattern LEADING = Pattern.compile(
            "^\\s*" + BEFORE + DATE + AFTER + SEPARATOR + "*");
    private static final Pattern TRAILING = Pattern.compile(
            SEPARATOR + "*[（(]?\\s*" + BEFORE + DATE + "\\s*" + AFTER + "(?:完成)?\\s*[)）]?\\s*$");
    /** 完成时限 values that mean "no deadline". */
    private static final Pattern OPEN_ENDED = Pattern.compile(
            "^\\s*(?:长期|持续|常态化)(?:坚持|推进|开展|实施|落实|执行)?(?:工作)?\\s*$");

    /** How far from the end of a line a trailing date phrase (with its brackets and 前/完成) may begin. */
    private static final int TAIL = 64;

    private LedgerDates() {
    }

    /**
     * The text is one date phrase and nothing else (besides 前, 完成 …); empty when it is not a date at all. Indices
     * of the result refer to the text on one line ({@link LedgerText#oneLine}).
     */
    static Optional<Found> whole(String text) {
        return text == null ? Optional.empty() : match(WHOLE, LedgerText.oneLine(text), 0);
    }

    /**
     * A date phrase at the start of a line; {@link Found#end()} is past it and the separators after it. The line must
     * be on one line already ({@link LedgerText#oneLine}), which keeps the match linear.
     */
    static Optional<Found> leading(String line) {
        return match(LEADING, line, 0);
    }

    /**
     * A date phrase at the end of a line ("完成试验线建设（2023年6月底前）"); {@link Found#start()} is where it begins. Only
     * the last {@value #TAIL} characters are searched, so that a long line costs no more than a short one.
     */
    static Optional<Found> trailing(String line) {
        return match(TRAILING, line, Math.max(0, line.length() - TAIL));
    }

    /** Whether a 完成时限 says there is no fixed deadline: 长期, 持续推进, 常态化 …. */
    static boolean isOpenEnded(String text) {
        return OPEN_ENDED.matcher(text).matches();
    }

    /** Whether the date lies in the years this codec reads back. */
    static boolean inRange(LocalDate date) {
        return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    /** Matches from {@code from} on: anchored there, or for a trailing phrase anywhere after it up to the end. */
    private static Optional<Found> match(Pattern pattern, String text, int from) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(fold(text));
        m.useTransparentBounds(true);
        m.region(from, text.length());
        if (!(pattern == TRAILING ? m.find() : m.lookingAt())) {
            return Optional.empty();
        }
        String phrase = text.substring(m.start("date"), m.end("date"));
        return Optional.of(new Found(date(m), phrase, m.start(), m.end()));
    }

    /** Full-width digits and date punctuation as ASCII, one char for one so that indices stay valid. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '０' && c <= '９') {
                chars[i] = (char) ('0' + (c - '０'));
            } else if (c == '／') {
                chars[i] = '/';
            } else if (c == '．') {
                chars[i] = '.';
            } else if (c == '－') {
                chars[i] = '-';
            }
        }
        return new String(chars);
    }

    /** The day the matched phrase stands for, or null when it names none. */
    private static LocalDate date(Matcher m) {
        try {
            LocalDate date = resolve(m);
            return date != null && inRange(date) ? date : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate resolve(Matcher m) {
        if (m.group("ymdY") != null) {
            return LocalDate.of(num(m, "ymdY"), num(m, "ymdM"), num(m, "ymdD"));
        }
        if (m.group("cymdY") != null) {
            return LocalDate.of(num(m, "cymdY"), num(m, "cymdM"), num(m, "cymdD"));
        }
        if (m.group("rangeY") != null) {
            return num(m, "rangeFrom") <= num(m, "rangeY") ? LocalDate.of(num(m, "rangeY"), 12, 31) : null;
        }
        if (m.group("compactY") != null) {
            return LocalDate.of(num(m, "compactY"), num(m, "compactM"), num(m, "compactD"));
        }
        if (m.group("ymY") != null) {
            return YearMonth.of(num(m, "ymY"), num(m, "ymM")).atEndOfMonth();
        }
        if (m.group("cymY") != null) {
            YearMonth month = YearMonth.of(num(m, "cymY"), num(m, "cymM"));
            String part = m.group("cymPart");
            if ("上旬".equals(part)) {
                return month.atDay(10);
            }
            if ("中旬".equals(part)) {
                return month.atDay(20);
            }
            return month.atEndOfMonth();
        }
        if (m.group("cqY") != null) {
            int quarter = "一二三四".indexOf(m.group("cqQ")) + 1;
            if (quarter == 0) {
                quarter = num(m, "cqQ");
            }
            return YearMonth.of(num(m, "cqY"), quarter * 3).atEndOfMonth();
        }
        if (m.group("cyY") != null) {
            String part = m.group("cyPart");
            int year = num(m, "cyY");
            return "上半年".equals(part) || "年中".equals(part) ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }
        if (m.group("bareY") != null) {
            return LocalDate.of(num(m, "bareY"), 12, 31);
        }
        return null;
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }
}
