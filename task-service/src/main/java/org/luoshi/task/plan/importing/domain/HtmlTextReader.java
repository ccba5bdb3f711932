package org.luoshi.task.plan.importing.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML or plain-text document into {@link Block}s in reading order. HTML: every block-level element and
 * every {@code <br>} ends a paragraph; scripts, styles, frames and the page's furniture ({@link SiteFurniture}:
 * navigation, page header and footer, sidebars, breadcrumbs, share bars, link lists) are dropped; a data table
 * becomes one table block (a layout table, one that holds paragraphs or long text, is read through as paragraphs).
 * Plain text: one paragraph a non-blank line.
 */
final class HtmlTextReader {
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "iframe", "head", "template",
            "svg", "button", "select", "textarea", "input", "object", "embed", "canvas", "video", "audio", "map");
    private static final Set<String> BLOCK_LEVEL = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "header", "aside", "center", "tr",
            "td", "th", "tbody", "thead", "figure", "figcaption", "main", "hr", "address", "form", "body", "caption",
            "table");
    private static final Set<String> BOLD_TAGS = Set.of("b", "strong", "h1", "h2", "h3", "h4", "h5", "h6");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder bold = new StringBuilder();
    private boolean prefixOpen = true;
    private boolean allBold = true;
    private int boldDepth;
    private SiteFurniture furniture;

    private HtmlTextReader() {
    }

    static PlanDocument read(SourceText source) {
        return new PlanDocument(blocks(source), Arrays.asList(source.frontMatter().get("title"), htmlTitle(source)),
                frontMatterDate(source));
    }

    private static List<Block> blocks(SourceText source) {
        HtmlTextReader reader = new HtmlTextReader();
        if (source.html()) {
            Document doc = Jsoup.parse(source.body());
            Element body = doc.body();
            SiteFurniture furniture = new SiteFurniture(body);
            reader.furniture = furniture;
            reader.walk(body);
            reader.flush();
        } else {
            for (String line : source.body().split("\\R")) {
                String t = Block.normalise(line);
                if (!t.isEmpty()) {
                    reader.blocks.add(Block.text(t, "", false));
                }
            }
        }
        return List.copyOf(reader.blocks);
    }

    private static LocalDate frontMatterDate(SourceText source) {
        String hint = source.frontMatter().get("date");
        if (hint == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(hint, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            // other forms below
        }
        Matcher m = Pattern.compile("^((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})").matcher(hint.trim());
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDateTime.parse(hint.trim()).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }


    /** The title of an HTML document ({@code <title>}, else its first {@code <h1>}), or null. */
    private static String htmlTitle(SourceText source) {
        if (!source.html()) {
            return null;
        }
        Document doc = Jsoup.parse(source.body());
        String title = Block.normalise(doc.title());
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : Block.normalise(h1.text());
        }
        return title.isEmpty() ? null : title;
    }

    private void walk(Node node) {
        if (node instanceof TextNode t) {
            append(t.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return; // comments, data nodes
        }
        String tag = e.normalName();
        if (SKIPPED.contains(tag) || furniture.isFurniture(e)) {
            return;
        }
        if (tag.equals("br")) {
            flush();
            return;
        }
        if (tag.equals("img")) {
            flush();
            blocks.add(Block.image());
            return;
        }
        if (tag.equals("table") && isDataTable(e)) {
            flush();
            blocks.add(Block.table(grid(e)));
            return;
        }
        boolean blockLevel = BLOCK_LEVEL.contains(tag);
        boolean isBold = isBold(e);
        if (blockLevel) {
            flush();
        }
        if (isBold) {
            boldDepth++;
        }
        for (Node child : e.childNodes()) {
            walk(child);
        }
        if (isBold) {
            boldDepth--;
        }
        if (blockLevel) {
            flush();
        }
    }

    private void append(String s) {
        text.append(s);
        boolean blank = Block.normalise(s).isEmpty();
        if (boldDepth > 0) {
            if (prefixOpen) {
                bold.append(s);
            }
        } else if (!blank) {
            prefixOpen = false;
            allBold = false;
        }
    }

    private void flush() {
        String t = Block.normalise(text.toString());
        if (!t.isEmpty()) {
            String prefix = Block.normalise(bold.toString());
            blocks.add(Block.text(t, t.startsWith(prefix) ? prefix : "", allBold));
        }
        text.setLength(0);
        bold.setLength(0);
        prefixOpen = true;
        allBold = true;
    }

    private static boolean isBold(Element e) {
        if (BOLD_TAGS.contains(e.normalName())) {
            return true;
        }
        for (Attribute a : e.attributes()) {
            String v = a.getValue().toLowerCase(Locale.ROOT);
            if (v.contains("bold") || v.matches(".*font-weight\\s*:\\s*[6-9]00.*")) {
                return true;
            }
        }
        return false;
    }

    /** A table of data rather than of layout: no nested tables and no long text in its cells. */
    private static boolean isDataTable(Element table) {
        return table.getElementsByTag("table").size() == 1 && !hasLongCell(table);
    }

    private static boolean hasLongCell(Element table) {
        for (Element cell : table.select("td, th")) {
            if (Block.normalise(cell.text()).length() > 200) {
                return true;
            }
        }
        return false;
    }

    /** The table's cells as a grid, a cell spanning rows or columns repeated in each. */
    private static List<List<String>> grid(Element table) {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, String> carriedText = new HashMap<>();
        Map<Integer, Integer> carriedRows = new HashMap<>();
        for (Element tr : table.select("tr")) {
            List<String> row = new ArrayList<>();
            int col = 0;
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                col = fillCarried(row, col, carriedText, carriedRows);
                String t = Block.normalise(cell.text());
                int colspan = span(cell.attr("colspan"));
                int rowspan = span(cell.attr("rowspan"));
                for (int i = 0; i < colspan; i++) {
                    row.add(t);
                    if (rowspan > 1) {
                        carriedText.put(col, t);
                        carriedRows.put(col, rowspan - 1);
                    }
                    col++;
                }
            }
            fillCarried(row, col, carriedText, carriedRows);
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static int fillCarried(List<String> row, int col, Map<Integer, String> text, Map<Integer, Integer> left) {
        while (left.getOrDefault(col, 0) > 0) {
            row.add(text.get(col));
            left.put(col, left.get(col) - 1);
            col++;
        }
        return col;
    }

    private static int span(String attr) {
        try {
            int n = Integer.parseInt(attr.trim());
            return n < 1 ? 1 : Math.min(n, 50);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
