package org.luoshi.workflow.shared;

import java.util.List;

/** One page of a list, with the total number of matching entries. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
