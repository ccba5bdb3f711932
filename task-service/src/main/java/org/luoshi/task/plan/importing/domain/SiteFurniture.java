package org.luoshi.task.plan.importing.domain;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * The publishing site's own page around an article: its header and navigation, breadcrumbs, sidebars, share bars,
 * link lists and footer (主办/承办, 网站标识码, 备案号, 联系我们). Recognised by structure, so that other sites' pages are
 * recognised too: the HTML5 elements and ARIA roles for furniture, class or id names that say so, and blocks that are
 * mostly links. What slips through by structure is caught by its wording ({@link Chrome}).
 *
 * <p>A header or footer inside the article ({@code <article>}, {@code <main>}) is the article's own and is read. A
 * block named like furniture that holds a large part of the page's text is read all the same: furniture is small
 * beside the plan, and a wrapper named "header-and-content" must not take the plan with it.
 */
final class SiteFurniture {
    private static final Set<String> ALWAYS = Set.of("nav", "aside");
    private static final Set<String> OUTSIDE_ARTICLE = Set.of("header", "footer");
    private static final Set<String> ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "search",
            "menu", "menubar");
    private static final Set<String> NAMES = Set.of("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
            "breadcrumbs", "crumb", "crumbs", "footer", "foot", "sidebar", "share", "sharebar", "copyright", "topbar",
            "toolbar", "header", "banner", "friendlink", "friendlinks", "sitemap", "bdsharebuttonbox");
    private static final Set<String> LINK_BLOCKS = Set.of("div", "ul", "ol", "p", "section", "td", "table", "dl",
            "span", "li");
    private static final double MAX_SHARE = 0.2;
    private static final double LINK_DENSITY = 0.7;

    private final int pageText;

    SiteFurniture(Element body) {
        this.pageText = Math.max(1, Block.normalise(body.text()).length());
    }

    boolean isFurniture(Element e) {
        String tag = e.normalName();
        if (ALWAYS.contains(tag) || ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT).trim())) {
            return true;
        }
        if (OUTSIDE_ARTICLE.contains(tag)) {
            return e.closest("article, main") == null;
        }
        if (tag.equals("body") || tag.equals("html")) {
            return false;
        }
        int length = Block.normalise(e.text()).length();
        if (namedAsFurniture(e) && length <= pageText * MAX_SHARE) {
            return true;
        }
        return LINK_BLOCKS.contains(tag) && mostlyLinks(e, length);
    }

    private static boolean namedAsFurniture(Element e) {
        String names = (e.className() + " " + e.id()).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String token : names.split("[^a-z0-9]+")) {
            if (NAMES.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Three links or more that make up most of the block's text, and no sentence of its own: a menu, a link list. */
    private static boolean mostlyLinks(Element e, int length) {
        var links = e.getElementsByTag("a");
        if (links.size() < 3 || length == 0) {
            return false;
        }
        int linked = 0;
        for (Element a : links) {
            linked += Block.normalise(a.text()).length();
        }
        return linked >= length * LINK_DENSITY && Block.normalise(e.ownText()).indexOf('。') < 0;
    }
}
