package org.luoshi.task.evaluation.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The evaluator's findings one by one, each naming (by id) the task and/or the indicator of the plan it is about; they
 * replace the earlier list. Those naming a task behind schedule or an indicator unlikely to be met become proposals
 * when the evaluation is approved.
 */
public record FindingItems(@NotNull @Size(max = 200) List<@NotNull @Valid Item> items) {
    public record Item(@NotBlank @Size(max = 5000) String text, Long taskId, Long indicatorId) {
    }

    public record View(Long id, int ordinal, String text, Long taskId, Long indicatorId) {
    }
}
