package org.luoshi.workflow.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Keeps the layers honest: inside a bounded context rest → application → domain. Resources never see the engine;
 * delegates, services and clients never see the resources; nothing but the engine wiring sees the engine wiring.
 *
 * <p>The rules run from plain JUnit tests, not {@code @ArchTest} fields: next to quarkus-junit 3.33 the ArchUnit JUnit
 * engine reported such fields as zero tests here (they silently did not run).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.luoshi.workflow");

    /**
     * Inside each bounded context (one package under org.luoshi.workflow): rest → application → domain, DTO records
     * in {@code api}. Small contexts are one flat package; they are not layers here. The engine wiring reads a
     * process's names from its domain (which variables of 节点填报与审核 its history keeps).
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("REST").definedBy("org.luoshi.workflow.*.rest..")
            .layer("Application").definedBy("org.luoshi.workflow.*.application..")
            .layer("Domain").definedBy("org.luoshi.workflow.*.domain..")
            .layer("API").definedBy("org.luoshi.workflow.*.api..")
            .layer("Engine").definedBy("org.luoshi.workflow.engine..")
            .whereLayer("REST").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("REST")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("REST", "Application", "Engine")
            .whereLayer("Engine").mayNotBeAccessedByAnyLayer()
            .whereLayer("API").mayOnlyBeAccessedByLayers("REST", "Application");

    /** Resources talk to services only: no engine service, query or entity, not even as a type. */
    static final ArchRule RESOURCES_DO_NOT_TOUCH_THE_ENGINE = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
            .because("REST resources delegate to @ApplicationScoped services, which own the engine calls");

    static final ArchRule API_DTOS_CARRY_NO_ENGINE_OBJECTS = noClasses().that().resideInAPackage("org.luoshi.workflow.*.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.luoshi.workflow.engine..")
            .because("responses are DTO records, never engine objects");

    /** The engine's process-side callers (delegates, listeners) and the services never reach up into a resource. */
    static final ArchRule ONLY_RESOURCES_DEPEND_ON_RESOURCES = noClasses().that().resideOutsideOfPackage("..rest..")
            .should().dependOnClassesThat().resideInAPackage("org.luoshi.workflow..rest..");

    static final ArchRule ENDPOINTS_LIVE_IN_REST = classes().that().areAnnotatedWith(Path.class).and().areNotInterfaces()
            .should().resideInAPackage("org.luoshi.workflow..rest..");

    /**
     * One REST client per endpoint of another service: two clients reading task-service's GET /api/tasks/{id}, each
     * with its own idea of the answer, had drifted apart. An endpoint is the client's config key, the verb and the
     * path (class and method @Path joined, parameter names ignored).
     */
    static final ArchRule ONE_CLIENT_PER_ENDPOINT = classes().that().areAnnotatedWith(RegisterRestClient.class)
            .should(new ArchCondition<JavaClass>("be the only REST client of each endpoint it calls") {
                private final Map<String, Set<String>> clientsByEndpoint = new HashMap<>();

                @Override
                public void init(Collection<JavaClass> clients) {
                    clientsByEndpoint.clear();
                    for (JavaClass client : clients) {
                        endpoints(client).forEach(e -> clientsByEndpoint.computeIfAbsent(e, k -> new TreeSet<>())
                                .add(client.getSimpleName()));
                    }
                }

                @Override
                public void check(JavaClass client, ConditionEvents events) {
                    for (String endpoint : endpoints(client)) {
                        Set<String> clients = clientsByEndpoint.get(endpoint);
                        if (clients.size() > 1) {
                            events.add(SimpleConditionEvent.violated(client, endpoint + " is called by " + clients));
                        }
                    }
                }
            })
            .because("one client per endpoint keeps one shape of each answer");

    private static final String BASE = "org.luoshi.workflow.";

    /**
     * The bounded contexts and which others each may use. Work flows downwards: the inbox and the monitoring views sit
     * on top of the processes' contexts; those use the shared parts below them (work items, the ladder,
     * notifications, task-service's clients); the engine wiring registers the inbox read model and the work items' held-back
     * jobs, and keeps of a milestone instance's history only the variables the milestone context names. The inbox asks Keycloak's
     * directory who may take a handed-over item.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of("inbox", "milestone", "workitem")),
            Map.entry("assessment", Set.of("adjustment", "escalation", "notification", "taskservice", "shared")),
            Map.entry("monitoring", Set.of("assignment", "milestone", "adjustment", "evaluation", "proposal", "inbox", "shared")),
            Map.entry("inbox", Set.of("assignment", "milestone", "adjustment", "evaluation", "workitem", "directory", "shared")),
            Map.entry("assignment", Set.of("milestone", "taskservice", "workitem", "shared")),
            Map.entry("adjustment", Set.of("milestone", "notification", "taskservice", "workitem", "directory", "shared")),
            Map.entry("milestone", Set.of("escalation", "notification", "taskservice", "workitem", "directory", "shared")),
            Map.entry("evaluation", Set.of("escalation", "notification", "taskservice", "workitem", "directory", "shared")),
            Map.entry("proposal", Set.of("adjustment", "taskservice", "workitem", "shared")),
            Map.entry("escalation", Set.of("notification", "shared")),
            Map.entry("notification", Set.of("shared")),
            Map.entry("taskservice", Set.of("shared")),
            Map.entry("directory", Set.of("taskservice", "shared")),
            Map.entry("workitem", Set.of()),
            Map.entry("shared", Set.of()));

    /** Each context's classes depend only on the contexts {@link #ALLOWED} names for it. */
    static final ArchRule ONLY_DECLARED_CONTEXT_DEPENDENCIES = classes().that().resideInAPackage("org.luoshi.workflow..")
            .should(new ArchCondition<JavaClass>("depend only on the contexts declared for their own") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = context(origin.getPackageName());
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String to = context(dependency.getTargetClass().getPackageName());
                        if (to != null && !to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                            events.add(SimpleConditionEvent.violated(origin, from + " -> " + to + ": "
                                    + dependency.getDescription()));
                        }
                    }
                }
            });

    /** The context of a package below org.luoshi.workflow (its first segment), or null outside. */
    static String context(String packageName) {
        if (!packageName.startsWith(BASE)) {
            return null;
        }
        String rest = packageName.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static ArchRule contextsFreeOfCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * A status changes in the domain only, by the aggregate that owns it. Constructing a record (a DTO, an answer) is
     * not changing a status.
     */
    static final ArchRule STATUS_SET_ONLY_IN_THE_DOMAIN = noClasses().that().resideOutsideOfPackage("..domain..")
            .should(new ArchCondition<JavaClass>("set a field named status") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                        if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                                && access.getTarget().getName().equals("status") && !recordConstruction(access)) {
                            events.add(SimpleConditionEvent.satisfied(origin, access.getDescription()));
                        }
                    }
                }
            });

    /**
     * Variables live on executions, never on a task: the inbox read model reads an item's variables through its
     * execution, skipping the task's own, which would cost a query on every task event (InboxTaskListener).
     */
    static final ArchRule NO_TASK_LOCAL_VARIABLES = noClasses().should().callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe("a method setting a task-local variable",
                    call -> call.getTarget().getName().startsWith("setVariableLocal")
                            || call.getTarget().getName().startsWith("setVariablesLocal")
                            ? call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.TaskService.class)
                                    || call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.delegate.DelegateTask.class)
                            : false))
            .because("the inbox read model reads an item's variables from its execution");

    /**
     * A deployed definition and its job definitions stay as deployed and incidents are the engine's own:
     * {@code engine.StableEngineReads} answers definitions and job definitions from memory (a suspension, a new time to
     * live or priority made on another node would not be seen) and skips the incident look-up for a job with retries left (an incident made by hand could be missed).
     */
    static final ArchRule DEFINITIONS_STAY_AS_DEPLOYED = noClasses().should().callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe("a method changing a deployed definition or making an incident",
                    call -> {
                        String name = call.getTarget().getName();
                        boolean definitionChange = name.startsWith("suspendProcessDefinition")
                                || name.startsWith("activateProcessDefinition")
                                || name.equals("updateProcessDefinitionSuspensionState")
                                || name.equals("updateProcessDefinitionHistoryTimeToLive");
                        boolean jobDefinitionChange = name.startsWith("suspendJobDefinition")
                                || name.startsWith("activateJobDefinition")
                                || name.equals("updateJobDefinitionSuspensionState")
                                || name.endsWith("OverridingJobPriorityForJobDefinition");
                        return definitionChange && call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.RepositoryService.class)
                                || jobDefinitionChange && call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.ManagementService.class)
                                || name.equals("createIncident") && (call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.RuntimeService.class)
                                        || call.getTargetOwner().isAssignableTo(org.camunda.bpm.engine.delegate.DelegateExecution.class));
                    }))
            .because("engine.StableEngineReads reads neither again");

    private static boolean recordConstruction(JavaAccess<?> access) {
        JavaClass owner = access.getOriginOwner();
        return access.getOrigin() instanceof JavaConstructor && owner.isAssignableTo(Record.class)
                && access.getTargetOwner().equals(owner);
    }

    static List<String> endpoints(JavaClass client) {
        String configKey = client.getAnnotationOfType(RegisterRestClient.class).configKey();
        String base = client.tryGetAnnotationOfType(Path.class).map(Path::value).orElse("");
        List<String> endpoints = new ArrayList<>();
        for (JavaMethod method : client.getMethods()) {
            for (Class<? extends Annotation> verb : List.of(GET.class, PUT.class, POST.class, DELETE.class)) {
                if (method.isAnnotatedWith(verb)) {
                    String path = ("/" + base + "/" + method.tryGetAnnotationOfType(Path.class).map(Path::value).orElse(""))
                            .replaceAll("/+", "/").replaceAll("\\{[^}]*\\}", "{}").replaceAll("(.)/$", "$1");
                    endpoints.add(configKey + " " + verb.getSimpleName() + " " + path);
                }
            }
        }
        return endpoints;
    }

    @Test
    void eachEndpointHasOneRestClient() {
        ONE_CLIENT_PER_ENDPOINT.check(MAIN);
    }

    @Test
    void theClientRuleCatchesTwoClientsOfOneEndpoint() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture");
        assertTrue(ONE_CLIENT_PER_ENDPOINT.evaluate(fixture).hasViolation(), "the rule must report TaskReaderOne and TaskReaderTwo");
    }

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
    void onlyResourcesDependOnResources() {
        ONLY_RESOURCES_DEPEND_ON_RESOURCES.check(MAIN);
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

    @Test
    void contextsAreFreeOfCycles() {
        contextsFreeOfCycles("org.luoshi.workflow").check(MAIN);
    }

    @Test
    void theCycleRuleCatchesTwoContextsUsingEachOther() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture.cycle");
        assertTrue(contextsFreeOfCycles("org.luoshi.workflow.arch.fixture.cycle").evaluate(fixture).hasViolation(),
                "the rule must report the cycle between fixture.cycle.a and fixture.cycle.b");
    }

    @Test
    void contextsDependOnlyOnDeclaredContexts() {
        ONLY_DECLARED_CONTEXT_DEPENDENCIES.check(MAIN);
    }

    @Test
    void theContextRuleCatchesAnUndeclaredDependency() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture.cycle");
        assertTrue(ONLY_DECLARED_CONTEXT_DEPENDENCIES.evaluate(fixture).hasViolation(),
                "arch (the fixture's context) declares no dependency on shared");
    }

    @Test
    void statusIsSetOnlyInTheDomain() {
        STATUS_SET_ONLY_IN_THE_DOMAIN.check(MAIN);
    }

    @Test
    void noVariableIsLocalToATask() {
        NO_TASK_LOCAL_VARIABLES.check(MAIN);
    }

    @Test
    void theTaskLocalRuleCatchesATaskLocalVariable() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture.tasklocal");
        assertTrue(NO_TASK_LOCAL_VARIABLES.evaluate(fixture).hasViolation(), "the rule must report TaskLocalNote.note()");
    }

    @Test
    void theEngineDefinitionsStayAsDeployed() {
        DEFINITIONS_STAY_AS_DEPLOYED.check(MAIN);
    }

    @Test
    void theDefinitionRuleCatchesSuspensionsAndAHandMadeIncident() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture.suspension");
        assertTrue(DEFINITIONS_STAY_AS_DEPLOYED.evaluate(fixture).getFailureReport().getDetails().size() == 3,
                "the rule must report DefinitionSwitch.pause(), pauseJobs() and flag()");
    }

    @Test
    void theStatusRuleCatchesAStatusSetOutsideTheDomain() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.luoshi.workflow.arch.fixture.application");
        assertTrue(STATUS_SET_ONLY_IN_THE_DOMAIN.evaluate(fixture).hasViolation(), "the rule must report Ticket.close()");
    }
}
