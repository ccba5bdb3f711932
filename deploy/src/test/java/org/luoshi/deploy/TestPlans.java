package org.luoshi.deploy;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Plans the end-to-end tests work in: made by the supervisor and confirmed, since a draft's tasks cannot be assigned. */
final class TestPlans {
    private TestPlans() {
    }

    /** A new plan in force, titled {@code title} and a random suffix; its id. */
    static long confirmedPlan(String taskServiceUrl, String supervisorToken, String title) {
        long planId = given().auth().oauth2(supervisorToken).contentType(ContentType.JSON)
                .body(Map.of("title", title + " " + UUID.randomUUID(), "issuingBodies", List.of("北京市人民政府"),
                        "periodStart", 2021, "periodEnd", 2025))
                .when().post(taskServiceUrl + "/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(supervisorToken).header("If-Match", "W/\"0\"")
                .when().post(taskServiceUrl + "/api/plans/" + planId + "/confirmation").then().statusCode(200);
        return planId;
    }
}
