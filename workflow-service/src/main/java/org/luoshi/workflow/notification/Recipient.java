package org.luoshi.workflow.notification;

/** A user (by user name) or a group: a department code such as {@code haidian}, or a role. */
public record Recipient(Type type, String name) {
    public enum Type { USER, GROUP }

    public static Recipient user(String username) {
        return new Recipient(Type.USER, username);
    }

    public static Recipient group(String code) {
        return new Recipient(Type.GROUP, code);
    }
}
