package org.luoshi.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/** The readiness check against a stand-in realm served by Vert.x on a free port: it asks on every probe. */
class KeycloakReadinessCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;
    private static HttpServer realm;
    private static volatile int status = 200;

    @BeforeAll
    static void serveARealm() {
        vertx = Vertx.vertx();
        realm = vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(
                request.path().equals("/realms/luoshi/.well-known/openid-configuration") ? status : 404).endAndForget("{}"))
                .listen(0).await().atMost(WAIT);
    }

    @AfterAll
    static void stop() {
        realm.closeAndAwait();
        vertx.closeAndAwait();
    }

    private static HealthCheckResponse probe(String realmUrl) {
        KeycloakReadinessCheck check = new KeycloakReadinessCheck(vertx, realmUrl);
        try {
            return check.call().await().atMost(WAIT);
        } finally {
            check.close();
        }
    }

    private static String realmUrl() {
        return "http://127.0.0.1:" + realm.actualPort() + "/realms/luoshi";
    }

    @Test
    void isUpWhileTheRealmsDiscoveryDocumentAnswers() {
        status = 200;
        HealthCheckResponse response = probe(realmUrl());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(200L, response.getData().orElseThrow().get("status"));
    }

    @Test
    void isDownWhileTheRealmAnswersWithAnError() {
        status = 503;
        try {
            HealthCheckResponse response = probe(realmUrl());
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertEquals(503L, response.getData().orElseThrow().get("status"));
        } finally {
            status = 200;
        }
    }

    @Test
    void isDownAndSaysUnreachableWhenNothingListensAtTheRealm() {
        HealthCheckResponse response = probe("http://127.0.0.1:1/realms/luoshi");
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("unreachable", response.getData().orElseThrow().get("error"));
    }
}
