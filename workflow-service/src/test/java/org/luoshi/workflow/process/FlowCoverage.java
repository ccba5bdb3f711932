package org.luoshi.workflow.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Sequence-flow coverage of the process unit tests, measured by the engine: {@link #PARSE_LISTENER} adds a
 * {@code take} listener to every sequence flow of every deployed process, which records (process key, flow id)
 * whenever a token moves along the flow. As an extension of a test class it fails the class, after all its tests ran,
 * when a sequence flow of its BPMN was never taken. When only some of the class's tests ran (a narrowed run), it says
 * so instead of checking.
 */
public final class FlowCoverage implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

    private static final ExecutionListener RECORD_TAKE = execution -> {
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        String flowId = ((ExecutionEntity) execution).getTransition().getId();
        TAKEN.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(flowId);
    };

    static final BpmnParseListener PARSE_LISTENER = new AbstractBpmnParseListener() {
        @Override
        public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
            transition.addListener(ExecutionListener.EVENTNAME_TAKE, RECORD_TAKE);
        }
    };

    private final String processKey;
    private final String bpmnResource;
    private int testsRun;

    private FlowCoverage(String processKey, String bpmnResource) {
        this.processKey = processKey;
        this.bpmnResource = bpmnResource;
    }

    /** Checks that the test class takes every sequence flow of {@code processKey}, read from {@code bpmnResource}. */
    public static FlowCoverage of(String processKey, String bpmnResource) {
        return new FlowCoverage(processKey, bpmnResource);
    }

    /** Every sequence flow id of the process, subprocesses included. */
    public static Set<String> sequenceFlows(String bpmnResource, String processKey) {
        Set<String> ids = new TreeSet<>();
        BpmnModelInstance model = read(bpmnResource);
        Process process = model.getModelElementById(processKey);
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (belongsTo(flow, process)) {
                ids.add(flow.getId());
            }
        }
        return ids;
    }

    public static BpmnModelInstance read(String bpmnResource) {
        try (InputStream in = FlowCoverage.class.getClassLoader().getResourceAsStream(bpmnResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + bpmnResource + " on the class path");
            }
            return Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean belongsTo(SequenceFlow flow, Process process) {
        for (var parent = flow.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent.equals(process)) {
                return true;
            }
        }
        return false;
    }

    /** The flows of {@code processKey} taken since the test class started. */
    public static Set<String> taken(String processKey) {
        return new TreeSet<>(TAKEN.getOrDefault(processKey, Set.of()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TAKEN.remove(processKey);
        testsRun = 0;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testsRun++;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Set<String> all = sequenceFlows(bpmnResource, processKey);
        Set<String> taken = taken(processKey);
        taken.retainAll(all);
        // a disabled test counts as one that should have run: disabling the only test of a path fails the check
        long declared = AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(),
                org.junit.jupiter.api.Test.class, org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)
                .stream().filter(m -> !AnnotationSupport.isAnnotated(m, org.junit.jupiter.api.Disabled.class)).count();
        System.out.printf("[flow coverage] %s: %d/%d sequence flows taken by %d test(s)%n", processKey, taken.size(),
                all.size(), testsRun);
        if (testsRun < declared) {
            System.out.printf("[flow coverage] %s: not checked, only %d of %d tests ran%n", processKey, testsRun, declared);
            return;
        }
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(taken);
        assertTrue(missing.isEmpty(), processKey + ": sequence flows no test took: " + missing);
    }
}
