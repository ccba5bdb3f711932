package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The direction an indicator gets when nobody has set one (at import): what its comparison says, and for an ABOUT
 * ("…左右") target what the plan's verb says. The supervising office may change it (PUT /api/indicators/{id}).
 *
 * <p>保持 / 稳定 / 维持在…左右 reads as UP ("keep at least about"): the plan's indicators measure effort and output
 * (研发投入, 成交额, 人才), where more is never a failure, and reading it two-sided or literally from a baseline above
 * the target would tell the department to bring R&amp;D spending down. A genuinely two-sided target (HOLD) or a
 * lower-is-better one (DOWN) is set by hand.
 */
public final class DirectionDefaults {
    private static final Pattern DOWN_WORDS = Pattern.compile("降低|下降|减少|缩小|压减|降至|降到|控制在");
    private static final Pattern UP_WORDS = Pattern.compile("提高|提升|增加|增长|升至|扩大|达到|超过|突破|保持|稳定|维持");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;。、|]");

    private DirectionDefaults() {
    }

    /**
     * AT_LEAST, MORE_THAN: UP. AT_MOST: DOWN. ABOUT: from the verb of the clause that names the indicator (the whole
     * text when no clause names it); without a telling verb, from baseline and target as {@link IndicatorPolicy#direction}
     * derives it.
     */
    public static Direction of(TargetComparison comparison, String name, String sourceText, BigDecimal baselineOrNull,
            BigDecimal target) {
        switch (comparison) {
            case AT_MOST:
                return Direction.DOWN;
            case AT_LEAST:
            case MORE_THAN:
                return Direction.UP;
            default:
                break;
        }
        String clause = clauseNaming(name, sourceText);
        if (DOWN_WORDS.matcher(clause).find()) {
            return Direction.DOWN;
        }
        if (UP_WORDS.matcher(clause).find()) {
            return Direction.UP;
        }
        if (baselineOrNull == null || target == null) {
            return Direction.UP;
        }
        int sign = target.compareTo(baselineOrNull);
        return sign > 0 ? Direction.UP : sign < 0 ? Direction.DOWN : Direction.HOLD;
    }

    /** The part of the text between separators that contains the name (its last 6 characters), else the whole text. */
    static String clauseNaming(String name, String text) {
        if (text == null) {
            return "";
        }
        if (name != null && !name.isBlank()) {
            String key = name.length() > 6 ? name.substring(name.length() - 6) : name;
            int at = text.indexOf(key);
            if (at >= 0) {
                int start = at;
                while (start > 0 && !CLAUSE_BREAK.matcher(text.substring(start - 1, start)).matches()) {
                    start--;
                }
                int end = at + key.length();
                while (end < text.length() && !CLAUSE_BREAK.matcher(text.substring(end, end + 1)).matches()) {
                    end++;
                }
                return text.substring(start, end);
            }
        }
        return text;
    }
}
