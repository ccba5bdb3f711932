package org.luoshi.testsupport;

/**
 * The demo users of auth/realm/luoshi-realm.json, named by what tests need them for.
 * Their password is the demo-only value {@link #PASSWORD}.
 */
public final class DemoUsers {
    public static final String PASSWORD = "demo";

    /** 张伟, staff of 市科委、中关村管委会 (stc-zgc). */
    public static final String STAFF_STC = "zhang.wei";
    /** 王芳, staff of 市发展改革委 (drc). */
    public static final String STAFF_DRC = "wang.fang";
    /** 李娜, staff of 海淀区 (haidian). */
    public static final String STAFF_HAIDIAN = "li.na";
    /** 王丽, staff of 海淀区 (haidian) too: li.na's colleague, to whom items can be handed (转办). */
    public static final String STAFF_HAIDIAN_COLLEAGUE = "wang.li";
    /** 吴刚, staff placed in the supervising office's department (supervision): decides nothing. */
    public static final String STAFF_SUPERVISION = "wu.gang";
    /** 刘洋, staff of 朝阳区 (chaoyang). */
    public static final String STAFF_CHAOYANG = "liu.yang";
    /** 周强, staff of 市经济和信息化局 (eit). */
    public static final String STAFF_EIT = "zhou.qiang";
    /** 陈静, the supervising office (supervision). */
    public static final String SUPERVISOR = "chen.jing";
    /** 赵敏, a third-party evaluator of organisation kjpg (首都科技评估中心, demo). */
    public static final String EVALUATOR = "zhao.min";
    /** 钱慧, a third-party evaluator of another organisation, zlyj (创新战略研究院, demo). */
    public static final String EVALUATOR_OTHER_ORG = "qian.hui";
    /** 孙磊, administrator. */
    public static final String ADMIN = "sun.lei";

    private DemoUsers() {
    }
}
