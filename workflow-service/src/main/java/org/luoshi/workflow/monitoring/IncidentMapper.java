package org.luoshi.workflow.monitoring;

import org.camunda.bpm.engine.runtime.Incident;
import org.luoshi.workflow.inbox.application.InboxItemMapper;

/** Engine incident → the API's incident view. */
public final class IncidentMapper {

    /** The incident type the job executor raises when a job has no retries left. */
    public static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;

    private IncidentMapper() {
    }

    public static IncidentView toView(Incident incident, String businessKey) {
        String jobId = FAILED_JOB.equals(incident.getIncidentType()) ? incident.getConfiguration() : null;
        return new IncidentView(incident.getId(), incident.getProcessInstanceId(), businessKey, incident.getActivityId(),
                incident.getIncidentMessage(), InboxItemMapper.instant(incident.getIncidentTimestamp()), jobId);
    }
}
