package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

/**
 * The supervising office adds a plan's milestones in bulk (POST /api/plans/{id}/milestones): each item becomes exactly
 * one milestone of its task, in order after the task's own, audited one entry each; the same request again, or two at
 * once, adds nothing twice; a wrong item refuses the whole request.
 */
@QuarkusTest
class BulkMilestonesTest {

    @Test
    void eachItemBecomesOneMilestoneOnceEvenWhenSentTwiceAndConcurrently() throws Exception {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long plan = TestData.planInForce(supervisor);
        long first = TestData.task(supervisor, plan, "批量节点一", "haidian");
        long second = TestData.task(supervisor, plan, "批量节点二", "chaoyang");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{\"title\":\"已有节点\",\"dueDate\":\"2030-03-31\"}")
                .when().post("/api/tasks/" + first + "/milestones").then().statusCode(201);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int k = 1; k <= 40; k++) {
            items.add(Map.of("taskId", k % 2 == 0 ? first : second, "title", "节点 " + k, "dueDate", "2030-06-" + (10 + k % 20)));
        }
        items.add(Map.of("taskId", first, "title", "已有节点", "dueDate", "2030-03-31")); // the task has it already
        items.add(Map.of("taskId", second, "title", "节点 1", "dueDate", "2030-06-11")); // twice in the request
        Map<String, Object> body = Map.of("items", items);
        int versionBefore = task(supervisor, first).getInt("version");

        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<JsonPath> answers = new ArrayList<>();
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(callers.submit(() -> bulk(supervisor, plan, body).then().statusCode(200).extract().jsonPath()));
            }
            for (Future<JsonPath> call : calls) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(40, answers.stream().mapToInt(a -> a.getInt("added")).sum(), "each milestone added by one call");
        assertEquals(List.of(42, 42), answers.stream().map(a -> a.getInt("requested")).toList());
        assertEquals(answers.get(0).getList("milestoneIds", Long.class), answers.get(1).getList("milestoneIds", Long.class),
                "both calls name the same milestones");
        List<Long> ids = answers.get(0).getList("milestoneIds", Long.class);
        assertEquals(ids.get(0), ids.get(41), "a repeated item names the milestone its first occurrence added");
        assertEquals(41, new HashSet<>(ids).size(), "40 new milestones and the one present");

        JsonPath firstTask = task(supervisor, first);
        assertEquals(21, firstTask.getList("milestones").size());
        assertEquals(20, task(supervisor, second).getList("milestones").size());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 21).boxed().toList(),
                firstTask.getList("milestones.ordinal", Integer.class), "after the task's own, in the items' order");
        assertEquals(versionBefore + 1, firstTask.getInt("version"), "the task changed once: its ETag moves on");

        // again: nothing is added, the same ids are named
        bulk(supervisor, plan, body).then().statusCode(200).body("added", equalTo(0)).body("alreadyPresent", equalTo(42))
                .body("milestoneIds", equalTo(answers.get(0).getList("milestoneIds")));

        // each addition is audited once, and the chain stays whole
        long added = ids.get(0);
        given().auth().oauth2(supervisor).queryParam("entityType", "milestone").queryParam("entityId", added)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].action", equalTo("milestone.added"));
        given().auth().oauth2(supervisor).when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aTaskOfAnotherPlanOrOneTheCallerMayNotPlanRefusesTheWholeRequest() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long plan = TestData.planInForce(supervisor);
        long ours = TestData.task(supervisor, plan, "本规划任务", "haidian");
        long elsewhere = TestData.task(supervisor, TestData.planInForce(supervisor), "他规划任务", "haidian");
        long chaoyang = TestData.task(supervisor, plan, "朝阳任务", "chaoyang");
        bulk(supervisor, plan, Map.of("items", List.of(item(ours, "节点甲"), item(elsewhere, "节点乙"))))
                .then().statusCode(404).contentType("application/problem+json");
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        bulk(staff, plan, Map.of("items", List.of(item(ours, "节点丙"), item(chaoyang, "节点丁"))))
                .then().statusCode(404); // chaoyang's task is not visible to haidian's staff
        assertEquals(0, task(supervisor, ours).getList("milestones").size(), "nothing was added");
        bulk(staff, plan, Map.of("items", List.of(item(ours, "节点戊")))).then().statusCode(200).body("added", equalTo(1));
        bulk(supervisor, plan, Map.of("items", List.of(Map.of("taskId", ours, "title", " ", "dueDate", "2030-01-01"))))
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("title"));
        bulk(supervisor, plan, Map.of("items", List.of())).then().statusCode(400);
    }

    private static Map<String, Object> item(long taskId, String title) {
        return Map.of("taskId", taskId, "title", title, "dueDate", "2030-09-30");
    }

    private static io.restassured.response.Response bulk(String token, long plan, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/plans/" + plan + "/milestones");
    }

    private static JsonPath task(String token, long id) {
        return given().auth().oauth2(token).when().get("/api/tasks/" + id).then().statusCode(200).extract().jsonPath();
    }
}
