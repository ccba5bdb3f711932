package org.luoshi.task.plan.importing.domain;

import java.util.regex.Pattern;

/**
 * The publishing site's own text around and inside an article: editor lines, share bars, app adverts, breadcrumbs.
 * Recognised by wording, so a site with other wording may slip through (its text then ends up in the last section).
 */
final class Chrome {
    private Chrome() {
    }

    /** Lines after which nothing belongs to the article any more. */
    private static final Pattern END = Pattern.compile(
            "^[（(【\\[]?\\s*(?:责任编辑|责编|编辑|校对|审核|审校|值班编辑|来源|稿源|作者|记者|文章来源|信息来源)\\s*[:：].{0,60}$"
                    + "|^(?:相关阅读|相关新闻|相关文章|相关链接|相关稿件|推荐阅读|延伸阅读|热点推荐|猜你喜欢|更多精彩|精彩推荐|热门推荐"
                    + "|热门文章|分享到|分享至|打印本页|关闭窗口|返回顶部|扫一扫|扫描二维码|【\\s*打印|【\\s*关闭|【\\s*我要纠错).{0,80}$"
                    + "|^.{0,40}(?:版权所有|免责声明|Copyright|©|All Rights Reserved).{0,80}$"
                    // a government site's footer: 主办：…  承办：…  网站标识码 …  京ICP备…  京公网安备…
                    + "|^(?:主办|承办|协办|主管)(?:单位)?\\s*[:：].{0,200}$"
                    + "|^.{0,200}(?:网站标识码|ICP\\s*备|ICP\\s*证|公网安备|备案号\\s*[:：]).{0,200}$",
            Pattern.CASE_INSENSITIVE);

    /** Lines to drop wherever they stand. */
    private static final Pattern NOISE = Pattern.compile(
            "^原标题\\s*[:：].*$"
                    + "|^.{0,40}(?:APP|App|app|客户端)$"
                    + "|^.{0,40}二维码.{0,40}$"
                    + "|^点击(?:进入|查看|阅读|下载|这里).{0,60}$"
                    + "|^.{0,30}关注.{0,15}(?:公众号|微信|微博).{0,30}$"
                    + "|^【[^】]{0,20}】(?:\\s*【[^】]{0,20}】)*$"
                    + "|^[（(]\\s*(?:完|END|end)\\s*[)）]$"
                    + "|^[（(]此件.{0,12}[)）]$"
                    + "|^(?:字号|字体|浏览次数|阅读次数|发布时间|发布日期)\\s*[:：].{0,80}$"
                    + "|^(?:首页|当前位置|您当前的位置|您的位置)\\s*[:：>›»].{0,100}$"
                    + "|^[^。]{0,20}\\s*[>›»]\\s*[^。]{0,20}\\s*[>›»].{0,60}$"
                    + "|^(?:(?:首页|网站首页|联系我们|网站地图|网站声明|关于我们|使用帮助|无障碍(?:浏览)?|长者模式|适老化|English|ENGLISH"
                    + "|繁体|繁體|简体|RSS|意见建议|纠错|我要纠错|隐私声明|法律声明|登录|注册|搜索|设为首页|加入收藏)\\s*[|｜丨/·]?\\s*)+$"
                    + "|^[.#]?[\\w-]+(?:\\s+[\\w-]+)*\\s*\\{[^}]*:[^}]*\\}.*$");

    static boolean endsArticle(String text) {
        return END.matcher(text).matches();
    }

    static boolean isNoise(String text) {
        return NOISE.matcher(text).matches();
    }
}
