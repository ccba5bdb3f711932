package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The web module's origin may call the API from the browser; any other origin may not (no wildcard). */
@QuarkusTest
class CrossOriginTest {

    @Test
    void theWebAppsOriginPassesThePreflightOfAnUpdateWithItsHeaders() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .when().options("/api/tasks/1/assignment")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void anotherOriginIsRefused() {
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/tasks")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theBrowserMayReadTheVersionAndTheDownloadName() {
        given().header("Origin", "http://127.0.0.1:8080")
                .when().get("/api/departments")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8080"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Content-Disposition"));
    }
}
