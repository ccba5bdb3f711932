package org.luoshi.task.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.task.shared.domain.RuleViolation;

/** The task and its milestones move themselves; the services only ask. */
class TaskTransitionsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 30);

    @Test
    void aDraftBecomesAssignedWhenADepartmentLeadsIt() {
        PlanTask task = new PlanTask();
        assertThat(task.status).isEqualTo(TaskStatus.DRAFT);

        task.assign("drc", List.of("drc", "stc-zgc"), DAY);

        assertThat(task.status).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(task.leadDepartmentCode).isEqualTo("drc");
        assertThat(task.coDepartmentCodes).containsExactly("stc-zgc");
        assertThat(task.dueDate).isEqualTo(DAY);
    }

    @Test
    void aNewLeadDoesNotUndoAnAcceptance() {
        PlanTask task = new PlanTask();
        task.assignLead("drc");
        task.acceptBy("drc", "li.na", Instant.EPOCH);

        task.assignLead("stc-zgc");

        assertThat(task.status).isEqualTo(TaskStatus.ACCEPTED);
        assertThat(task.leadDepartmentCode).isEqualTo("stc-zgc");
    }

    @Test
    void aTaskIsAcceptedOnceOnly() {
        PlanTask task = new PlanTask();
        task.assignLead("drc");
        task.acceptBy("drc", "li.na", Instant.EPOCH);

        assertThatThrownBy(() -> task.acceptBy("drc", "wang.fang", Instant.EPOCH))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("task.already-accepted"));
        assertThat(task.acceptedBy).isEqualTo("li.na");
    }

    @Test
    void aTaskIsCompletedWithItsLastMilestoneOnTheDayItWasDone() {
        PlanTask task = new PlanTask();
        task.assignLead("drc");
        Milestone first = task.addMilestone("方案", DAY, null, BigDecimal.ONE);
        Milestone last = task.addMilestone("总结", DAY.plusMonths(6), null, BigDecimal.ONE);

        last.complete(DAY.plusMonths(5));
        assertThat(task.completeIfAllMilestonesDone()).isFalse();
        assertThat(task.status).isEqualTo(TaskStatus.ASSIGNED);

        first.complete(DAY);
        assertThat(task.completeIfAllMilestonesDone()).isTrue();
        assertThat(task.status).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.completedOn).isEqualTo(DAY.plusMonths(5));
    }

    @Test
    void aTaskWithoutMilestonesIsNotCompletedByThem() {
        PlanTask task = new PlanTask();
        task.assignLead("drc");

        assertThat(task.completeIfAllMilestonesDone()).isFalse();
        assertThat(task.status).isEqualTo(TaskStatus.ASSIGNED);
    }

    @Test
    void aMilestoneDoneAgainKeepsTheDayItWasDone() {
        PlanTask task = new PlanTask();
        Milestone milestone = task.addMilestone("方案", DAY, null, BigDecimal.ONE);

        assertThat(milestone.complete(DAY)).isTrue();
        assertThat(milestone.complete(DAY.plusDays(3))).isFalse();

        assertThat(milestone.completedOn).isEqualTo(DAY);
    }
}
