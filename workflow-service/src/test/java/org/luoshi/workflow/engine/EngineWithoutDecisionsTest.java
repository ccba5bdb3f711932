package org.luoshi.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** No model has a decision: the engine starts without building a DMN engine (and its FEEL interpreter). */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class EngineWithoutDecisionsTest {

    @Inject
    ProcessEngine engine;

    @Test
    void theEngineIsBuiltWithoutADecisionEngineAndStillDeploysEveryProcess() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();

        assertThat(configuration.isDmnEnabled()).isFalse();
        assertThat(configuration.getDmnEngine()).isNull();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey()).contains("milestone-reporting", "task-adjustment", "plan-evaluation");
    }
}
