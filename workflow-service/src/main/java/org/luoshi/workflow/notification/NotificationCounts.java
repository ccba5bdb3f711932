package org.luoshi.workflow.notification;

/** {@code unread}: how many of the caller's notifications they have not read; {@code marked}: how many a call marked read. */
public record NotificationCounts(long unread, long marked) {
}
