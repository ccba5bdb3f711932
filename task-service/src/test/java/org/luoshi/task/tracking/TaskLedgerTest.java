package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** 交办, milestones, lights and the ledger's filters, as the supervising office works them. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class TaskLedgerTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Fixtures fixtures;

    @Test
    void anAssignmentNeedsTheVersionLastReadAndAStaleOneIsRefused() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        String etag = given().when().get("/api/tasks/" + taskId).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("W/\"0\"");

        assign(taskId, null, "chaoyang").then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        assign(taskId, etag, "chaoyang").then().statusCode(200)
                .header("ETag", "W/\"1\"")
                .body("leadDepartmentCode", equalTo("chaoyang"))
                .body("coDepartmentCodes", contains("drc", "eit"))
                .body("dueDate", equalTo(TODAY.plusMonths(6).toString()));
        assign(taskId, etag, "fengtai").then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/tasks/" + taskId).then().body("leadDepartmentCode", equalTo("chaoyang"));

        given().queryParam("entityType", "task").queryParam("entityId", taskId).when().get("/api/audit")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("task.assigned"))
                .body("items[0].actor", equalTo("chen.jing"))
                .body("items[0].before.leadDepartmentCode", equalTo("haidian"))
                .body("items[0].after.leadDepartmentCode", equalTo("chaoyang"));
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aBulkAssignmentWithOneWrongItemNamesItAndChangesNothing() {
        long planId = fixtures.planInForce();
        long first = fixtures.draftTask(planId, "第一项");
        long second = fixtures.draftTask(planId, "第二项");
        String body = """
                {"items":[
                  {"taskId":%d,"version":0,"leadDepartmentCode":"haidian","coDepartmentCodes":["edu"],"dueDate":"2025-12-31"},
                  {"taskId":%d,"version":0,"leadDepartmentCode":"atlantis"}
                ]}""".formatted(first, second);
        given().contentType(ContentType.JSON).body(body).when().post("/api/plans/" + planId + "/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("items[1].leadDepartmentCode"));
        given().when().get("/api/tasks/" + first).then().body("leadDepartmentCode", nullValue()).body("status", equalTo("DRAFT"));

        given().contentType(ContentType.JSON).body(body.replace("atlantis", "daxing"))
                .when().post("/api/plans/" + planId + "/assignments")
                .then().statusCode(200).body("leadDepartmentCode", contains("haidian", "daxing"))
                .body("status", contains("ASSIGNED", "ASSIGNED"));
    }

    @Test
    void anAddedMilestoneIsAnsweredAloneWithItsLocationAndTheTaskListsIt() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        Response created = given().contentType(ContentType.JSON)
                .body("{\"title\":\"中期验收\",\"dueDate\":\"" + TODAY.plusDays(30) + "\",\"deliverable\":\"报告\"}")
                .when().post("/api/tasks/" + taskId + "/milestones");
        created.then().statusCode(201)
                .body("title", equalTo("中期验收"))
                .body("status", equalTo("PLANNED"))
                .body("$", not(hasKey("milestones")));
        long milestoneId = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/milestones/" + milestoneId);
        assertThat(created.header("ETag")).isEqualTo("W/\"" + created.jsonPath().getInt("version") + "\"");
        assertThat(given().when().get("/api/tasks/" + taskId).then().statusCode(200).extract().jsonPath()
                .getList("milestones.id", Long.class)).contains(milestoneId);
    }

    @Test
    void theLightFollowsTheMilestonesAndTheTaskCompletesWithItsLastMilestone() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        given().when().get("/api/tasks/" + taskId).then().body("light", equalTo("NONE"));

        long far = addMilestone(taskId, "远期节点", TODAY.plusDays(200));
        given().when().get("/api/tasks/" + taskId).then().body("light", equalTo("GREEN"));
        long soon = addMilestone(taskId, "临近节点", TODAY.plusDays(10));
        given().when().get("/api/tasks/" + taskId).then().body("light", equalTo("YELLOW"));
        long late = addMilestone(taskId, "逾期节点", TODAY.minusDays(3));
        given().when().get("/api/tasks/" + taskId).then().body("light", equalTo("RED"))
                .body("milestones.find { it.id == " + late + " }.overdue", equalTo(true))
                .body("progress", equalTo(0.0f));

        complete(late).then().statusCode(200).body("light", equalTo("YELLOW"));
        complete(late).then().statusCode(200).body("status", equalTo("ASSIGNED"));
        complete(soon).then().body("light", equalTo("GREEN"));
        complete(far).then().body("status", equalTo("COMPLETED")).body("light", equalTo("GREEN"))
                .body("progress", equalTo(1.0f)).body("completedOn", equalTo(TODAY.toString()));
    }

    @Test
    void aMilestoneChangeNeedsItsCurrentVersion() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        long id = addMilestone(taskId, "节点", TODAY.plusDays(60));
        String update = "{\"title\":\"节点（调整）\",\"dueDate\":\"" + TODAY.plusDays(90) + "\",\"weight\":2}";
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(update)
                .when().put("/api/milestones/" + id).then().statusCode(200)
                .body("milestones[0].title", equalTo("节点（调整）")).body("milestones[0].version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(update)
                .when().put("/api/milestones/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).body("{\"title\":\"\",\"dueDate\":\"soon\"}")
                .when().post("/api/tasks/" + taskId + "/milestones").then().statusCode(400);
    }

    @Test
    void theLedgerFiltersByDepartmentLightTextAndDueWindowAndCountsWhatMatched() {
        long planId = fixtures.planInForce();
        long led = fixtures.assignedTask(planId, "shunyi");
        long cooperated = fixtures.assignedTask(planId, "miyun", List.of("shunyi"), TODAY.plusYears(1), "推进顺义区氢能示范");
        long other = fixtures.assignedTask(planId, "pinggu", List.of(), TODAY.minusDays(1), "平谷区农业科技");

        given().queryParam("planId", planId).queryParam("department", "shunyi")
                .when().get("/api/tasks").then().statusCode(200).body("items.id", containsInAnyOrder((int) led, (int) cooperated));
        given().queryParam("planId", planId).queryParam("department", "shunyi").queryParam("departmentRole", "CO")
                .when().get("/api/tasks").then().body("items.id", contains((int) cooperated));
        given().queryParam("planId", planId).queryParam("light", "RED")
                .when().get("/api/tasks").then().body("items.id", contains((int) other))
                .body("countsByLight.RED", equalTo(1)).body("countsByLight.NONE", equalTo(1))
                .body("countsByLight.GREEN", equalTo(1)).body("countsByStatus.ASSIGNED", equalTo(3));
        given().queryParam("planId", planId).queryParam("q", "氢能")
                .when().get("/api/tasks").then().body("items.id", contains((int) cooperated));
        given().queryParam("planId", planId).queryParam("dueFrom", TODAY.toString())
                .when().get("/api/tasks").then().body("items.id", contains((int) cooperated));
        given().queryParam("planId", planId).queryParam("sort", "light")
                .when().get("/api/tasks").then().body("items.id", contains((int) other, (int) cooperated, (int) led));
        given().queryParam("planId", planId).queryParam("sort", "sideways")
                .when().get("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("planId", planId).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/tasks").then().body("items.size()", equalTo(1)).body("total", equalTo(3));
    }

    @Test
    void theRollUpCountsLightsByLeadDepartment() {
        long planId = fixtures.planInForce();
        fixtures.assignedTask(planId, "yanqing", List.of(), TODAY.minusDays(5), "逾期任务");
        fixtures.assignedTask(planId, "yanqing", List.of(), TODAY.plusYears(1), "正常任务");
        Map<String, Object> yanqing = given().when().get("/api/plans/" + planId + "/status").then().statusCode(200)
                .body("overall.total", equalTo(2)).body("overall.red", equalTo(1)).body("overall.green", equalTo(1))
                .extract().jsonPath().getMap("byDepartment.find { it.key == 'yanqing' }");
        assertThat(yanqing).containsEntry("label", "延庆区");
    }

    @Test
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    void theEvaluatorReadsTheLedgerButChangesNothing() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        given().when().get("/api/tasks/" + taskId).then().statusCode(200);
        assign(taskId, "W/\"0\"", "chaoyang").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"title\":\"节点\",\"dueDate\":\"" + TODAY + "\"}")
                .when().post("/api/tasks/" + taskId + "/milestones").then().statusCode(403);
    }

    private static Response assign(long taskId, String ifMatch, String lead) {
        var request = given().contentType(ContentType.JSON)
                .body("{\"leadDepartmentCode\":\"" + lead + "\",\"coDepartmentCodes\":[\"eit\",\"drc\",\"" + lead
                        + "\"],\"dueDate\":\"" + TODAY.plusMonths(6) + "\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/tasks/" + taskId + "/assignment");
    }

    private static long addMilestone(long taskId, String title, LocalDate due) {
        return given().contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"dueDate\":\"" + due + "\",\"deliverable\":\"报告\"}")
                .when().post("/api/tasks/" + taskId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response complete(long milestoneId) {
        return given().contentType(ContentType.JSON).body("{\"completedOn\":\"" + TODAY + "\"}")
                .when().put("/api/milestones/" + milestoneId + "/completion");
    }
}
