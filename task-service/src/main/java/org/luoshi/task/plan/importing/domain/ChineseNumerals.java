package org.luoshi.task.plan.importing.domain;

import java.math.BigDecimal;

/** Chinese numerals (一, 十一, 二十三, 一百零五, 一点五, 两千, 〇) and Arabic digits as numbers. */
final class ChineseNumerals {
    private ChineseNumerals() {
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; beyond 999 in Arabic digits. */
    static String write(int n) {
        if (n <= 0 || n > 999) {
            return Integer.toString(n);
        }
        StringBuilder out = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            out.append(DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                out.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                out.append(DIGITS.charAt(tens));
            }
            out.append('十');
        }
        if (ones > 0) {
            out.append(DIGITS.charAt(ones));
        }
        return out.toString();
    }

    /** The integer value of an ordinal such as "十一" or "12"; -1 when it is not one. */
    static int ordinal(String numeral) {
        BigDecimal value = value(numeral);
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            return -1;
        }
        return value.intValueExact();
    }

    /** The value of a number written in digits ("8000", "1.2", "8,000") or in Chinese numerals; null if neither. */
    static BigDecimal value(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return null;
        }
        String s = numeral.replace(",", "");
        if (s.matches("\\d+(\\.\\d+)?")) {
            return new BigDecimal(s);
        }
        int point = s.indexOf('点');
        if (point >= 0) {
            BigDecimal whole = point == 0 ? BigDecimal.ZERO : value(s.substring(0, point));
            String fraction = s.substring(point + 1);
            if (whole == null || fraction.isEmpty()) {
                return null;
            }
            StringBuilder digits = new StringBuilder();
            for (char c : fraction.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return null;
                }
                digits.append(d);
            }
            return new BigDecimal(whole.toBigInteger() + "." + digits);
        }
        long total = 0;
        long section = 0;
        long number = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                number = number * 10 + d; // "二〇二一" read digit by digit
                any = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            any = true;
            if (unit < 10_000) {
                section += (number == 0 ? 1 : number) * unit;
            } else {
                section = (section + number) * unit;
                total += section;
                section = 0;
            }
            number = 0;
        }
        return any ? BigDecimal.valueOf(total + section + number) : null;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇', 'O', '○' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> c >= '0' && c <= '9' ? c - '0' : -1;
        };
    }
}
