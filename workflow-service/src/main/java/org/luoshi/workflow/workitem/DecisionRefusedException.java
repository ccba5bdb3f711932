package org.luoshi.workflow.workitem;

/** The caller may see the item but may not decide it (wrong role, own request, own department): answered 403. */
public class DecisionRefusedException extends RuntimeException {
    public DecisionRefusedException(String message) {
        super(message);
    }
}
