package org.luoshi.task;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the layers honest inside every context: resources (rest) → application services → repositories (persistence),
 * and a domain free of web and engine code.
 * Plain JUnit tests calling ArchUnit, because the ArchUnit engine finds no rules next to Quarkus' test class loading.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.luoshi.task");

    @Test
    void resourcesNeverTouchRepositories() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .check(CLASSES);
    }

    @Test
    void entitiesNeverLeaveThroughTheApi() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(CLASSES);
    }

    @Test
    void theDomainKnowsNoWebNoEngineNoFramework() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.camunda..", "io.quarkus..",
                        "org.luoshi.task..rest..", "org.luoshi.task..application..", "org.luoshi.task..persistence..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnResources() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(CLASSES);
    }
}
