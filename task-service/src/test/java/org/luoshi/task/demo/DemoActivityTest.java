package org.luoshi.task.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.task.plan.importing.PlanImportTest;

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
        long total = tasks.getLong("total");
        long drafts = Math.min(4, total / 10);
        List<Map<String, Object>> items = tasks.getList("items");
        // the last tasks in the plan's order are left as imported, for the supervisor's 任务交办
        items.sort(java.util.Comparator.comparing(t -> ((Number) t.get("id")).longValue()));
        assertThat(drafts).isPositive();
        assertThat(items.subList((int) (total - drafts), (int) total)).allSatisfy(t -> {
            assertThat(t.get("status")).isEqualTo("DRAFT");
            assertThat(t.get("leadDepartmentCode")).isNull();
        });
        assertThat(items.subList(0, (int) (total - drafts))).allSatisfy(t -> assertThat(t.get("leadDepartmentCode")).isNotNull());
        assertThat(tasks.getLong("countsByLight.NONE")).isEqualTo(drafts);
        assertThat(List.of("RED", "YELLOW", "GREEN")).allSatisfy(light -> assertThat(tasks.getLong("countsByLight." + light)).isPositive());
        assertThat(tasks.getLong("countsByStatus.COMPLETED") + tasks.getLong("countsByStatus.ACCEPTED")
                + tasks.getLong("countsByStatus.ASSIGNED")).isEqualTo(total - drafts);
        assertThat(tasks.getLong("countsByStatus.ASSIGNED")).as("tasks left for the demo's assignment processes").isPositive();
        JsonPath indicators = given().when().get("/api/plans/" + planId + "/indicators").then().statusCode(200)
                .body("size()", greaterThan(0)).extract().jsonPath();
        List<String> sources = indicators.getList("values.flatten().source");
        assertThat(sources).isNotEmpty().allMatch(s -> s.contains("演示数据"));
        assertThat(indicators.getList("responsibleDepartmentCode", String.class)).as("who answers for each indicator")
                .isNotEmpty().doesNotContainNull();
    }
}
