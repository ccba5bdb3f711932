package org.luoshi.task.plan.importing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;

/**
 * Reads quantitative indicators from the sentences of a goals section and from an indicator table.
 *
 * <p>Sentences are cut at 。；！？ and then into clauses at ，：. A clause yields an indicator when it reads, in this
 * order of preference:
 * <ol>
 * <li>name + 由/从 [year年(的)] baseline + 提高/下降…到/至 [year年(的)] target + unit ("…比重由2020年的5%提高到7%")</li>
 * <li>name + 比/较 year年 + 增长/下降 + value + unit ("单位GDP能耗比2020年下降14%"): a change against a base year</li>
 * <li>names joined by 、 + 分别 + as many values joined by 、</li>
 * <li>name + [verb] + [qualifier] + value + unit + [左右/以上/以内] ("技术合同成交额超过8000亿元")</li>
 * <li>name + verb + value, without a unit, at the end of the clause ("PUE不超过1.3")</li>
 * </ol>
 * Without a verb, the name must end with a measure word (比重, 率, 额, 增速, 数量 …), so that "建设5个平台" is not read as
 * an indicator. The unit is kept as written, with its magnitude (亿元, 万亿元, 万人); the value is the number before
 * it. The target year is the one of a "到2025年" earlier in the section (carried from sentence to sentence) or in the
 * clause itself, else the plan's last year.
 */
final class IndicatorExtractor {
    private IndicatorExtractor() {
    }

    static final String NUM = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)";
    private static final String MAG = "(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千)";
    private static final String BASE = "(?:个百分点|百分点|人次|人年|家次|美元|元|人|个|家|件|项|所|座|台|套|户|吨标准煤|吨|"
            + "千瓦时|千瓦|平方公里|公里|平方米|立方米|亩|张|篇|部|床|辆|株|种|条|次|册|名|倍|岁|天|小时)";
    static final String UNIT = "(%|‰|" + MAG + "?" + BASE + "|" + MAG + ")";
    private static final String VERB = "(约为|保持在|稳定在|维持在|控制在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至"
            + "|扩大到|扩大至|降低到|降低至|下降到|下降至|减少到|减少至|缩小到|缩小至|降到|降至|达到|超过|突破|不低于|不少于|不高于"
            + "|不超过|高于|低于|增长|提高|提升|下降|降低|减少|达|为|超)";
    static final String PRE = "(约|超过|不低于|不少于|不高于|不超过|高于|低于|≥|≤|>|<|＞|＜|≧|≦)";
    static final String POST = "(左右|上下|及以上|以上|以内|以下|之内)";
    private static final String YEAR = "((?:19|20)\\d{2})年(?:底|末)?(?:的)?";

    private static final Pattern BASELINE = Pattern.compile("^(.*?)(?:由|从)(?:" + YEAR + ")?" + NUM + UNIT + "?"
            + "(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|降)?(?:到|至)(?:" + YEAR + ")?" + PRE + "?" + NUM + UNIT
            + POST + "?");
    private static final Pattern RELATIVE = Pattern.compile("^(.*?)(?:比|较|相比)((?:19|20)\\d{2})年(?:底|末)?(?:累计)?"
            + "(增长|提高|提升|上升|下降|降低|减少)" + PRE + "?" + NUM + UNIT + POST + "?");
    private static final String ITEM = nonCapturing(PRE) + "?" + nonCapturing(NUM) + nonCapturing(UNIT) + "?"
            + nonCapturing(POST) + "?";
    private static final Pattern RESPECTIVELY = Pattern.compile("^(.*?)分别" + VERB + "?(" + ITEM + "(?:[、和与及]" + ITEM
            + ")+)");
    private static final Pattern VALUE_ITEM = Pattern.compile(PRE + "?" + NUM + UNIT + "?" + POST + "?");
    private static final Pattern TARGET = Pattern.compile("^(.*?)" + VERB + "?" + PRE + "?" + NUM + UNIT + POST + "?");
    private static final Pattern UNITLESS = Pattern.compile("^(.*?)" + VERB + PRE + "?(\\d+(?:\\.\\d+)?)" + POST + "?$");
    private static final Pattern TO_YEAR = Pattern.compile("(?:到|至|截至|截止到?)((?:19|20)\\d{2})年");
    private static final Pattern OPENING_YEAR = Pattern.compile("^((?:19|20)\\d{2})年(?:底|末)?[，,]");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("((?:19|20)\\d{2})年(?:底|末)?(?!的)");
    private static final Pattern LEADING_FILLER = Pattern.compile("^(?:其中|同时|并且|并|且|力争|确保|争取|预计|全年|当年|期末"
            + "|(?:到|至|截至)?(?:19|20)\\d{2}年(?:底|末)?|“?十[一二三四五六七八九]五”?(?:时期|期间|期末|末)?|“|‘|、|的)+");
    private static final Pattern TRAILING_FILLER = Pattern.compile("(?:当年|年末|年底|期末|将|要|”|’)+$");
    private static final Pattern MEASURE = Pattern.compile(".*(?:比重|占比|比例|比率|率|数|量|额|值|增速|增幅|速度|强度|面积|产值"
            + "|投入|支出|指数|密度|收入|规模|能耗|排放|浓度|寿命|天数|时长|容量|产出|利润|总额|人次|水平|增长|下降|提高|提升|降低|减少)$");
    private static final Pattern BINDING = Pattern.compile("约束性");
    private static final Pattern TRAILING_NOTE = Pattern.compile("[（(][^（）()]{0,12}[)）]$");

    /**
     * Indicators stated in running text.
     *
     * @param paragraphs the goals section's paragraphs, in order
     * @param defaultYear the plan's last year, or null
     */
    static List<ParsedIndicator> fromText(List<String> paragraphs, Integer defaultYear) {
        List<ParsedIndicator> found = new ArrayList<>();
        Integer year = defaultYear;
        for (String paragraph : paragraphs) {
            String normalised = halfWidthDigits(paragraph);
            for (String sentence : normalised.split("(?<=[。；;！？!?])")) {
                Matcher to = TO_YEAR.matcher(sentence);
                if (to.find()) {
                    year = Integer.valueOf(to.group(1));
                } else {
                    Matcher opening = OPENING_YEAR.matcher(sentence);
                    if (opening.find()) {
                        year = Integer.valueOf(opening.group(1));
                    }
                }
                IndicatorKind sentenceKind = BINDING.matcher(sentence).find()
                        && !sentence.matches(".*[（(](?:约束性|预期性)[)）].*") ? IndicatorKind.BINDING
                                : IndicatorKind.EXPECTED;
                String source = sentence.trim();
                for (String clause : sentence.split("[，,：:。；;！？!?]")) {
                    clause = clause.trim();
                    if (clause.isEmpty()) {
                        continue;
                    }
                    IndicatorKind kind = sentenceKind;
                    Matcher note = TRAILING_NOTE.matcher(clause);
                    if (note.find()) {
                        if (note.group().contains("约束性")) {
                            kind = IndicatorKind.BINDING;
                        } else if (note.group().contains("预期性")) {
                            kind = IndicatorKind.EXPECTED;
                        }
                        if (note.group().contains("约束性") || note.group().contains("预期性")) {
                            clause = clause.substring(0, note.start()).trim();
                        }
                    }
                    found.addAll(fromClause(clause, year, kind, source));
                }
            }
        }
        return found;
    }

    private static List<ParsedIndicator> fromClause(String clause, Integer year, IndicatorKind kind, String source) {
        Matcher m = BASELINE.matcher(clause);
        if (m.find()) {
            String name = cleanName(m.group(1));
            Integer targetYear = m.group(5) != null ? Integer.valueOf(m.group(5)) : yearIn(m.group(1), year);
            BigDecimal target = ChineseNumerals.value(m.group(7));
            if (valid(name) && targetYear != null && target != null) {
                boolean down = m.group().matches(".*(?:下降|降低|减少|缩小|降)(?:到|至).*");
                TargetComparison cmp = comparison(down ? "降低到" : "提高到", m.group(6), m.group(9));
                Integer baselineYear = m.group(2) == null ? null : Integer.valueOf(m.group(2));
                return List.of(new ParsedIndicator(name, m.group(8), kind, baselineYear,
                        ChineseNumerals.value(m.group(3)), targetYear, target, cmp, source));
            }
        }
        m = RELATIVE.matcher(clause);
        if (m.find()) {
            String name = cleanName(m.group(1));
            Integer targetYear = yearIn(m.group(1), year);
            BigDecimal target = ChineseNumerals.value(m.group(5));
            if (valid(name) && targetYear != null && target != null) {
                String fullName = name + "比" + m.group(2) + "年" + m.group(3);
                return List.of(new ParsedIndicator(fullName, m.group(6), kind, Integer.valueOf(m.group(2)), null,
                        targetYear, target, comparison(m.group(3), m.group(4), m.group(7)), source));
            }
        }
        m = RESPECTIVELY.matcher(clause);
        if (m.find()) {
            List<ParsedIndicator> several = respectively(m, year, kind, source);
            if (!several.isEmpty()) {
                return several;
            }
        }
        m = TARGET.matcher(clause);
        if (m.find()) {
            ParsedIndicator one = single(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), year,
                    kind, source);
            if (one != null) {
                return List.of(one);
            }
        }
        m = UNITLESS.matcher(clause);
        if (m.find()) {
            ParsedIndicator one = single(m.group(1), m.group(2), m.group(3), m.group(4), null, m.group(5), year, kind,
                    source);
            if (one != null) {
                return List.of(one);
            }
        }
        return List.of();
    }

    private static ParsedIndicator single(String rawName, String verb, String pre, String number, String unit,
            String post, Integer year, IndicatorKind kind, String source) {
        String name = cleanName(rawName);
        if (verb != null && verb.matches("增长|提高|提升|下降|降低|减少")) {
            name = name + verb; // "年均增长8%": the change is what is measured
        }
        if (!valid(name)) {
            return null;
        }
        boolean chineseNumber = !Character.isDigit(number.charAt(0));
        if (chineseNumber && (verb == null || number.matches("[一两]"))) {
            return null; // "一批", "一个中心": words, not figures
        }
        if ((verb == null || verb.equals("为") || verb.equals("达")) && !MEASURE.matcher(name).matches()) {
            return null; // "建设5个平台" is a task, not an indicator
        }
        Integer targetYear = yearIn(rawName, year);
        BigDecimal value = ChineseNumerals.value(number);
        if (targetYear == null || value == null) {
            return null;
        }
        return new ParsedIndicator(name, unit, kind, null, null, targetYear, value, comparison(verb, pre, post), source);
    }

    private static List<ParsedIndicator> respectively(Matcher m, Integer year, IndicatorKind kind, String source) {
        List<Matcher> values = new ArrayList<>();
        Matcher item = VALUE_ITEM.matcher(m.group(3));
        while (item.find()) {
            values.add(VALUE_ITEM.matcher(item.group()));
        }
        String[] names = m.group(1).split("、");
        if (names.length != values.size()) {
            names = m.group(1).split("[、和与及]");
        }
        if (names.length != values.size()) {
            return List.of();
        }
        String sharedUnit = null;
        for (Matcher v : values) {
            if (v.matches() && v.group(3) != null) {
                sharedUnit = v.group(3);
            }
        }
        Integer targetYear = yearIn(m.group(1), year);
        List<ParsedIndicator> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Matcher v = values.get(i);
            if (!v.matches()) {
                return List.of();
            }
            String name = cleanName(names[i]);
            BigDecimal value = ChineseNumerals.value(v.group(2));
            if (!valid(name) || value == null || targetYear == null) {
                return List.of();
            }
            out.add(new ParsedIndicator(name, v.group(3) != null ? v.group(3) : sharedUnit, kind, null, null,
                    targetYear, value, comparison(m.group(2), v.group(1), v.group(4)), source));
        }
        return out;
    }

    /** The comparison a verb, a qualifier before the number and one after it express together. */
    static TargetComparison comparison(String verb, String pre, String post) {
        String v = verb == null ? "" : verb;
        String p = pre == null ? "" : pre;
        String q = post == null ? "" : post;
        if (p.equals("约") || v.equals("约为") || q.equals("左右") || q.equals("上下")) {
            return TargetComparison.ABOUT;
        }
        if (q.equals("以内") || q.equals("以下") || q.equals("之内") || p.matches("不超过|不高于|低于|≤|<|＜|≦")
                || v.matches("不超过|不高于|低于|控制在")) {
            return TargetComparison.AT_MOST;
        }
        if (p.matches("超过|高于|>|＞") || v.matches("超过|突破|高于|超")) {
            return TargetComparison.MORE_THAN;
        }
        if (q.equals("以上") || q.equals("及以上")) {
            return q.equals("及以上") || v.matches("达到|达|保持在|稳定在|维持在|.*(?:到|至)") ? TargetComparison.AT_LEAST
                    : TargetComparison.MORE_THAN;
        }
        if (p.matches("不低于|不少于|≥|≧") || v.matches("不低于|不少于")) {
            return TargetComparison.AT_LEAST;
        }
        if (v.matches("(?:降低|下降|减少|缩小)(?:到|至)|降到|降至")) {
            return TargetComparison.AT_MOST;
        }
        return TargetComparison.AT_LEAST;
    }

    static String cleanName(String raw) {
        String name = raw == null ? "" : raw.trim();
        String previous;
        do {
            previous = name;
            name = LEADING_FILLER.matcher(name).replaceFirst("").trim();
            name = TRAILING_FILLER.matcher(name).replaceFirst("").trim();
        } while (!name.equals(previous));
        return name;
    }

    private static boolean valid(String name) {
        int length = name.codePointCount(0, name.length());
        return length >= 2 && length <= 40 && name.codePoints().anyMatch(Character::isLetter)
                && !name.matches(".*(?:以来|已经|十三五|分别).*") // past figures; a list this parser could not pair
                && !name.matches(".*(?:由|从)?(?:19|20)\\d{2}年.*"); // a baseline phrase this parser could not read
    }

    private static Integer yearIn(String rawName, Integer year) {
        Matcher m = YEAR_IN_NAME.matcher(rawName == null ? "" : rawName);
        return m.find() ? Integer.valueOf(m.group(1)) : year;
    }

    private static String nonCapturing(String regex) {
        return regex.replaceAll("\\((?!\\?)", "(?:");
    }

    /** Full-width digits, per cent signs and points as ASCII, so one pattern reads both. */
    static String halfWidthDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == '％') {
                out.append('%');
            } else if (c == '．') {
                out.append('.');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- tables

    private static final Pattern CELL_VALUE = Pattern.compile("^" + PRE + "?" + NUM + UNIT + "?" + POST + "?$");
    private static final Pattern YEAR_CELL = Pattern.compile("((?:19|20)\\d{2})");
    private static final Pattern UNIT_IN_NAME = Pattern.compile("^(.*?)[（(]([^（）()]{1,12})[)）]$");
    private static final Pattern UNIT_ONLY = Pattern.compile("^" + UNIT + "$|.*[/／每].*");
    private static final Pattern NO_VALUE = Pattern.compile("^[\\s—\\-–－/／无]*$");
    private static final Pattern ROW_NUMBER = Pattern.compile("^(?:\\d{1,3}|[（(]?\\d{1,3}[)）])[.．、\\s]*");

    /**
     * Indicators of a table whose header names an indicator column (指标) and a target column (a year, 目标 or 预期):
     * one per row and target column, the earliest year column (or one headed 基期/现状) giving the baseline.
     */
    static List<ParsedIndicator> fromTable(List<List<String>> rows, String caption, Integer defaultYear) {
        for (int h = 0; h < Math.min(rows.size(), 3); h++) {
            List<ParsedIndicator> found = fromTable(rows, h, caption == null ? "" : caption, defaultYear);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    private static List<ParsedIndicator> fromTable(List<List<String>> rows, int h, String caption,
            Integer defaultYear) {
        List<String> header = rows.get(h);
        int nameCol = -1;
        int unitCol = -1;
        int kindCol = -1;
        int baselineCol = -1;
        List<int[]> targets = new ArrayList<>(); // {column, year or -1}
        List<int[]> years = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String cell = header.get(c).replace(" ", "");
            if (cell.matches(".*(?:属性|性质).*")) {
                kindCol = c;
            } else if (cell.contains("单位")) {
                unitCol = c;
            } else if (cell.matches(".*(?:指标|名称).*") && !YEAR_CELL.matcher(cell).find()) {
                if (nameCol < 0 || cell.matches("指标名称|指标|主要指标")) {
                    nameCol = c;
                }
            } else if (cell.matches(".*(?:基期|基数|现状|现值|基准).*")) {
                baselineCol = c;
            } else {
                Matcher y = YEAR_CELL.matcher(cell);
                if (y.find()) {
                    years.add(new int[] {c, Integer.parseInt(y.group(1))});
                } else if (cell.matches(".*(?:目标|预期值|规划值).*")) {
                    targets.add(new int[] {c, -1});
                }
            }
        }
        if (baselineCol < 0 && years.size() >= 2) {
            int[] earliest = years.stream().min((a, b) -> Integer.compare(a[1], b[1])).orElseThrow();
            baselineCol = earliest[0];
            years.remove(earliest);
        }
        Integer baselineYear = null;
        if (baselineCol >= 0) {
            Matcher y = YEAR_CELL.matcher(header.get(baselineCol));
            baselineYear = y.find() ? Integer.valueOf(y.group(1)) : null;
        }
        targets.addAll(years);
        if (nameCol < 0 || targets.isEmpty()) {
            return null;
        }
        IndicatorKind captionKind = caption.contains("约束性") && !caption.contains("预期性") ? IndicatorKind.BINDING
                : IndicatorKind.EXPECTED;
        List<ParsedIndicator> found = new ArrayList<>();
        for (int r = h + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() <= nameCol || row.stream().distinct().count() <= 1) {
                continue; // a category row spanning the table
            }
            String name = ROW_NUMBER.matcher(row.get(nameCol)).replaceFirst("").trim();
            String unit = unitCol >= 0 && unitCol < row.size() && !NO_VALUE.matcher(row.get(unitCol)).matches()
                    ? row.get(unitCol) : null;
            Matcher inName = UNIT_IN_NAME.matcher(name);
            if (inName.matches() && UNIT_ONLY.matcher(inName.group(2)).matches()) {
                name = inName.group(1).trim();
                unit = unit == null ? inName.group(2) : unit;
            }
            if (!valid(name) || name.equals(header.get(nameCol))) {
                continue;
            }
            IndicatorKind kind = captionKind;
            if (kindCol >= 0 && kindCol < row.size()) {
                kind = row.get(kindCol).contains("约束") ? IndicatorKind.BINDING
                        : row.get(kindCol).contains("预期") ? IndicatorKind.EXPECTED : captionKind;
            }
            Matcher baseline = baselineCol >= 0 && baselineCol < row.size() ? cellValue(row.get(baselineCol)) : null;
            for (int[] target : targets) {
                if (target[0] >= row.size()) {
                    continue;
                }
                Matcher value = cellValue(row.get(target[0]));
                Integer targetYear = target[1] > 0 ? Integer.valueOf(target[1]) : defaultYear;
                if (value == null || targetYear == null) {
                    continue;
                }
                found.add(new ParsedIndicator(name, unit != null ? unit : value.group(3), kind,
                        baseline == null ? null : baselineYear,
                        baseline == null ? null : ChineseNumerals.value(baseline.group(2)), targetYear,
                        ChineseNumerals.value(value.group(2)), comparison(null, value.group(1), value.group(4)),
                        String.join(" | ", row)));
            }
        }
        return found;
    }

    private static Matcher cellValue(String cell) {
        String v = halfWidthDigits(cell).replaceAll("[\\s〔〕\\[\\]【】「」]|累计", "");
        Matcher m = CELL_VALUE.matcher(v);
        return m.matches() && ChineseNumerals.value(m.group(2)) != null ? m : null;
    }
}
