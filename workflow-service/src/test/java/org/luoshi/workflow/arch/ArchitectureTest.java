package org.luoshi.workflow.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the layers honest: rest → service → engine/client. Resources never see the engine; delegates and
 * clients never see the resources.
 *
 * <p>The rules run from plain JUnit tests, not {@code @ArchTest} fields: next to quarkus-junit 3.33 the ArchUnit JUnit
 * engine reported such fields as zero tests here (they silently did not run).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.luoshi.workflow");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("REST").definedBy("org.luoshi.workflow.rest..")
            .layer("Service").definedBy("org.luoshi.workflow.service..")
            .layer("Mapping").definedBy("org.luoshi.workflow.mapping..")
            .layer("Client").definedBy("org.luoshi.workflow.client..")
            .layer("Delegate").definedBy("org.luoshi.workflow.delegate..")
            .layer("Engine").definedBy("org.luoshi.workflow.engine..")
            .layer("Config").definedBy("org.luoshi.workflow.config..")
            .layer("API").definedBy("org.luoshi.workflow.api..")
            .whereLayer("REST").mayNotBeAccessedByAnyLayer()
            .whereLayer("Service").mayOnlyBeAccessedByLayers("REST")
            .whereLayer("Delegate").mayNotBeAccessedByAnyLayer()
            .whereLayer("Client").mayOnlyBeAccessedByLayers("Service", "Delegate")
            .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Service", "Delegate", "Mapping")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Engine")
            .whereLayer("API").mayOnlyBeAccessedByLayers("REST", "Service", "Mapping");

    /** Resources talk to services only: no engine service, query or entity, not even as a type. */
    static final ArchRule RESOURCES_DO_NOT_TOUCH_THE_ENGINE = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
            .because("REST resources delegate to @ApplicationScoped services, which own the engine calls");

    static final ArchRule API_DTOS_CARRY_NO_ENGINE_OBJECTS = noClasses().that().resideInAPackage("org.luoshi.workflow.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.luoshi.workflow.engine..")
            .because("responses are DTO records, never engine objects");

    static final ArchRule DELEGATES_DO_NOT_DEPEND_ON_REST_OR_SERVICES = noClasses().that().resideInAPackage("..delegate..")
            .should().dependOnClassesThat().resideInAnyPackage("org.luoshi.workflow.rest..", "org.luoshi.workflow.service..");

    static final ArchRule ENDPOINTS_LIVE_IN_REST = classes().that().areAnnotatedWith(Path.class).and().areNotInterfaces()
            .should().resideInAPackage("org.luoshi.workflow.rest..");

    @Test
    void layersOnlyCallDownwards() {
        LAYERS.check(MAIN);
    }

    @Test
    void resourcesDoNotTouchTheEngine() {
        RESOURCES_DO_NOT_TOUCH_THE_ENGINE.check(MAIN);
    }

    @Test
    void apiDtosCarryNoEngineObjects() {
        API_DTOS_CARRY_NO_ENGINE_OBJECTS.check(MAIN);
    }

    @Test
    void delegatesDoNotDependOnRestOrServices() {
        DELEGATES_DO_NOT_DEPEND_ON_REST_OR_SERVICES.check(MAIN);
    }

    @Test
    void endpointsLiveInRest() {
        ENDPOINTS_LIVE_IN_REST.check(MAIN);
    }

    @Test
    void theEngineRuleCatchesAResourceThatTalksToTheEngine() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture");
        assertTrue(RESOURCES_DO_NOT_TOUCH_THE_ENGINE.evaluate(fixture).hasViolation(),
                "the rule must report EngineTouchingResource");
    }
}
