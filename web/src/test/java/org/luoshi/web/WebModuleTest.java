package org.luoshi.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web module as a browser meets it: the app's page (built by Vite in generate-resources), its history-mode
 * routes and /config.json.
 */
@QuarkusTest
@TestProfile(WebModuleTest.WithTheApp.class)
class WebModuleTest {

    public static class WithTheApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "luoshi.web.keycloak-url", "http://keycloak.example:8180/",
                    "luoshi.web.task-service-url", "http://task.example:8081",
                    "luoshi.web.workflow-service-url", "http://workflow.example:8082");
        }
    }

    @Test
    void theBrowserIsToldWhereKeycloakAndTheServicesAre() {
        given().when().get("/config.json").then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("keycloak.url", equalTo("http://keycloak.example:8180"))
                .body("keycloak.realm", equalTo("luoshi"))
                .body("keycloak.clientId", equalTo("luoshi-web"))
                .body("services.task", equalTo("http://task.example:8081"))
                .body("services.workflow", equalTo("http://workflow.example:8082"));
    }

    @Test
    void theAppIsServedAtTheRoot() {
        given().when().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\""));
    }

    @Test
    void aRouteOfTheAppAnswersTheAppSoThatReloadsAndLinksWork() {
        given().when().get("/staff/inbox").then()
                .statusCode(200)
                .body(containsString("<div id=\"app\""));
        given().when().get("/tasks/42?item=abc").then()
                .statusCode(200)
                .body(containsString("<div id=\"app\""));
    }

    @Test
    void theAppMayTalkOnlyToKeycloakAndTheTwoServices() {
        given().when().get("/").then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString(
                        "connect-src 'self' http://keycloak.example:8180 http://task.example:8081 http://workflow.example:8082;"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-src 'self' http://keycloak.example:8180;"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void theAppsScriptsAreSentCompressedAndCachedForGoodUnderTheirHashedNames() {
        String page = given().header("Accept-Encoding", "gzip").when().get("/").then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .header("Content-Encoding", equalTo("gzip"))
                .extract().asString();
        Matcher script = Pattern.compile("/assets/[\\w.-]+\\.js").matcher(page);
        assertTrue(script.find(), "index.html names its script under /assets/: " + page);
        given().header("Accept-Encoding", "gzip").when().get(script.group()).then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
    }

    @Test
    void aMissingFileIsStillNotFound() {
        given().when().get("/assets/no-such-file.js").then().statusCode(404);
    }

    @Test
    void theSilentLoginCheckPageIsServed() {
        given().when().get("/silent-check-sso.html").then()
                .statusCode(200)
                .body(containsString("silent-check-sso.js"));
    }
}
