package org.luoshi.task.plan.importing.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.luoshi.task.plan.importing.domain.Heading.Level;

/**
 * Turns a published plan document (规划, 纲要, 计划, 方案 …) into a structured draft plan: chapters, sections, one
 * task per paragraph of the task chapters, and the quantitative indicators of its goals.
 *
 * <p>Input: the plan as published, in any of the formats {@link DocumentReaders} tells apart by content: Word (.docx,
 * {@link DocxReader}), PDF with a text layer ({@link PdfReader}), HTML or plain text ({@link HtmlTextReader}: UTF-8
 * unless a byte-order mark or a {@code <meta charset>} says otherwise, GB18030 tried for bytes that are not UTF-8,
 * optionally behind a YAML front matter block whose {@code title} and {@code date} serve as hints). Each reader turns
 * its format into one intermediate model ({@link PlanDocument}: headings with their level, paragraphs, tables, without
 * the page's or the site's furniture); everything below is done once, on that model, whatever the format was.
 * Stateless and thread-safe; the same bytes always give an equal result.
 *
 * <p>How the structure is found (all by rule, nothing tuned to one document):
 * <ul>
 * <li><b>Paragraphs.</b> Every block-level element and every {@code <br>} ends a paragraph; white space (including
 * full-width indentation) is collapsed. A bold run (b, strong, h1–h6, or an element whose attributes say "bold") that
 * opens a paragraph is remembered.</li>
 * <li><b>Headings.</b> A heading the source marks by its outline level without a number (Word's Heading styles) takes
 * the numbering style of its level (1: 第X章, 2: 第X节, 3: X、, 4: （X）) and its place among its level's headings
 * as its number. A paragraph that is only a numbered title of at most 60 characters without 。 or ； is a
 * heading. Numbering styles, highest rank first: 第X章/第X部分/第X篇, 第X节, X、, （X）/(X). Chapters are the highest
 * style in which both a 1 and a later 2 occur; sections are the next lower style present after the first chapter.
 * Headings must run in sequence (一, 二, 三 …); one out of sequence is ordinary text. A bold heading that opens a
 * longer paragraph ("<b>（一）组织保障。</b>加强…") counts too. Lower styles (e.g. （一） under 一、 sections) stay
 * paragraph text.</li>
 * <li><b>Table of contents.</b> The body starts at the first "chapter 1" heading that is followed by text of its own
 * before the next chapter heading (among several such, the one that yields the most chapters, the later on a tie). A
 * table of contents repeats the headings with no text between them, so it is skipped, "目录" label or not.</li>
 * <li><b>Chrome.</b> Editor, source and share lines, "related articles", copyright end the article; app adverts,
 * breadcrumbs, QR-code prompts, "原标题" lines and the site's link rows (联系我们, 网站地图) are dropped wherever they
 * stand; a site footer (主办/承办, 网站标识码, ICP 备案号) ends the article; scripts, styles, frames and the page
 * furniture the readers recognise (HTML: {@link SiteFurniture}; PDF: {@link PageFurniture}; .docx keeps headers and
 * footers apart) are never read. A short bold caption directly above a table or an image is not a paragraph.</li>
 * <li><b>Context chapters.</b> The leading chapters that set the scene: a chapter is context when its title names it
 * (总体要求, 指导思想, 发展基础, 发展目标 …) or when at least half of its section titles are short (≤ 12 characters)
 * and end in 形势, 基础, 思路, 原则, 目标, 思想, 背景, 现状, 环境, 机遇, 挑战, 要求, 意义, 定位, 愿景, 成就, 成效 or 需求 (or
 * begin with 形势, 背景, 现状). Only an unbroken run from chapter 1 counts: once a chapter is not context, no later
 * one is.</li>
 * <li><b>Tasks.</b> In the other chapters every paragraph of a section is a task. Its lead sentence is the bold run it
 * opens with when that ends in 。; otherwise its first sentence when that is at most 40 characters, has no ，；： and
 * is followed by more text. Paragraphs between a chapter heading and its first section are the chapter's
 * introduction, not tasks.</li>
 * <li><b>Front.</b> Everything before the first chapter: the title is the plan named in the notice
 * (印发《…》), else the heading lines ending in 规划/纲要/计划/方案…, else the front matter's or the page's title. The
 * issue date is the first line there that is a date; the issuing bodies are the organisation lines just above it
 * (else the notice's heading before 关于印发); with no date there, the front matter's {@code date} stands in. The
 * period is a year range in the title (2021—2025年), else the five-year plan the title names ("十四五" → 2021–2025),
 * else a sentence of the preamble such as 本规划实施期限为2021至2025年.</li>
 * <li><b>Indicators.</b> From the sections of the context chapters whose title contains 目标, by the sentence
 * patterns of {@link IndicatorExtractor}, and from any table whose header names an indicator column and a year or
 * target column (主要指标表). Table rows come first; a sentence repeating a table row's indicator is not added again.
 * Kind is BINDING only where the row, its table's caption or the sentence says 约束性.</li>
 * </ul>
 *
 * <p>Anything that does not come out as at least two chapters, each with at least one section, each with at least
 * one paragraph, under a recognisable plan title, is refused with a {@link PlanDocumentException}.
 */
public final class PlanDocumentParser {

    private static final Pattern NOTICE_TITLE = Pattern.compile(
            "(?:印发|发布)\\s*《([^《》]{2,80})》|《([^《》]{2,80})》(?:已经[^。《》]{0,30}?[，,]\\s*)?现?\\s*印发");
    private static final Pattern ENDS_WITH_PLAN_WORD = Pattern.compile(
            ".*(?:规划|纲要|计划|方案|意见|要点|措施|纲领|行动)(?:[（(][^（）()]{4,20}[)）])?$");
    private static final Pattern NOTICE_JOINED = Pattern.compile("关于印发《([^《》]{2,80})》的通知");
    private static final Pattern TITLE_LINE = Pattern.compile(
            "^[^《》。，；：:]{2,60}(?:规划|纲要|计划|方案|意见|要点|措施)(?:[（(][^（）()]{4,20}[)）])?$");
    private static final Pattern YEAR_RANGE_LINE = Pattern.compile(
            "^[（(]\\s*(?:19|20)\\d{2}\\s*年?\\s*(?:-|—|–|－|~|～|至|到)+\\s*(?:19|20)\\d{2}\\s*年?\\s*[)）]$");
    private static final Pattern DATE = Pattern.compile(
            "^[（(]?((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(.{0,40})$");
    private static final Pattern CN_DATE = Pattern.compile(
            "^[（(]?([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日(.{0,40})$");
    private static final Pattern ORGANISATION = Pattern.compile(
            "^[^\\s，。；：、]{2,30}(?:委员会|委|人民政府|政府|办公厅|办公室|厅|局|院|部|署|会|中心|党组|组)$");
    private static final Pattern RANGE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年?\\s*(?:-|—|–|－|~|～|至|到|—{2})\\s*((?:19|20)\\d{2})\\s*年");
    private static final Pattern FIVE_YEAR = Pattern.compile("(?:十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年)");
    private static final Pattern PERIOD_SENTENCE = Pattern.compile(
            "(?:规划期|实施期限|规划期限|期限为|时间范围|规划期为)[^。]{0,12}?((?:19|20)\\d{2})\\s*年?\\s*"
                    + "(?:-|—|–|－|~|～|至|到)+\\s*((?:19|20)\\d{2})\\s*年");
    private static final Pattern CONTEXT_CHAPTER = Pattern.compile(
            ".*(?:总体要求|指导思想|发展基础|发展环境|发展形势|面临形势|规划背景|总体思路|发展目标|主要目标|总体目标|战略目标"
                    + "|基本原则|发展现状|现实基础|规划基础|总体战略|形势与要求).*");
    private static final Pattern CONTEXT_SECTION = Pattern.compile(
            "^(?:形势|背景|现状).*|.*(?:形势|基础|思路|原则|目标|思想|背景|现状|环境|机遇|挑战|要求|意义|定位|愿景|成就|成效|需求)$");
    private static final Pattern TOC_LABEL = Pattern.compile("^目\\s*录$|^目次$");
    private static final int LEAD_MAX = 40;

    /**
     * Parses a plan document.
     *
     * @param document the document's bytes exactly as published
     * @return the plan; never a partial one
     * @throws PlanDocumentException when the bytes are not a plan document this parser can read
     */
    public ParsedPlan parse(byte[] document) {
        PlanDocument read = DocumentReaders.read(document);
        String sha256 = sha256(document);
        List<Block> blocks = read.blocks();
        if (blocks.stream().noneMatch(Block::isText)) {
            throw new PlanDocumentException("文件中没有文字内容，不是规划文本。 The document contains no text; it is not a plan.");
        }
        List<Heading> headings = headings(blocks);

        Level chapterLevel = chapterLevel(headings);
        int start = bodyStart(blocks, headings, chapterLevel);
        Level sectionLevel = sectionLevel(headings, chapterLevel, start);
        Body body = readBody(blocks, headings, chapterLevel, sectionLevel, start);
        validate(body.chapters);

        List<Block> front = blocks.subList(0, start);
        List<Heading> frontHeadings = headings.subList(0, start);
        Title title = title(front, read);
        Integer[] period = period(title.text, front, title.index, read);
        DateLine dateLine = dateLine(front);
        LocalDate issuedOn = dateLine != null ? dateLine.date : read.dateHint();
        List<String> issuers = issuers(front, dateLine);
        List<String> preamble = preamble(front, frontHeadings, title, dateLine);

        List<ParsedChapter> chapters = chapters(body);
        List<ParsedIndicator> indicators = indicators(chapters, body.tables, period[1]);
        return new ParsedPlan(title.text, issuers, period[0], period[1], issuedOn, chapters, indicators, sha256,
                preamble);
    }

    /**
     * The heading each block is, by its numbering; a heading the source marks by its outline level without a number
     * ("发展基础" in Word's Heading 1 style) is numbered by its place among the headings of its level.
     */
    private static List<Heading> headings(List<Block> blocks) {
        List<Heading> out = new ArrayList<>(blocks.size());
        int[] counters = new int[Level.values().length];
        for (Block b : blocks) {
            Heading h = Heading.of(b);
            if (h == null && b.kind() == Block.Kind.HEADING) {
                int rank = Math.min(b.level(), counters.length) - 1;
                counters[rank]++;
                Arrays.fill(counters, rank + 1, counters.length, 0);
                h = Heading.outline(Level.values()[rank], counters[rank], b.text());
            }
            out.add(h);
        }
        return out;
    }

    // ------------------------------------------------------------------ structure

    private static Level chapterLevel(List<Heading> headings) {
        for (Level level : Level.values()) {
            boolean first = false;
            for (Heading h : headings) {
                if (h != null && h.level() == level) {
                    if (h.ordinal() == 1) {
                        first = true;
                    } else if (h.ordinal() == 2 && first) {
                        return level;
                    }
                }
            }
        }
        boolean any = headings.stream().anyMatch(h -> h != null && h.ordinal() == 1);
        throw new PlanDocumentException(any
                ? "只找到一章，规划至少应有两章。 Only one chapter was found; a plan has at least two."
                : "没有找到章标题（如“一、”“第一章”），不是可识别的规划文本。"
                        + " No chapter headings (such as “一、” or “第一章”) were found; this is not a recognisable plan.");
    }

    /** Where the body begins: past the notice, the title and any table of contents. */
    private static int bodyStart(List<Block> blocks, List<Heading> headings, Level chapterLevel) {
        int best = -1;
        int bestCount = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Heading h = headings.get(i);
            if (h == null || h.level() != chapterLevel || h.ordinal() != 1 || !hasOwnText(blocks, headings, i,
                    chapterLevel)) {
                continue;
            }
            int count = 0;
            for (int j = i; j < blocks.size(); j++) {
                Heading c = headings.get(j);
                if (c != null && c.level() == chapterLevel && c.ordinal() == count + 1) {
                    count++;
                }
            }
            if (count >= bestCount) {
                best = i;
                bestCount = count;
            }
        }
        if (best < 0) {
            throw new PlanDocumentException("找到了章标题，但章下没有正文（可能只有目录）。"
                    + " Chapter headings were found, but no chapter has any text of its own (perhaps only a table of contents).");
        }
        return best;
    }

    private static boolean hasOwnText(List<Block> blocks, List<Heading> headings, int chapter, Level chapterLevel) {
        int from = chapter + 1;
        if (headings.get(chapter).title().isEmpty()) {
            from++; // "第一章" with its title on the next line
        }
        for (int j = from; j < blocks.size(); j++) {
            Heading h = headings.get(j);
            Block b = blocks.get(j);
            if (h != null && h.level() == chapterLevel) {
                return false;
            }
            if (h != null ? !h.rest().isEmpty()
                    : b.isText() && !Chrome.isNoise(b.text()) && !Chrome.endsArticle(b.text())
                            && !TOC_LABEL.matcher(b.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Level sectionLevel(List<Heading> headings, Level chapterLevel, int start) {
        for (Level level : Level.values()) {
            if (level.compareTo(chapterLevel) <= 0) {
                continue;
            }
            for (int i = start; i < headings.size(); i++) {
                Heading h = headings.get(i);
                if (h != null && h.level() == level && h.ordinal() == 1) {
                    return level;
                }
            }
        }
        throw new PlanDocumentException("找到了章，但章下没有节标题（如“（一）”）。"
                + " Chapters were found, but they have no section headings (such as “（一）”).");
    }

    private static final class ChapterDraft {
        final String number;
        final int ordinal;
        final String title;
        final List<String> introduction = new ArrayList<>();
        final List<SectionDraft> sections = new ArrayList<>();

        ChapterDraft(String number, int ordinal, String title) {
            this.number = number;
            this.ordinal = ordinal;
            this.title = title;
        }
    }

    private static final class SectionDraft {
        final String number;
        final int ordinal;
        final String title;
        final List<Block> paragraphs = new ArrayList<>();

        SectionDraft(String number, int ordinal, String title) {
            this.number = number;
            this.ordinal = ordinal;
            this.title = title;
        }
    }

    /** A table met in the body, with the caption above it and the chapter and section it stands in (0-based). */
    private record PlacedTable(List<List<String>> rows, String caption, int chapter, int section) {
    }

    private record Body(List<ChapterDraft> chapters, List<PlacedTable> tables) {
    }

    private static Body readBody(List<Block> blocks, List<Heading> headings, Level chapterLevel, Level sectionLevel,
            int start) {
        List<ChapterDraft> chapters = new ArrayList<>();
        List<PlacedTable> tables = new ArrayList<>();
        ChapterDraft chapter = null;
        SectionDraft section = null;
        for (int i = start; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() == Block.Kind.TABLE) {
                String caption = i > 0 && blocks.get(i - 1).isText() ? blocks.get(i - 1).text() : "";
                tables.add(new PlacedTable(b.rows(), caption, chapters.size() - 1,
                        chapter == null ? -1 : chapter.sections.size() - 1));
                continue;
            }
            if (!b.isText()) {
                continue;
            }
            if (Chrome.endsArticle(b.text())) {
                break;
            }
            if (Chrome.isNoise(b.text())) {
                continue;
            }
            Heading h = headings.get(i);
            if (h != null && h.level() == chapterLevel && h.ordinal() == chapters.size() + 1) {
                String title = h.title();
                if (title.isEmpty() && i + 1 < blocks.size() && blocks.get(i + 1).isText()
                        && headings.get(i + 1) == null && blocks.get(i + 1).text().length() <= 60
                        && blocks.get(i + 1).text().indexOf('。') < 0) {
                    title = blocks.get(++i).text(); // "第一章" / "发展基础" on two lines
                }
                chapter = new ChapterDraft(h.numeral(), h.ordinal(), title);
                chapters.add(chapter);
                section = null;
                if (!h.rest().isEmpty()) {
                    chapter.introduction.add(h.rest());
                }
                continue;
            }
            if (h != null && chapter != null && h.level() == sectionLevel
                    && h.ordinal() == chapter.sections.size() + 1) {
                String title = h.title();
                if (title.isEmpty() && i + 1 < blocks.size() && blocks.get(i + 1).isText()
                        && headings.get(i + 1) == null && blocks.get(i + 1).text().length() <= 60
                        && blocks.get(i + 1).text().indexOf('。') < 0) {
                    title = blocks.get(++i).text();
                }
                section = new SectionDraft("（" + h.numeral() + "）", h.ordinal(), title);
                chapter.sections.add(section);
                if (!h.rest().isEmpty()) {
                    section.paragraphs.add(Block.text(h.rest(), "", false));
                }
                continue;
            }
            if (isCaption(blocks, i)) {
                continue;
            }
            if (section != null) {
                section.paragraphs.add(b);
            } else if (chapter != null) {
                chapter.introduction.add(b.text());
            }
        }
        return new Body(chapters, tables);
    }

    /** A short bold line standing right above a table or an image: its caption, not a paragraph. */
    private static boolean isCaption(List<Block> blocks, int i) {
        Block b = blocks.get(i);
        if (!b.wholeBold() || b.text().length() > 50 || b.text().indexOf('。') >= 0) {
            return false;
        }
        return i + 1 < blocks.size() && !blocks.get(i + 1).isText();
    }

    private static void validate(List<ChapterDraft> chapters) {
        if (chapters.size() < 2) {
            throw new PlanDocumentException("只找到一章，规划至少应有两章。 Only one chapter was found; a plan has at least two.");
        }
        for (ChapterDraft c : chapters) {
            if (c.title.isEmpty()) {
                throw new PlanDocumentException("第" + c.number + "章没有标题。 Chapter " + c.ordinal + " has no title.");
            }
            if (c.sections.isEmpty()) {
                throw new PlanDocumentException("第" + c.number + "章“" + c.title + "”下没有找到节（如“（一）”）。 Chapter "
                        + c.ordinal + " (" + c.title + ") has no sections (such as “（一）”).");
            }
            for (SectionDraft s : c.sections) {
                if (s.paragraphs.isEmpty()) {
                    throw new PlanDocumentException("第" + c.number + "章第" + s.number + "节“" + s.title
                            + "”下没有正文。 Section " + s.ordinal + " (" + s.title + ") of chapter " + c.ordinal
                            + " has no text.");
                }
            }
        }
    }

    private static List<ParsedChapter> chapters(Body body) {
        List<ParsedChapter> out = new ArrayList<>();
        boolean stillContext = true;
        for (ChapterDraft c : body.chapters) {
            stillContext = stillContext && isContext(c);
            List<ParsedSection> sections = new ArrayList<>();
            for (SectionDraft s : c.sections) {
                List<ParsedParagraph> paragraphs = new ArrayList<>();
                for (Block p : s.paragraphs) {
                    String lead = leadSentence(p);
                    String taskTitle = lead != null ? lead.substring(0, lead.length() - 1) : s.title;
                    paragraphs.add(new ParsedParagraph(paragraphs.size() + 1, p.text(), lead, taskTitle));
                }
                sections.add(new ParsedSection(s.number, s.ordinal, s.title, paragraphs));
            }
            out.add(new ParsedChapter(c.number, c.ordinal, c.title, stillContext, sections, c.introduction));
        }
        return out;
    }

    private static boolean isContext(ChapterDraft c) {
        if (c.title.length() <= 20 && CONTEXT_CHAPTER.matcher(c.title).matches()) {
            return true;
        }
        long matching = c.sections.stream()
                .filter(s -> s.title.length() <= 12 && CONTEXT_SECTION.matcher(s.title).matches()).count();
        return matching * 2 >= c.sections.size();
    }

    /** The short sentence a paragraph opens with, with its 。; null if it opens with none. */
    static String leadSentence(Block paragraph) {
        String text = paragraph.text();
        String bold = paragraph.boldPrefix();
        if (!bold.isEmpty() && bold.length() < text.length()) {
            String lead = bold;
            if (!lead.endsWith("。") && text.charAt(lead.length()) == '。') {
                lead = lead + "。";
            }
            if (lead.endsWith("。") && lead.length() > 1 && lead.length() < text.length()) {
                return lead;
            }
        }
        int end = text.indexOf('。');
        if (end <= 0 || end + 1 >= text.length()) {
            return null;
        }
        String lead = text.substring(0, end + 1);
        if (lead.codePointCount(0, lead.length()) > LEAD_MAX || lead.matches(".*[，,；;：:].*")) {
            return null;
        }
        return lead;
    }

    // ------------------------------------------------------------------ front

    private record Title(String text, int index) {
    }

    private record DateLine(LocalDate date, int index, String tail) {
    }

    private static Title title(List<Block> front, PlanDocument read) {
        // 1. the plan named in its notice: 现将《…》印发给你们 / 关于印发《…》的通知
        for (int i = 0; i < front.size(); i++) {
            Matcher m = NOTICE_TITLE.matcher(front.get(i).text());
            while (m.find()) {
                String named = m.group(1) != null ? m.group(1) : m.group(2);
                if (endsWithPlanWord(named)) {
                    return new Title(named, i);
                }
            }
        }
        // 2. a notice heading split over several lines
        StringBuilder joined = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            String t = front.get(i).text().replace(" ", "");
            joined.append(t);
            for (int k = 0; k < t.length(); k++) {
                owner.add(i);
            }
        }
        Matcher m = NOTICE_JOINED.matcher(joined);
        if (m.find() && endsWithPlanWord(m.group(1))) {
            return new Title(m.group(1), owner.get(m.end() - 1));
        }
        // 3. the plan's own title lines, possibly broken over two or three short lines
        for (int i = front.size() - 1; i >= 0; i--) {
            Block b = front.get(i);
            if (!b.isText() || Chrome.isNoise(b.text()) || !TITLE_LINE.matcher(b.text()).matches()
                    || b.text().contains("关于") || Heading.of(b) != null) {
                continue;
            }
            String title = b.text();
            int index = i;
            if (i + 1 < front.size() && YEAR_RANGE_LINE.matcher(front.get(i + 1).text()).matches()) {
                title = title + front.get(i + 1).text(); // "…行动方案" / "（2023—2025年）" on two lines
                index = i + 1;
            }
            for (int k = i - 1; k >= Math.max(0, i - 2); k--) {
                Block before = front.get(k);
                String t = before.text();
                if (!before.isText() || !before.wholeBold() || !b.wholeBold() || t.length() > 30
                        || t.matches(".*[。，；：:、》]$") || t.contains("关于") || t.contains("通知")
                        || DATE.matcher(t).matches() || ORGANISATION.matcher(t).matches()
                        || Heading.of(before) != null || TOC_LABEL.matcher(t).matches()) {
                    break;
                }
                title = t + title;
            }
            return new Title(title, index);
        }
        // 4. the front matter's and the page's own titles
        for (String hint : read.titleHints()) {
            String cleaned = cleanTitleHint(hint);
            if (cleaned != null) {
                return new Title(cleaned, -1);
            }
        }
        throw new PlanDocumentException("没有找到规划标题（如“……规划”“……纲要”“……方案”），不是可识别的规划文本。"
                + " No plan title (such as “……规划”, “……纲要” or “……方案”) was found; this is not a recognisable plan.");
    }

    private static boolean endsWithPlanWord(String s) {
        return ENDS_WITH_PLAN_WORD.matcher(s).matches();
    }

    /** "全文发布！北京市_十四五_时期…规划" → "北京市“十四五”时期…规划"; "…规划_某某网" → "…规划". */
    private static String cleanTitleHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String t = Block.normalise(hint).replaceAll("_([^_\\s]{1,8})_", "“$1”");
        String best = null;
        for (String part : t.split("\\s[-|｜—]\\s|[|｜_]|！|!")) {
            String p = part.trim().replaceFirst("^(?:全文|全文发布|重磅|权威发布|原标题)[:：]?", "");
            if (endsWithPlanWord(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    private static DateLine dateLine(List<Block> front) {
        for (int i = 0; i < front.size(); i++) {
            Block b = front.get(i);
            if (!b.isText()) {
                continue;
            }
            String t = b.text().replace(" ", "");
            Matcher m = DATE.matcher(t);
            try {
                if (m.matches()) {
                    return new DateLine(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))), i, m.group(4));
                }
                m = CN_DATE.matcher(t);
                if (m.matches()) {
                    return new DateLine(LocalDate.of(ChineseNumerals.value(m.group(1)).intValue(),
                            ChineseNumerals.ordinal(m.group(2)), ChineseNumerals.ordinal(m.group(3))), i, m.group(4));
                }
            } catch (DateTimeException | ArithmeticException e) {
                // not a real date: keep looking
            }
        }
        return null;
    }

    private static List<String> issuers(List<Block> front, DateLine dateLine) {
        Set<String> found = new LinkedHashSet<>();
        if (dateLine != null) {
            // the signature lines just above the date
            List<String> above = new ArrayList<>();
            for (int i = dateLine.index - 1; i >= 0 && above.size() < 6; i--) {
                List<String> orgs = organisations(front.get(i).text());
                if (orgs.isEmpty()) {
                    break;
                }
                above.addAll(0, orgs);
            }
            found.addAll(above);
            // "（2021年11月3日中共北京市委、北京市人民政府印发）"
            if (found.isEmpty()) {
                found.addAll(organisations(dateLine.tail.replaceAll("[）)]|印发|发布|联合", "")));
            }
        }
        if (found.isEmpty()) {
            // the notice's heading: "中共北京市委 北京市人民政府 关于印发…的通知"
            for (int i = 0; i < front.size(); i++) {
                String t = front.get(i).text();
                int about = t.indexOf("关于");
                if (about < 0 || !(t.contains("印发") || t.contains("通知"))) {
                    continue;
                }
                List<String> orgs = organisations(t.substring(0, about));
                if (orgs.isEmpty() && about == 0 && i > 0) {
                    orgs = organisations(front.get(i - 1).text());
                }
                found.addAll(orgs);
                break;
            }
        }
        return List.copyOf(found);
    }

    private static List<String> organisations(String line) {
        List<String> out = new ArrayList<>();
        if (line.isBlank() || line.length() > 60) {
            return out;
        }
        for (String part : line.trim().split("[\\s、，,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!ORGANISATION.matcher(part).matches()) {
                return List.of();
            }
            out.add(part);
        }
        return out;
    }

    private static Integer[] period(String title, List<Block> front, int titleIndex, PlanDocument read) {
        Integer[] fromTitle = periodIn(title);
        if (fromTitle != null) {
            return fromTitle;
        }
        for (int i = Math.max(0, titleIndex); i < front.size(); i++) {
            Matcher m = PERIOD_SENTENCE.matcher(front.get(i).text());
            if (m.find()) {
                return ordered(Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)));
            }
        }
        for (String hint : read.titleHints()) {
            Integer[] p = hint == null ? null : periodIn(hint.replace("_", ""));
            if (p != null) {
                return p;
            }
        }
        return new Integer[] {null, null};
    }

    private static Integer[] periodIn(String text) {
        Matcher range = RANGE.matcher(text);
        if (range.find()) {
            return ordered(Integer.valueOf(range.group(1)), Integer.valueOf(range.group(2)));
        }
        Matcher fyp = FIVE_YEAR.matcher(text);
        if (fyp.find()) {
            int n = 10 + ChineseNumerals.ordinal(fyp.group(1) != null ? fyp.group(1) : fyp.group(2));
            int first = 1966 + 5 * (n - 3); // the 3rd five-year plan began in 1966, after the 1963–65 adjustment
            return new Integer[] {first, first + 4};
        }
        return null;
    }

    private static Integer[] ordered(Integer a, Integer b) {
        return a <= b ? new Integer[] {a, b} : new Integer[] {b, a};
    }

    private static List<String> preamble(List<Block> front, List<Heading> frontHeadings, Title title,
            DateLine dateLine) {
        int from = Math.max(title.index, dateLine == null ? -1 : dateLine.index);
        for (int i = 0; i < front.size(); i++) {
            String t = front.get(i).text();
            String bare = t.replace(" ", "");
            if (frontHeadings.get(i) != null || TOC_LABEL.matcher(t).matches() || t.contains("印发")
                    || bare.length() >= 4 && title.text().replace(" ", "").contains(bare)) {
                from = Math.max(from, i);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = from + 1; i < front.size(); i++) {
            Block b = front.get(i);
            if (b.isText() && !Chrome.isNoise(b.text()) && !Chrome.endsArticle(b.text()) && !isCaption(front, i)) {
                out.add(b.text());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ indicators

    private static List<ParsedIndicator> indicators(List<ParsedChapter> chapters, List<PlacedTable> tables,
            Integer periodEnd) {
        List<ParsedIndicator> fromTables = new ArrayList<>();
        for (PlacedTable t : tables) {
            fromTables.addAll(IndicatorExtractor.fromTable(t.rows(), t.caption(), periodEnd));
        }
        List<ParsedIndicator> fromText = new ArrayList<>();
        for (ParsedChapter c : chapters) {
            if (!c.context()) {
                continue;
            }
            for (ParsedSection s : c.sections()) {
                if (s.title().contains("目标")) {
                    fromText.addAll(IndicatorExtractor.fromText(
                            s.paragraphs().stream().map(ParsedParagraph::text).toList(), periodEnd));
                }
            }
        }
        List<ParsedIndicator> out = new ArrayList<>();
        for (ParsedIndicator candidate : fromTables) {
            if (out.stream().noneMatch(i -> i.targetYear() == candidate.targetYear()
                    && comparableName(i.name()).equals(comparableName(candidate.name())))) {
                out.add(candidate);
            }
        }
        List<ParsedIndicator> tableRows = List.copyOf(out);
        for (ParsedIndicator candidate : fromText) {
            boolean inTable = tableRows.stream().anyMatch(i -> similar(i, candidate));
            boolean repeated = out.stream().anyMatch(i -> i.targetYear() == candidate.targetYear()
                    && comparableName(i.name()).equals(comparableName(candidate.name())));
            if (!inTable && !repeated) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** A sentence's indicator that a table row already gives: same year, and one name contains the other. */
    private static boolean similar(ParsedIndicator row, ParsedIndicator sentence) {
        if (row.targetYear() != sentence.targetYear()) {
            return false;
        }
        String x = comparableName(row.name());
        String y = comparableName(sentence.name());
        return x.equals(y) || x.length() >= 4 && y.length() >= 4 && (x.contains(y) || y.contains(x));
    }

    private static String comparableName(String name) {
        return name.replaceAll("[（(][^（）()]*[)）]|\\s|“|”|(?:比|较|相比)(?:19|20)\\d{2}年", "").toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
