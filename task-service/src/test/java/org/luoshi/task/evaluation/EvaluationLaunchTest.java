package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.tracking.EvidenceFilesTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Launching an evaluation: the checks, the departments in scope and the snapshot frozen with its SHA-256. */
@QuarkusTest
public class EvaluationLaunchTest {
    @Inject
    EvaluationFixtures fixtures;

    @Inject
    Fixtures plans;

    @Inject
    ObjectMapper json;

    public static String body(long planId, String kind, String from, String to, String organisation, String due) {
        return "{\"planId\":" + planId + ",\"kind\":\"" + kind + "\",\"periodFrom\":\"" + from + "\",\"periodTo\":\"" + to
                + "\",\"organisation\":\"" + organisation + "\",\"selfAssessmentDue\":\"" + due
                + "\",\"launchedBy\":\"chen.jing\"}";
    }

    public static String body(long planId) {
        return body(planId, "MID_TERM", "2021-01-01", "2023-06-30", "kjpg", LocalDate.now().plusDays(30).toString());
    }

    public static Response launch(String key, String body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/evaluations");
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void launchingTakesEveryLeadAndCoDepartmentAndFreezesASnapshotWhoseHashIsThatOfItsText() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        Response launched = launch(UUID.randomUUID().toString(), body(plan.planId()));
        launched.then().statusCode(201)
                .header("Location", containsString("/api/evaluations/"))
                .body("status", equalTo("SELF_ASSESSMENT"))
                .body("kind", equalTo("MID_TERM"))
                .body("organisation", equalTo("kjpg"))
                .body("organisationName", equalTo("首都科技评估中心（演示）"))
                .body("departments", contains("chaoyang", "drc", "haidian"))
                .body("rubric.criteria", hasSize(6))
                .body("snapshotSha256", notNullValue());
        long id = launched.then().extract().jsonPath().getLong("id");
        String sha = launched.then().extract().path("snapshotSha256");

        byte[] snapshot = given().when().get("/api/evaluations/" + id + "/snapshot")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asByteArray();
        assertThat(EvidenceFilesTest.sha256(snapshot)).isEqualTo(sha);

        given().when().get("/api/evaluations/" + id + "/self-assessments")
                .then().statusCode(200)
                .body("departmentCode", contains("chaoyang", "drc", "haidian"))
                .body("status", everyItem(equalTo("MISSING")));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void theSnapshotHoldsTasksMilestonesLightsRollupsAndIndicatorAssessmentsAsOfTheLaunchDay() throws Exception {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = launch(UUID.randomUUID().toString(), body(plan.planId())).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        JsonNode snapshot = json.readTree(given().when().get("/api/evaluations/" + id + "/snapshot").asByteArray());

        assertThat(snapshot.path("asOf").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        assertThat(snapshot.path("plan").path("id").asLong()).isEqualTo(plan.planId());
        assertThat(snapshot.path("scope").path("organisationName").asText()).isEqualTo("首都科技评估中心（演示）");
        JsonNode first = snapshot.path("tasks").get(0);
        assertThat(first.path("task").path("reference").asText()).isEqualTo("三（一）1");
        assertThat(first.path("chapterNumber").asText()).isEqualTo("三");
        assertThat(first.path("task").path("light").asText()).isEqualTo("RED");
        assertThat(first.path("task").path("coDepartmentCodes").get(0).asText()).isEqualTo("chaoyang");
        assertThat(first.path("task").path("milestones").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(snapshot.path("tasks").get(1).path("task").path("milestones").get(0).path("status").asText())
                .isEqualTo("DONE");
        assertThat(snapshot.path("rollup").path("overall").path("red").asInt()).isEqualTo(1);
        assertThat(snapshot.path("rollup").path("byDepartment")).hasSize(2);
        JsonNode indicator = snapshot.path("indicators").get(0);
        assertThat(indicator.path("id").asLong()).isEqualTo(plan.indicatorId());
        assertThat(indicator.path("assessment").path("latestYear").asInt()).isEqualTo(2022);
        assertThat(indicator.path("assessment").path("outlook").asText()).isNotEmpty();
        assertThat(snapshot.path("departments").findValuesAsText("code")).containsExactly("chaoyang", "drc", "haidian");
        assertThat(snapshot.path("departments").get(2).path("nameZh").asText()).isEqualTo("海淀区");
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void laterChangesOfTheTasksLeaveTheSnapshotByteForByteAsItWas() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        Response launched = launch(UUID.randomUUID().toString(), body(plan.planId()));
        long id = launched.then().statusCode(201).extract().jsonPath().getLong("id");
        String sha = launched.then().extract().path("snapshotSha256");
        byte[] before = given().when().get("/api/evaluations/" + id + "/snapshot").asByteArray();

        fixtures.changeTask(plan.overdueTask());

        byte[] after = given().when().get("/api/evaluations/" + id + "/snapshot").asByteArray();
        assertThat(after).isEqualTo(before);
        given().when().get("/api/evaluations/" + id).then().body("snapshotSha256", equalTo(sha));
        // a new evaluation sees the change
        String fresh = launch(UUID.randomUUID().toString(), body(plan.planId())).then().statusCode(201).extract()
                .path("snapshotSha256");
        assertThat(fresh).isNotEqualTo(sha);
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void twoLaunchesOfAnUnchangedPlanFreezeTheSameBytes() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        String first = launch(UUID.randomUUID().toString(), body(plan.planId())).then().statusCode(201).extract()
                .path("snapshotSha256");
        String second = launch(UUID.randomUUID().toString(), body(plan.planId())).then().statusCode(201).extract()
                .path("snapshotSha256");
        assertThat(second).isEqualTo(first);
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void theSameIdempotencyKeyAgainAnswersTheEvaluationItCreatedAndCreatesNoOther() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        String key = UUID.randomUUID().toString();
        int first = launch(key, body(plan.planId())).then().statusCode(201).extract().path("id");
        int again = launch(key, body(plan.planId())).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        given().when().get("/api/evaluations?planId=" + plan.planId()).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aLaunchWithoutIdempotencyKeyIsRefusedNamingTheHeader() {
        long planId = fixtures.plan().planId();
        given().contentType(ContentType.JSON).body(body(planId)).when().post("/api/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void badLaunchesAreRefusedNamingTheField() {
        long planId = fixtures.plan().planId();
        String due = LocalDate.now().plusDays(30).toString();
        launch(UUID.randomUUID().toString(), body(planId, "MID_TERM", "2023-06-30", "2021-01-01", "kjpg", due))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("periodTo"));
        launch(UUID.randomUUID().toString(), body(planId, "MID_TERM", "2021-01-01", "2023-06-30", "nobody", due))
                .then().statusCode(400).body("errors[0].field", equalTo("organisation"));
        launch(UUID.randomUUID().toString(), body(planId, "MID_TERM", "2021-01-01", "2023-06-30", "kjpg", "2020-01-01"))
                .then().statusCode(400).body("errors[0].field", equalTo("selfAssessmentDue"));
        launch(UUID.randomUUID().toString(), body(planId, "INTERIM", "2021-01-01", "2023-06-30", "kjpg", due))
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        launch(UUID.randomUUID().toString(), body(Long.MAX_VALUE))
                .then().statusCode(400).body("errors[0].field", equalTo("planId"));
        launch(UUID.randomUUID().toString(), "{\"planId\": 1, \"kind\": ")
                .then().statusCode(400).contentType("application/problem+json");
        launch(UUID.randomUUID().toString(), "{\"kind\":\"FINAL\"}")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("planId"));
        given().when().get("/api/evaluations?planId=" + planId).then().body("$", hasSize(0));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aDraftPlanOrAPlanWithoutAssignedTasksCannotBeEvaluated() {
        long empty = plans.planInForce();
        launch(UUID.randomUUID().toString(), body(empty)).then().statusCode(400).body("errors[0].field", equalTo("planId"))
                .body("detail", containsString("nobody to evaluate"));
        long draft = fixtures.draftPlan();
        launch(UUID.randomUUID().toString(), body(draft)).then().statusCode(400).body("errors[0].field", equalTo("planId"))
                .body("detail", containsString("draft"));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aRubricPassedAtLaunchIsCheckedAndKept() {
        long planId = fixtures.plan().planId();
        String due = LocalDate.now().plusDays(30).toString();
        String base = body(planId, "FINAL", "2021-01-01", "2025-12-31", "zlyj", due);
        String bad = base.substring(0, base.length() - 1) + ",\"rubric\":{\"criteria\":[{\"subjectKind\":\"CHAPTER\",\"code\":\"c\","
                + "\"name\":\"完成度\",\"maxScore\":0,\"weight\":1}],\"grades\":[{\"name\":\"合格\",\"minTotal\":0}]}}";
        launch(UUID.randomUUID().toString(), bad).then().statusCode(400)
                .body("errors[0].field", equalTo("rubric.criteria[0].maxScore"));
        String noZero = base.substring(0, base.length() - 1) + ",\"rubric\":{\"criteria\":[{\"subjectKind\":\"CHAPTER\",\"code\":\"c\","
                + "\"name\":\"完成度\",\"maxScore\":5,\"weight\":1}],\"grades\":[{\"name\":\"合格\",\"minTotal\":60}]}}";
        launch(UUID.randomUUID().toString(), noZero).then().statusCode(400).body("errors[0].field", equalTo("rubric.grades"));
        String good = base.substring(0, base.length() - 1) + ",\"rubric\":{\"criteria\":[{\"subjectKind\":\"CHAPTER\",\"code\":\"c\","
                + "\"name\":\"完成度\",\"maxScore\":5,\"weight\":1}],\"grades\":[{\"name\":\"合格\",\"minTotal\":0}]}}";
        launch(UUID.randomUUID().toString(), good).then().statusCode(201)
                .body("kind", equalTo("FINAL"))
                .body("rubric.criteria", hasSize(1))
                .body("rubric.criteria[0].maxScore", equalTo(5));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void anIdempotencyKeyAlreadyUsedForAnotherChangeIsAConflict() {
        long planId = plans.planInForce();
        long task = plans.assignedTask(planId, "haidian");
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"departmentCode\":\"haidian\",\"acceptedBy\":\"li.na\"}")
                .when().put("/api/tasks/" + task + "/acceptance").then().statusCode(200);
        launch(key, body(planId)).then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/evaluations?planId=" + planId).then().body("$", hasSize(0));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void peopleLaunchThroughTheWorkflowNotDirectly() {
        long planId = fixtures.plan().planId();
        launch(UUID.randomUUID().toString(), body(planId)).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void anyoneLoggedInReadsTheOrganisationsAndTheDefaultRubric() {
        given().when().get("/api/evaluation-organisations").then().statusCode(200)
                .body("code", contains("kjpg", "zlyj"))
                .body("nameEn[0]", equalTo("Capital S&T Evaluation Centre (demo)"));
        given().when().get("/api/evaluation-rubric").then().statusCode(200)
                .body("criteria.name", org.hamcrest.Matchers.hasItems("任务完成度", "工作成效", "组织保障", "目标实现程度", "数据质量", "发展趋势"))
                .body("grades.name", contains("优秀", "良好", "合格", "不合格"));
    }

    @Test
    void withoutATokenTheOrganisationsAreUnauthorized() {
        given().when().get("/api/evaluation-organisations").then().statusCode(401);
    }
}
