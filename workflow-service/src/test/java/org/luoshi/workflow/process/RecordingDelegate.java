package org.luoshi.workflow.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for a delegate the BPMN names ({@code camunda:delegateExpression="${name}"}): records each call (the
 * activity, the clock, the variables the execution saw) and does what the test told it (set variables, fail).
 */
public final class RecordingDelegate implements JavaDelegate {
    /** One call: where, when, and the variables visible there (local ones of a multi-instance included). */
    public record Call(String activityId, java.util.Date at, Map<String, Object> variables) {
    }

    /** What the stand-in does besides recording. */
    @FunctionalInterface
    public interface Behaviour {
        void run(DelegateExecution execution) throws Exception;
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Behaviour behaviour = execution -> {
    };

    private RecordingDelegate() {
    }

    /** A recording stand-in, registered under the bean name the BPMN uses. */
    public static RecordingDelegate register(String beanName) {
        RecordingDelegate delegate = new RecordingDelegate();
        Mocks.register(beanName, delegate);
        return delegate;
    }

    /** From now on, each call also runs {@code behaviour} (set variables, throw to fail the job). */
    public RecordingDelegate does(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** From now on, each call sets these process-instance variables, as the real delegate stores task-service's answer. */
    public RecordingDelegate sets(Map<String, Object> variables) {
        return does(execution -> execution.getProcessInstance().setVariables(variables));
    }

    /**
     * From now on, each call is refused for good, as a step meeting task-service's permanent 4xx is: the BPMN error
     * {@code ModelledRefusal} throws, with the reason as its message.
     */
    public RecordingDelegate refuses(String reason) {
        return does(execution -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError(
                    org.luoshi.workflow.taskservice.TaskServiceRefusal.ERROR_CODE, reason);
        });
    }

    /** From now on, each call fails as a call to an unavailable task-service does. */
    public RecordingDelegate fails() {
        return does(execution -> {
            throw new IllegalStateException("task-service unavailable (test)");
        });
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        calls.add(new Call(execution.getCurrentActivityId(), ClockUtil.getCurrentTime(),
                new HashMap<>(execution.getVariables())));
        behaviour.run(execution);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> activities() {
        return calls().stream().map(Call::activityId).toList();
    }

    public Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("the delegate was not called");
        }
        return calls.get(calls.size() - 1);
    }
}
