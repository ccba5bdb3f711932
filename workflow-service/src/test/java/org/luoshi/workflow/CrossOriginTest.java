package org.luoshi.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The web module's origin may call the API from the browser; any other origin may not (no wildcard). */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class CrossOriginTest {

    @Test
    void theWebAppsOriginPassesThePreflightOfAnInboxAction() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/api/inbox/1/complete")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void anotherOriginIsRefused() {
        given().header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/inbox")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theBrowserMayReadTheLocationOfWhatItStarted() {
        given().header("Origin", "http://127.0.0.1:8080")
                .when().get("/api/inbox")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:8080"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }
}
