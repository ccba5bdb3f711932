package org.luoshi.task.shared.api;

import java.util.List;

/** One page of a list and the total it is taken from. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
