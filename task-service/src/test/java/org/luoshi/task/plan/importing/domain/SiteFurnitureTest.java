package org.luoshi.task.plan.importing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The plan as a government site serves it: the article inside the site's page, with its header, navigation,
 * breadcrumbs, share bar, sidebar and footer (主办：… 网站标识码 …). Only the article is the plan.
 */
class SiteFurnitureTest {
    private final PlanDocumentParser parser = new PlanDocumentParser();

    /** The sample's article (its front matter taken off) inside a page around it. */
    private static byte[] onASite(String before, String after) {
        String sample = new String(PlanFixtures.bytes(PlanFixtures.BEIJING), StandardCharsets.UTF_8);
        String article = sample.substring(sample.indexOf("---", sample.indexOf("---") + 3) + 3);
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>北京市“十四五”时期国际科技创新中心建设规划_政策文件_首都之窗_北京市人民政府门户网站</title></head><body>"
                + before + article + after + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> tasks(ParsedPlan plan) {
        return plan.chapters().stream().filter(c -> !c.context()).flatMap(c -> c.sections().stream())
                .flatMap(s -> s.paragraphs().stream()).map(ParsedParagraph::text).toList();
    }

    @Test
    void aPageBuiltWithHtml5ElementsKeepsOnlyItsArticle() {
        byte[] page = onASite("""
                <header><div class="logo">首都之窗 北京市人民政府门户网站</div>
                <nav><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bs">政务服务</a><a href="/hd">政民互动</a></nav></header>
                <div class="breadcrumb">首页 &gt; 政务公开 &gt; 政策文件</div>
                <main><article><header><p>发布日期：2021-11-24</p></header>
                """, """
                </article></main>
                <aside><h3>相关文件</h3><ul><li><a href="/1">北京市“十四五”时期高精尖产业发展规划</a></li></ul></aside>
                <footer><p>主办：北京市人民政府办公厅　承办：北京市政务服务和数据管理局</p>
                <p>网站标识码：1100000088　京ICP备05060933号　京公网安备11010502039374号</p>
                <p><a href="/lxwm">联系我们</a> | <a href="/wzdt">网站地图</a></p></footer>
                """);

        ParsedPlan plan = parser.parse(page);
        ParsedPlan sample = parser.parse(PlanFixtures.bytes(PlanFixtures.BEIJING));

        assertThat(tasks(plan)).hasSize(118).isEqualTo(tasks(sample));
        assertThat(plan.title()).isEqualTo(sample.title());
    }

    @Test
    void aPageBuiltOfDivsIsToldApartByItsNamesItsLinksAndTheFootersWording() {
        byte[] page = onASite("""
                <div id="top-bar"><span>北京市人民政府门户网站</span><span>无障碍 | 长者模式 | English</span></div>
                <div class="main-menu"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/bs">政务服务</a>
                <a href="/hd">政民互动</a> <a href="/zt">专题专栏</a></div>
                <div class="position">您当前的位置：首页 &gt; 政务公开 &gt; 政策文件</div>
                <div class="content">
                """, """
                </div>
                <div class="links"><a href="/p">打印</a> <a href="/c">关闭</a> <a href="/s1">微信</a> <a href="/s2">微博</a></div>
                <div class="bottom">
                <p>主办：北京市人民政府办公厅 承办：北京市政务服务和数据管理局 网站标识码：1100000088</p>
                <p>京ICP备05060933号 京公网安备11010502039374号</p>
                </div>
                """);

        ParsedPlan plan = parser.parse(page);

        assertThat(tasks(plan)).hasSize(118).isEqualTo(tasks(parser.parse(PlanFixtures.bytes(PlanFixtures.BEIJING))));
        assertThat(tasks(plan)).noneMatch(t -> t.contains("网站标识码") || t.contains("ICP") || t.contains("首都之窗"));
    }

    @Test
    void aSiteFooterEndsTheArticleByItsWordingAlone() {
        assertThat(Chrome.endsArticle("主办：北京市人民政府办公厅 承办：北京市政务服务和数据管理局 网站标识码：1100000088")).isTrue();
        assertThat(Chrome.endsArticle("京ICP备05060933号")).isTrue();
        assertThat(Chrome.isNoise("联系我们 | 网站地图 | 网站声明")).isTrue();
        assertThat(Chrome.endsArticle("加强组织领导。市政府主办的各类创新活动要突出实效。")).isFalse();
    }
}
