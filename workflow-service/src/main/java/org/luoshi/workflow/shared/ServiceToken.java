package org.luoshi.workflow.shared;

import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

/**
 * Calls made with the service account's token (to task-service, to Keycloak's admin API). An answer 401 means the
 * token was refused (it expired on the way, or Keycloak rotated its keys). The OIDC client filter has then marked the
 * token for renewal ({@code quarkus.rest-client-oidc-filter.refresh-on-unauthorized}), so the call is made once more
 * with a new token; a second 401 is thrown like any other failure.
 */
public final class ServiceToken {
    private static final Logger LOG = Logger.getLogger(ServiceToken.class);

    private ServiceToken() {
    }

    /** Only the 401 rule; the caller translates the other statuses. */
    public static <T> T withFreshTokenOn401(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 401) {
                throw e;
            }
            LOG.infof("%s: the service token was refused (401); once more with a new token", what);
            return call.get();
        }
    }
}
