package org.luoshi.task.succession.application;

import java.util.List;

/** A bulk carry-over refused as a whole: every item that cannot be carried or closed, by its index. */
public class CarryOverRefused extends RuntimeException {
    public record Item(int index, long taskId, String code, String message) {
    }

    private final List<Item> items;

    public CarryOverRefused(List<Item> items) {
        super(items.size() + " of the tasks named cannot be carried over or closed; nothing was changed");
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }
}
