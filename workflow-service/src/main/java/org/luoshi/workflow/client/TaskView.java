package org.luoshi.workflow.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plan task as task-service shows it; fields the workflow does not use are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskView(Long id, Long planId, String reference, String title, String leadDepartmentCode, String status, String acceptedBy,
        String acceptedAt) {
}
