package org.luoshi.deploy;

import java.util.Map;

import org.luoshi.testsupport.KeycloakTokens;

/**
 * The whole system as {@code ./luoshi.sh run} starts it, for tests that use it as a person would: task-service and
 * workflow-service on free ports over the end-to-end databases (schema dropped first), and the web app on a fixed
 * port, because its origin is what the realm's {@code luoshi-web} client and the services' CORS allow.
 */
final class LuoshiSystem implements AutoCloseable {
    /**
     * The web app's port in tests; the realm's luoshi-web client lists http://localhost:18080. Another port lets a
     * second run go beside the first, against a Keycloak started with that origin ({@code KEYCLOAK_WEB_ORIGINS}).
     */
    static final int WEB_PORT = Integer.getInteger("luoshi.e2e.web-port", 18080);

    private static final String REALM = KeycloakTokens.keycloakUrl() + "/realms/luoshi";

    private final ServiceProcess taskService;
    private final ServiceProcess workflowService;
    private final ServiceProcess web;

    private LuoshiSystem(ServiceProcess taskService, ServiceProcess workflowService, ServiceProcess web) {
        this.taskService = taskService;
        this.workflowService = workflowService;
        this.web = web;
    }

    static LuoshiSystem start() throws Exception {
        E2eDatabases.resetSchemas();
        String webOrigin = "http://localhost:" + WEB_PORT;
        ServiceProcess task = new ServiceProcess("task-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.taskUrl(),
                "quarkus.oidc.auth-server-url", REALM,
                "quarkus.http.cors.origins", webOrigin));
        ServiceProcess workflow = null;
        ServiceProcess web = null;
        try {
            task.start();
            workflow = new ServiceProcess("workflow-service", Map.of(
                    "quarkus.datasource.jdbc.url", E2eDatabases.workflowUrl(),
                    "quarkus.oidc.auth-server-url", REALM,
                    "quarkus.rest-client.task-service.url", task.url(),
                    "quarkus.http.cors.origins", webOrigin,
                    "luoshi.workflow.job-executor.wait-time", "200ms",
                    "luoshi.workflow.job-executor.max-wait", "1S"));
            workflow.start();
            // what the browser is told by /config.json (KEYCLOAK_URL, TASK_SERVICE_URL, WORKFLOW_SERVICE_URL)
            web = new ServiceProcess("web", WEB_PORT, "/config.json", Map.of(
                    "luoshi.web.keycloak-url", KeycloakTokens.keycloakUrl(),
                    "luoshi.web.task-service-url", task.url(),
                    "luoshi.web.workflow-service-url", workflow.url()));
            web.start();
            return new LuoshiSystem(task, workflow, web);
        } catch (Exception | Error e) {
            stopQuietly(web);
            stopQuietly(workflow);
            stopQuietly(task);
            throw e;
        }
    }

    String taskUrl() {
        return taskService.url();
    }

    String workflowUrl() {
        return workflowService.url();
    }

    String webUrl() {
        return web.url();
    }

    @Override
    public void close() throws InterruptedException {
        web.stop();
        workflowService.stop();
        taskService.stop();
    }

    private static void stopQuietly(ServiceProcess process) {
        if (process == null) {
            return;
        }
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
