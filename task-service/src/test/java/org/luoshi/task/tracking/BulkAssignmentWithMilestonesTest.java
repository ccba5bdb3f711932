package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.luoshi.task.TestData;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * 交办 in bulk with milestones (POST /api/plans/{id}/assignments, items carrying milestones): a bad milestone is a 400
 * naming its field and changes nothing; the tasks and their milestones come all or none; the same request again with
 * its Idempotency-Key, or twice at once, assigns and adds once; every milestone is audited once and the chain stays whole.
 */
@QuarkusTest
class BulkAssignmentWithMilestonesTest {
    private final String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);

    @Test
    void aBadMilestoneIsRefusedNamingItsFieldAndNothingIsAssigned() {
        long plan = TestData.planInForce(supervisor);
        long first = TestData.task(supervisor, plan, "带节点交办一", null);
        long second = TestData.task(supervisor, plan, "带节点交办二", null);
        Map<String, Object> undated = new HashMap<>(milestone("无日期节点", "2030-01-31"));
        undated.remove("dueDate");
        List<Map<String, Object>> items = List.of(
                item(first, 0, "haidian", List.of(milestone("节点一", "2030-03-31"), Map.of("title", " ", "dueDate", "2030-04-30"))),
                item(second, 0, "chaoyang", List.of(undated)));

        JsonPath problem = assign(plan, null, Map.of("items", items)).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of("items[0].milestones[1].title", "items[1].milestones[0].dueDate"),
                problem.getList("errors.field", String.class).stream().sorted().toList());

        Map<String, Object> heavy = Map.of("title", "节点", "dueDate", "2030-01-01", "weight", 0);
        assign(plan, null, Map.of("items", List.of(item(first, 0, "haidian", List.of(heavy)))))
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].milestones[0].weight"));

        for (long task : List.of(first, second)) {
            task(task).then().body("status", equalTo("DRAFT")).body("milestones.size()", equalTo(0));
        }
    }

    @Test
    void oneWrongItemOrAStaleVersionAddsNoMilestoneAndAssignsNoTask() {
        long plan = TestData.planInForce(supervisor);
        long first = TestData.task(supervisor, plan, "全有或全无一", null);
        long second = TestData.task(supervisor, plan, "全有或全无二", null);
        List<Map<String, Object>> milestones = List.of(milestone("节点甲", "2030-05-31"), milestone("节点乙", "2030-08-31"));

        assign(plan, null, Map.of("items", List.of(item(first, 0, "haidian", milestones), item(second, 0, "atlantis", milestones))))
                .then().statusCode(400).body("errors[0].field", equalTo("items[1].leadDepartmentCode"));
        assign(plan, null, Map.of("items", List.of(item(first, 0, "haidian", milestones), item(second, 7, "chaoyang", milestones))))
                .then().statusCode(412);
        for (long task : List.of(first, second)) {
            task(task).then().body("status", equalTo("DRAFT")).body("milestones.size()", equalTo(0)).body("version", equalTo(0));
        }

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int k = 0; k < 2501; k++) {
            tooMany.add(milestone("节点 " + k, "2030-09-30"));
        }
        assign(plan, null, Map.of("items", List.of(item(first, 0, "haidian", tooMany), item(second, 0, "chaoyang", tooMany))))
                .then().statusCode(400).body("errors[0].field", equalTo("items"));
        task(first).then().body("milestones.size()", equalTo(0));
    }

    @Test
    void theSameRequestRepeatedWithItsKeyOrSentTwiceAtOnceAssignsAndAddsOnce() throws Exception {
        long plan = TestData.planInForce(supervisor);
        long first = TestData.task(supervisor, plan, "一次交办一", null);
        long second = TestData.task(supervisor, plan, "一次交办二", null);
        long third = TestData.task(supervisor, plan, "一次交办三", null);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(milestone("已有节点", "2030-02-28"))
                .when().post("/api/tasks/" + first + "/milestones").then().statusCode(201);
        int firstVersion = task(first).then().extract().jsonPath().getInt("version");
        Map<String, Object> body = Map.of("items", List.of(
                item(first, firstVersion, "haidian", List.of(milestone("已有节点", "2030-02-28"), milestone("中期评估", "2030-06-30"))),
                item(second, 0, "chaoyang", List.of(milestone("启动", "2030-03-31"), milestone("验收", "2030-12-31"))),
                item(third, 0, "daxing", null)));
        String key = "bulk-assign-" + UUID.randomUUID();

        List<JsonPath> answers = twiceAtOnce(() -> assign(plan, key, body).then().statusCode(200).extract().jsonPath());
        assertEquals(answers.get(0).getList("id"), answers.get(1).getList("id"));
        assertEquals(answers.get(0).getList("milestones.id"), answers.get(1).getList("milestones.id"),
                "the repeat that waited answers the milestones the first call added");
        JsonPath answer = answers.get(0);
        assertEquals(List.of("haidian", "chaoyang", "daxing"), answer.getList("leadDepartmentCode"));
        assertEquals(List.of("已有节点", "中期评估"), answer.getList("[0].milestones.title"));
        assertEquals(List.of(1, 2), answer.getList("[0].milestones.ordinal"));
        assertEquals(List.of("启动", "验收"), answer.getList("[1].milestones.title"));

        // again, later: the same answer, nothing changed
        assign(plan, key, body).then().statusCode(200)
                .body("milestones.id", equalTo(answer.getList("milestones.id")))
                .body("version", equalTo(answer.getList("version")));
        assertEquals(answer.getInt("[1].version"), task(second).then().extract().jsonPath().getInt("version"),
                "the answer's versions are the tasks' ETags");
        task(first).then().body("milestones.size()", equalTo(2));
        task(second).then().body("milestones.size()", equalTo(2)).body("status", equalTo("ASSIGNED"));

        // the same key for another plan's assignment is a conflict
        assign(TestData.planInForce(supervisor), key, body).then().statusCode(409);

        // without a key, two calls at once: the tasks are locked, so the second sees the first's versions and is refused
        long fourth = TestData.task(supervisor, plan, "一次交办四", null);
        Map<String, Object> unkeyed = Map.of("items", List.of(item(fourth, 0, "haidian", List.of(milestone("节点", "2030-07-31")))));
        List<Integer> statuses = twiceAtOnce(() -> assign(plan, null, unkeyed).statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        task(fourth).then().body("milestones.title", contains("节点"));

        // each milestone added is audited once, beside the assignment, and the chain verifies
        long added = answer.getLong("[1].milestones[0].id");
        given().auth().oauth2(supervisor).queryParam("entityType", "milestone").queryParam("entityId", added)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].action", equalTo("milestone.added"));
        given().auth().oauth2(supervisor).queryParam("entityType", "task").queryParam("entityId", second)
                .when().get("/api/audit").then().statusCode(200)
                .body("items.action", contains("task.assigned", "task.created"))
                .body("items[0].after.milestones.title", contains("启动", "验收"));
        given().auth().oauth2(supervisor).when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static <T> List<T> twiceAtOnce(java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> calls = List.of(callers.submit(call), callers.submit(call));
            List<T> answers = new ArrayList<>();
            for (Future<T> f : calls) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    private static Map<String, Object> item(long taskId, int version, String lead, List<Map<String, Object>> milestones) {
        Map<String, Object> item = new HashMap<>(Map.of("taskId", taskId, "version", version, "leadDepartmentCode", lead));
        if (milestones != null) {
            item.put("milestones", milestones);
        }
        return item;
    }

    private static Map<String, Object> milestone(String title, String dueDate) {
        return Map.of("title", title, "dueDate", dueDate);
    }

    private Response assign(long plan, String key, Object body) {
        var request = given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/plans/" + plan + "/assignments");
    }

    private Response task(long id) {
        return given().auth().oauth2(supervisor).when().get("/api/tasks/" + id);
    }
}
