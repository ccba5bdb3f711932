package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.EvaluationClient;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/**
 * Service task {@code recordSelfAssessment} (async): writes a department's 自评 to task-service on behalf of the staff
 * member who submitted it, key {@code <processInstanceId>:selfAssessment:<department>}, and lists the department in
 * {@code selfAssessmentsRecorded}. A permanent refusal (4xx, e.g. the evaluation left its self-assessment phase) is
 * thrown as the BPMN error {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event selfAssessmentRefused sends
 * the item back to the department with the reason (its local {@code selfAssessmentRefusal}).
 */
@Named("recordSelfAssessmentDelegate")
@ApplicationScoped
public class RecordSelfAssessmentDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordSelfAssessmentDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        long evaluationId = v.evaluationId();
        String department = v.departmentCode();
        Map<String, Object> form = v.selfAssessment();
        if (form == null) {
            throw new IllegalStateException("No self-assessment of " + department + " to record in process "
                    + execution.getProcessInstanceId());
        }
        String key = execution.getProcessInstanceId() + ":selfAssessment:" + department;
        ModelledRefusal.run("self-assessment " + key, () -> evaluations.putSelfAssessment(evaluationId, department, key, new EvaluationClient.SelfAssessment(
                (String) form.get("summary"), (String) form.get("achievements"), (String) form.get("problems"),
                (String) form.get("nextSteps"), (String) form.get("submittedBy"))));

        List<Map<String, Object>> recorded = v.selfAssessmentsRecorded();
        recorded.removeIf(r -> department.equals(r.get("departmentCode")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("departmentCode", department);
        entry.put("submittedBy", form.get("submittedBy"));
        entry.put("submittedAt", form.get("submittedAt"));
        recorded.add(entry);
        execution.getProcessInstance().setVariable(VAR_SELF_ASSESSMENTS_RECORDED, recorded);
        LOG.infof("Self-assessment of %s for evaluation %d recorded (%s)", department, evaluationId, key);
    }
}
