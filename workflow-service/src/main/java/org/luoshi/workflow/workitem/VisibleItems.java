package org.luoshi.workflow.workitem;

import java.util.List;

/**
 * Which open work items the caller may see and act on. The inbox read model answers (offered to one of the caller's
 * groups: departments or roles; holding an item is not enough); the contexts ask through this, so that they do not
 * depend on the inbox that lists their items.
 */
public interface VisibleItems {
    /** Whether the item is open and the caller's. */
    boolean isOpenForCaller(String taskId);

    /** The caller's open items of a process: of one instance, or of every instance when none is named. */
    List<String> openOfProcessForCaller(String processKey, String processInstanceId);
}
