package org.luoshi.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.camunda.bpm.engine.ProcessEngine;

import io.quarkus.runtime.StartupEvent;

/**
 * Starts the engine at boot rather than on the first request, so its job executor runs (retries, timers) even
 * while nobody calls the API, and a broken database or model fails the start instead of a later request.
 */
@ApplicationScoped
public class EngineStartup {

    void onStart(@Observes StartupEvent event, RetryPolicy retryPolicy, ProcessEngine engine) {
        retryPolicy.validate();
        engine.getName();
    }
}
