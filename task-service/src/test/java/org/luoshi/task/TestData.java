package org.luoshi.task;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;

/** Creates what a test needs through the API, with unique titles so tests never depend on each other. */
public final class TestData {
    private TestData() {
    }

    /** With a null token the request goes without one, for tests whose identity comes from @TestSecurity. */
    private static io.restassured.specification.RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    public static long draftPlan(String supervisorToken) {
        return as(supervisorToken).contentType(ContentType.JSON)
                .body("{\"title\":\"测试规划 " + UUID.randomUUID() + "\",\"issuingBodies\":[\"北京市人民政府\"],\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long planInForce(String supervisorToken) {
        long id = draftPlan(supervisorToken);
        as(supervisorToken).contentType(ContentType.JSON).body("{\"status\":\"IN_FORCE\"}")
                .when().put("/api/plans/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    public static long task(String supervisorToken, long planId, String title, String leadDepartment) {
        String lead = leadDepartment == null ? "null" : "\"" + leadDepartment + "\"";
        return as(supervisorToken).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"leadDepartmentCode\":" + lead + "}")
                .when().post("/api/plans/" + planId + "/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
