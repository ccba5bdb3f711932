package org.luoshi.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The 红黄绿 rule on a fixed day, without a server: every branch of {@link StatusLightPolicy}. */
class StatusLightPolicyTest {
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final LocalDate LAST_DAY_OF_WINDOW = TODAY.plusDays(StatusLightPolicy.WARNING_DAYS);

    static PlanTask task(TaskStatus status, LocalDate dueDate) {
        PlanTask task = new PlanTask();
        task.status = status;
        task.dueDate = dueDate;
        return task;
    }

    static Milestone done(Milestone milestone) {
        milestone.status = MilestoneStatus.DONE;
        milestone.completedOn = TODAY.minusDays(1);
        return milestone;
    }

    @Test
    void aCompletedTaskIsGreenEvenWhenItFinishedLateWithOpenMilestonesOverdue() {
        PlanTask task = task(TaskStatus.COMPLETED, TODAY.minusDays(90));
        task.addMilestone("一期", TODAY.minusDays(60), null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void aTaskWithNeitherDueDateNorMilestonesHasNoLightYet() {
        assertThat(StatusLightPolicy.of(task(TaskStatus.ASSIGNED, null), TODAY)).isEqualTo(StatusLight.NONE);
    }

    @Test
    void aTaskPastItsDueDateIsRed() {
        assertThat(StatusLightPolicy.of(task(TaskStatus.ACCEPTED, TODAY.minusDays(1)), TODAY)).isEqualTo(StatusLight.RED);
    }

    @Test
    void aTaskDueTodayIsNotYetOverdueButDueSoon() {
        assertThat(StatusLightPolicy.of(task(TaskStatus.ACCEPTED, TODAY), TODAY)).isEqualTo(StatusLight.YELLOW);
    }

    @Test
    void anOpenMilestonePastItsDueDateMakesTheTaskRedThoughTheTaskIsNotDueYet() {
        PlanTask task = task(TaskStatus.ACCEPTED, TODAY.plusYears(1));
        task.addMilestone("一期", TODAY.minusDays(1), null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.RED);
    }

    @Test
    void aDoneMilestonePastItsDueDateDoesNotCount() {
        PlanTask task = task(TaskStatus.ACCEPTED, TODAY.plusYears(1));
        done(task.addMilestone("一期", TODAY.minusDays(10), null, null));

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void aTaskDueOnTheLastDayOfTheWarningWindowIsYellowAndTheDayAfterGreen() {
        assertThat(StatusLightPolicy.of(task(TaskStatus.ACCEPTED, LAST_DAY_OF_WINDOW), TODAY)).isEqualTo(StatusLight.YELLOW);
        assertThat(StatusLightPolicy.of(task(TaskStatus.ACCEPTED, LAST_DAY_OF_WINDOW.plusDays(1)), TODAY))
                .isEqualTo(StatusLight.GREEN);
    }

    @Test
    void anOpenMilestoneDueWithinTheWindowMakesTheTaskYellow() {
        PlanTask task = task(TaskStatus.ACCEPTED, TODAY.plusYears(1));
        task.addMilestone("一期", LAST_DAY_OF_WINDOW, null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.YELLOW);
    }

    @Test
    void aDoneMilestoneDueWithinTheWindowDoesNotCount() {
        PlanTask task = task(TaskStatus.ACCEPTED, TODAY.plusYears(1));
        done(task.addMilestone("一期", TODAY.plusDays(5), null, null));
        task.addMilestone("二期", LAST_DAY_OF_WINDOW.plusDays(1), null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.GREEN);
    }

    @Test
    void milestonesAloneGiveALightWhenTheTaskHasNoDueDate() {
        PlanTask task = task(TaskStatus.ASSIGNED, null);
        task.addMilestone("一期", LAST_DAY_OF_WINDOW.plusDays(1), null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.GREEN);

        task.addMilestone("二期", TODAY.plusDays(3), null, null);
        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.YELLOW);
    }

    @Test
    void redWinsOverYellow() {
        PlanTask task = task(TaskStatus.ACCEPTED, TODAY.plusDays(3));
        task.addMilestone("一期", TODAY.minusDays(1), null, null);

        assertThat(StatusLightPolicy.of(task, TODAY)).isEqualTo(StatusLight.RED);
    }
}
