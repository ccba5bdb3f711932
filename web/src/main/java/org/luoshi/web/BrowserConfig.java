package org.luoshi.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the browser needs to find Keycloak and the two services. Read at run time from the environment
 * (KEYCLOAK_URL, TASK_SERVICE_URL, WORKFLOW_SERVICE_URL), so one build serves any deployment.
 */
@ConfigMapping(prefix = "luoshi.web")
public interface BrowserConfig {
    String keycloakUrl();

    @WithDefault("luoshi")
    String realm();

    @WithDefault("luoshi-web")
    String clientId();

    String taskServiceUrl();

    String workflowServiceUrl();
}
