package org.luoshi.workflow.evaluation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.VAR_DEPARTMENTS;
import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.VAR_SELF_ASSESSMENTS_RECORDED;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.evaluation.api.SelfAssessmentState;

/**
 * The list of 自评 is read while the job executor records them: an execution found waiting at the recording step may
 * be gone when its variables are read. The engine is replaced by proxies that play that moment exactly.
 */
class EvaluationFactsSelfAssessmentsTest {
    private static final String INSTANCE = "evaluation-instance";
    private static final Map<String, Object> HAIDIAN_RECORDED = Map.of("departmentCode", "haidian",
            "submittedBy", "li.na", "submittedAt", "2026-11-27T01:59:55Z");

    @Test
    void aSelfAssessmentRecordedWhileTheListIsReadShowsAsRecordedNotAsAnError() {
        EvaluationFacts facts = new EvaluationFacts();
        facts.runtimeService = engineThatRecordsHaidianMidRead();
        facts.openSelfAssessments = new OpenSelfAssessments() {
            @Override
            public Map<String, String> of(String processInstanceId) {
                return Map.of("chaoyang", "task-of-chaoyang");
            }
        };
        EvaluationFacts.Instance instance = new EvaluationFacts.Instance(INSTANCE, "evaluation:1", false,
                Map.of(VAR_DEPARTMENTS, List.of("haidian", "chaoyang")));

        List<SelfAssessmentState> states = facts.selfAssessments(instance);

        assertEquals(List.of(
                new SelfAssessmentState("haidian", "SUBMITTED", true, false, "li.na", "2026-11-27T01:59:55Z"),
                new SelfAssessmentState("chaoyang", "MISSING", false, true, null, null)), states);
    }

    /** Finds haidian's execution at the recording step; by the time its variables are read the job has recorded it. */
    private static RuntimeService engineThatRecordsHaidianMidRead() {
        Execution waiting = proxy(Execution.class, (method, args) -> "getId".equals(method) ? "haidian-recording" : null);
        ExecutionQuery[] query = new ExecutionQuery[1];
        query[0] = proxy(ExecutionQuery.class, (method, args) -> "list".equals(method) ? List.of(waiting) : query[0]);
        return proxy(RuntimeService.class, (method, args) -> switch (method) {
            case "createExecutionQuery" -> query[0];
            case "getVariables", "getVariable" -> {
                if (!INSTANCE.equals(args[0])) {
                    throw new NullValueException("execution " + args[0] + " doesn't exist: execution is null");
                }
                yield VAR_SELF_ASSESSMENTS_RECORDED.equals(args[1]) ? List.of(HAIDIAN_RECORDED) : null;
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> answer.answer(method.getName(), args));
    }
}
