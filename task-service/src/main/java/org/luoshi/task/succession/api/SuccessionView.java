package org.luoshi.task.succession.api;

import java.time.Instant;
import java.util.List;

import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * A plan's place in the chain of plans, for the supervising office: the plan it succeeds and the one succeeding it,
 * the old plan's final evaluation, the old plan's unfinished tasks with what became of each, and the indicators
 * continued.
 */
public record SuccessionView(Long planId, PlanRef predecessor, PlanRef successor, FinalEvaluation predecessorFinalEvaluation,
        List<OpenTask> unfinished, List<CarryOverView> decided, List<ContinuationView> continuations) {

    public record PlanRef(Long id, String title, int periodStart, int periodEnd, PlanStatus status) {
    }

    /** The old plan's latest final evaluation (末期评估), its findings and recommendations. */
    public record FinalEvaluation(Long id, EvaluationStatus status, String organisationCode, String findings,
            String recommendations, Instant publishedAt) {
    }

    /** An unfinished task of the old plan not yet carried nor closed. */
    public record OpenTask(Long id, String reference, String title, String leadDepartmentCode, TaskStatus status) {
    }
}
