package org.luoshi.task.plan.domain;

/** 草稿 → 实施中 → 已结束; a plan never goes back. */
public enum PlanStatus {
    DRAFT, IN_FORCE, CLOSED;

    public boolean canMoveTo(PlanStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
