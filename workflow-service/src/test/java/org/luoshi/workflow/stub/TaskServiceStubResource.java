package org.luoshi.workflow.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the task-service stub before the application and points the REST client at it. */
public class TaskServiceStubResource implements QuarkusTestResourceLifecycleManager {
    private TaskServiceStub stub;

    @Override
    public Map<String, String> start() {
        stub = new TaskServiceStub();
        try {
            stub.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.rest-client.task-service.url", stub.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectTaskServiceStub.class, TaskServiceStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
