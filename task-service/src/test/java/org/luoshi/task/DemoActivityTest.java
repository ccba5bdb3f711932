package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The demo activity makes a confirmed plan look lived-in, labelled demo, once. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class DemoActivityTest {

    @Test
    void aConfirmedPlanGetsDepartmentsMilestonesOfEveryLightAndIndicatorValuesLabelledDemo() throws IOException {
        // the sample plan with a byte more: a document of its own, so the shared import of the sample stays a draft
        byte[] document = (new String(PlanImportTest.samplePlan(), StandardCharsets.UTF_8) + "\n<!-- demo -->")
                .getBytes(StandardCharsets.UTF_8);
        long planId = given().contentType("text/html").body(document).when().post("/api/plan-imports")
                .then().extract().jsonPath().getLong("plan.id");
        given().post("/api/demo/plans/" + planId + "/activity").then().statusCode(409);
        String etag = given().when().get("/api/plans/" + planId).then().extract().header("ETag");
        given().header("If-Match", etag).when().post("/api/plans/" + planId + "/confirmation")
                .then().statusCode(200).body("status", equalTo("IN_FORCE"));

        given().when().post("/api/demo/plans/" + planId + "/activity").then().statusCode(200).body("demo", equalTo(true));
        given().when().post("/api/demo/plans/" + planId + "/activity").then().statusCode(409);

        JsonPath tasks = given().queryParam("planId", planId).queryParam("size", 500).when().get("/api/tasks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(tasks.getList("items.leadDepartmentCode")).doesNotContainNull();
        assertThat(tasks.getLong("countsByLight.NONE")).isZero();
        assertThat(List.of("RED", "YELLOW", "GREEN")).allSatisfy(light -> assertThat(tasks.getLong("countsByLight." + light)).isPositive());
        assertThat(tasks.getLong("countsByStatus.COMPLETED") + tasks.getLong("countsByStatus.ACCEPTED")
                + tasks.getLong("countsByStatus.ASSIGNED")).isEqualTo(tasks.getLong("total"));
        assertThat(tasks.getLong("countsByStatus.ASSIGNED")).as("tasks left for the demo's assignment processes").isPositive();
        JsonPath indicators = given().when().get("/api/plans/" + planId + "/indicators").then().statusCode(200)
                .body("size()", greaterThan(0)).extract().jsonPath();
        List<String> sources = indicators.getList("values.flatten().source");
        assertThat(sources).isNotEmpty().allMatch(s -> s.contains("演示数据"));
    }
}
