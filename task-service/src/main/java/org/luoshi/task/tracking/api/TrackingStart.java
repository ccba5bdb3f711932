package org.luoshi.task.tracking.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Milestones whose 节点填报与审核 workflow-service has started, recorded in one transaction (a page of a bulk start). */
public record TrackingStart(@NotNull @Size(min = 1, max = 1000) List<@NotNull Long> milestoneIds) {
}
