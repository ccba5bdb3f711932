package org.luoshi.task;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Keeps the bounded contexts apart and the layers honest inside each.
 * <ul>
 * <li>Contexts are the packages under {@code org.luoshi.task}; {@code plan.importing} counts as its own, since it
 * builds a plan's tasks and indicators and so sits above them. They depend on each other only as {@link #ALLOWED}
 * declares, and never in a cycle.</li>
 * <li>Inside a context: {@code rest} → {@code application} → {@code domain}, with {@code api} (the records of the API)
 * and {@code persistence} (Panache repositories); the codecs ({@code tracking.ledger}, {@code evaluation.report}) are
 * used by the application.</li>
 * <li>Only the aggregates change their status: no field named {@code status} of a domain class is set outside
 * {@code ..domain..}.</li>
 * </ul>
 * Plain JUnit tests calling ArchUnit, because the ArchUnit engine finds no rules next to Quarkus' test class loading.
 */
class ArchitectureTest {
    private static final String ROOT = "org.luoshi.task";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Which contexts each context may use. Everything may use the shared kernel and the audit log. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "shared", Set.of(),
            "audit", Set.of("shared"),
            "plan", Set.of("shared", "audit"),
            "tracking", Set.of("shared", "audit", "plan"),
            "indicator", Set.of("shared", "audit", "plan"),
            "plan.importing", Set.of("shared", "audit", "plan", "tracking", "indicator"),
            "evaluation", Set.of("shared", "audit", "plan", "tracking", "indicator"),
            "succession", Set.of("shared", "audit", "plan", "tracking", "indicator", "evaluation"),
            "disclosure", Set.of("shared", "audit", "plan", "tracking", "indicator", "evaluation", "succession"),
            "demo", Set.of("shared", "audit", "plan", "tracking", "indicator"));

    static Optional<String> contextOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
        if (parts.length > 1 && parts[0].equals("plan") && parts[1].equals("importing")) {
            return Optional.of("plan.importing");
        }
        return Optional.of(parts[0]);
    }

    private static final SliceAssignment CONTEXTS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return contextOf(c).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "the bounded contexts of task-service";
        }
    };

    @Test
    void everyPackageBelongsToADeclaredContext() {
        classes().should(new ArchCondition<JavaClass>("belong to a context declared in ALLOWED") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                contextOf(c).filter(ctx -> !ALLOWED.containsKey(ctx)).ifPresent(ctx -> events.add(
                        SimpleConditionEvent.violated(c, c.getName() + " is in the undeclared context '" + ctx + "'")));
            }
        }).check(CLASSES);
    }

    @Test
    void contextsAreFreeOfCycles() {
        slices().assignedFrom(CONTEXTS).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void contextsDependOnlyOnTheContextsTheyDeclare() {
        classes().should(new ArchCondition<JavaClass>("depend only on the contexts declared in ALLOWED") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                // the entry point (TaskServiceMain) sits in the root package, outside every context
                String from = contextOf(c).orElse(null);
                if (from == null) {
                    return;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    contextOf(d.getTargetClass())
                            .filter(to -> !to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to))
                            .ifPresent(to -> events.add(SimpleConditionEvent.violated(d,
                                    from + " → " + to + ": " + d.getDescription())));
                }
            }
        }).check(CLASSES);
    }

    @Test
    void insideAContextRestThenApplicationThenDomain() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + "..rest..")
                .layer("application").definedBy(ROOT + "..application..")
                .layer("codecs").definedBy(ROOT + ".tracking.ledger..", ROOT + ".evaluation.report..")
                .layer("api").definedBy(ROOT + "..api..")
                .layer("persistence").definedBy(ROOT + "..persistence..")
                .layer("domain").definedBy(ROOT + "..domain..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("codecs").mayOnlyBeAccessedByLayers("rest", "application")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "application")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("application")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "application", "api", "persistence", "codecs")
                .check(CLASSES);
    }

    @Test
    void onlyTheAggregatesChangeTheirStatus() {
        noClasses().that().resideOutsideOfPackage(ROOT + "..domain..")
                .should().setFieldWhere(target(name("status")).and(target(owner(resideInAPackage(ROOT + "..domain..")))))
                .check(CLASSES);
    }

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
                        ROOT + "..rest..", ROOT + "..application..", ROOT + "..persistence..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnResources() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(CLASSES);
    }
}
