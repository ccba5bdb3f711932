package org.luoshi.task.evaluation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** How values are printed in the report: Chinese dates, plain decimals, "—" for anything unknown. */
final class ReportText {
    /** What a missing value prints as. */
    static final String NONE = "—";
    private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ReportText() {
    }

    static String text(String s) {
        return s == null || s.isBlank() ? NONE : s.strip();
    }

    static String date(LocalDate date) {
        return date == null ? NONE : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A value as given (its scale is the reporting precision), without exponent. */
    static String number(BigDecimal value) {
        return value == null ? NONE : value.toPlainString();
    }

    /** A computed value (pace, projection): at most two decimals, trailing zeros dropped. */
    static String computed(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    /** A change per year with its sign: "+0.12", "-3", "0". */
    static String signed(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        String s = computed(value);
        return value.signum() > 0 && !s.equals("0") ? "+" + s : s;
    }

    static String percent(BigDecimal value) {
        return value == null ? NONE : value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** count / total as a percentage with one decimal; "—" without a total. */
    static String share(int count, int total) {
        if (total <= 0) {
            return NONE;
        }
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    /** Whether a table cell reads as running text (left-aligned) rather than a short value (centred). */
    static boolean isProse(String cell) {
        for (String line : cell.split("\n")) {
            if (line.length() > 12) {
                return true;
            }
        }
        return false;
    }

    /** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (headings have fewer than a hundred sections). */
    static String chineseNumber(int n) {
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + (ones == 0 ? "" : DIGITS[ones]);
    }

    /** "2023年" or "—". */
    static String year(Integer year) {
        return year == null ? NONE : year + "年";
    }
}
