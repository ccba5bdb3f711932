package org.luoshi.workflow.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.shared.PageResult;

/** Open incidents (steps that failed after their last retry) and giving them another try. */
@ApplicationScoped
public class IncidentService {
    private static final Logger LOG = Logger.getLogger(IncidentService.class);

    @Inject
    RuntimeService runtimeService;

    @Inject
    ManagementService managementService;

    @Inject
    CurrentUser user;

    public PageResult<IncidentView> list(int page, int size, String processInstanceId) {
        IncidentQuery query = runtimeService.createIncidentQuery();
        if (processInstanceId != null && !processInstanceId.isBlank()) {
            query.processInstanceId(processInstanceId);
        }
        query.orderByIncidentTimestamp().asc().orderByIncidentId().asc();
        long total = query.count();
        List<Incident> incidents = total == 0 ? List.of() : query.listPage(page * size, size);
        Map<String, String> businessKeys = businessKeys(incidents);
        List<IncidentView> items = incidents.stream()
                .map(incident -> IncidentMapper.toView(incident, businessKeys.get(incident.getProcessInstanceId())))
                .toList();
        return new PageResult<>(items, page, size, total);
    }

    /** One more attempt for the failed job behind the incident, due now; the engine resolves the incident. */
    public RetryScheduled retry(String incidentId) {
        Incident incident = runtimeService.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new ResourceNotFoundException("Incident", incidentId);
        }
        if (!IncidentMapper.FAILED_JOB.equals(incident.getIncidentType()) || incident.getConfiguration() == null) {
            throw new ConflictException("Incident " + incidentId + " is of type " + incident.getIncidentType()
                    + " and has no job to retry");
        }
        String jobId = incident.getConfiguration();
        managementService.setJobRetries(1).jobId(jobId).dueDate(ClockUtil.getCurrentTime()).execute();
        LOG.infof("%s retries job %s of incident %s (process %s, activity %s)", user.username(), jobId, incidentId,
                incident.getProcessInstanceId(), incident.getActivityId());
        return new RetryScheduled(incidentId, jobId, 1);
    }

    private Map<String, String> businessKeys(List<Incident> incidents) {
        Set<String> ids = incidents.stream().map(Incident::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toCollection(HashSet::new));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .filter(pi -> pi.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }
}
