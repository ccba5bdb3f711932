package org.luoshi.task.plan.importing.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a printed page carries besides the text: running headers and footers and page numbers. A line is furniture
 * when it stands at the top or bottom of its page (among the first or last {@value #ZONE} lines, peeled from the
 * edge inwards: the first line that is not furniture ends the peeling) and is either a page number ("— 12 —", "- 3 -",
 * "第 3 页", "第3页 共20页", "3 / 20", "Page 3 of 20") or repeated, digits aside, at the edge of at least half of the
 * pages (a running header such as the plan's title or the issuing office, a footer such as "北京市人民政府发布").
 */
final class PageFurniture {
    static final int ZONE = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[-—–－_~·•\\s]*(?:第\\s*)?[0-9０-９]{1,4}\\s*页?(?:\\s*[/／]\\s*[0-9０-９]{1,4}|\\s*[,，]?\\s*共\\s*[0-9０-９]{1,4}\\s*页)?"
                    + "[-—–－_~·•\\s]*$"
                    + "|^[-—–－]\\s*[ivxlcIVXLC]{1,6}\\s*[-—–－]$"
                    + "|^(?:page|p\\.)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$"
                    + "|^页码\\s*[:：]?\\s*\\d{1,4}$",
            Pattern.CASE_INSENSITIVE);

    private PageFurniture() {
    }

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line.trim()).matches();
    }

    /** The pages without their furniture; each page's lines stay in order. */
    static <T> List<List<T>> remove(List<List<T>> pages, Function<T, String> text) {
        Map<String, Set<Integer>> atEdge = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<T> lines = pages.get(p);
            for (int i = 0; i < lines.size(); i++) {
                if (i < ZONE || i >= lines.size() - ZONE) {
                    atEdge.computeIfAbsent(key(text.apply(lines.get(i))), k -> new HashSet<>()).add(p);
                }
            }
        }
        int repeatedOn = Math.max(2, (pages.size() + 1) / 2);
        Function<T, Boolean> furniture = line -> {
            String t = text.apply(line);
            return isPageNumber(t) || atEdge.getOrDefault(key(t), Set.of()).size() >= repeatedOn;
        };
        List<List<T>> out = new ArrayList<>();
        for (List<T> lines : pages) {
            int from = 0;
            while (from < Math.min(ZONE, lines.size()) && furniture.apply(lines.get(from))) {
                from++;
            }
            int to = lines.size();
            while (to > Math.max(from, lines.size() - ZONE) && furniture.apply(lines.get(to - 1))) {
                to--;
            }
            out.add(List.copyOf(lines.subList(from, to)));
        }
        return out;
    }

    /** A line compared across pages: without white space, every number the same (page numbers, dates). */
    private static String key(String line) {
        return line.replaceAll("\\s+", "").replaceAll("[0-9０-９]+", "#");
    }
}
