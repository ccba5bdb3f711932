package org.luoshi.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /config.json}: read by the single-page app before anything else. No secrets: the web client is public. */
@Path("/config.json")
public class ConfigResource {
    @Inject
    BrowserConfig config;

    public record Keycloak(String url, String realm, String clientId) {
    }

    public record Services(String task, String workflow) {
    }

    public record Body(Keycloak keycloak, Services services) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        Body body = new Body(new Keycloak(trim(config.keycloakUrl()), config.realm(), config.clientId()),
                new Services(trim(config.taskServiceUrl()), trim(config.workflowServiceUrl())));
        return Response.ok(body).cacheControl(noCache).build();
    }

    // "http://host/" and "http://host" must give the same URLs once the SPA appends "/api/…"
    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
