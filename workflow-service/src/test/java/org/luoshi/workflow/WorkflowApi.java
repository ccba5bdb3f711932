package org.luoshi.workflow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Calls of the workflow API as the demo users make them, shared by the tests. */
public final class WorkflowApi {
    /** Longest wait for the job executor; the test profile polls every 100-500 ms. */
    public static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    private WorkflowApi() {
    }

    /** A task id no other test (or earlier run against the same database) uses. */
    /**
     * Distinct in this JVM (a random part within the same millisecond collided now and then: two stub tasks with one id,
     * a page of the bulk test short by one task), and ahead of earlier runs' ids in a reused test database.
     */
    public static long uniqueTaskId() {
        return LAST_ID.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    }

    private static final java.util.concurrent.atomic.AtomicLong LAST_ID = new java.util.concurrent.atomic.AtomicLong();

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(KeycloakTokens.accessToken(username));
    }

    /** The supervisor assigns the task to the department; returns the 201 body. */
    public static JsonPath assign(long taskId, String departmentCode) {
        return as(DemoUsers.SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", departmentCode))
                .when().post("/api/assignments")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** The inbox item of the process as the user's list shows it, or null when the list does not contain it. */
    public static Map<String, Object> inboxItemOf(String username, String processInstanceId) {
        List<Map<String, Object>> items = inboxItemsOf(username, processInstanceId);
        return items.isEmpty() ? null : items.get(0);
    }

    /**
     * Every open item of the process in the user's inbox, from all its pages: the test database holds the items of
     * every other test too, and a new item without a due date comes last.
     */
    public static List<Map<String, Object>> inboxItemsOf(String username, String processInstanceId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            JsonPath inbox = as(username).queryParam("page", page).queryParam("size", 100)
                    .when().get("/api/inbox")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = inbox.getList("items");
            items.stream().filter(item -> processInstanceId.equals(item.get("processInstanceId"))).forEach(found::add);
            if ((long) (page + 1) * 100 >= inbox.getLong("total")) {
                return found;
            }
        }
        throw new AssertionError("inbox of " + username + " has more than 100000 items");
    }

    public static JsonPath processState(String processInstanceId) {
        return as(DemoUsers.SUPERVISOR).when().get("/api/processes/" + processInstanceId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls the process state (bounded) until it matches; the job executor works on its own threads. */
    public static JsonPath awaitProcess(String processInstanceId, String description, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await(description).atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> condition.test(last[0] = processState(processInstanceId)));
        return last[0];
    }

    public static JsonPath incidentsOf(String processInstanceId) {
        return as(DemoUsers.SUPERVISOR).queryParam("processInstanceId", processInstanceId)
                .when().get("/api/incidents")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls (bounded) until the user's inbox holds an item of the process at that activity; returns it. */
    public static Map<String, Object> awaitInboxItem(String user, String processInstanceId, String activityId) {
        List<Map<String, Object>> found = new ArrayList<>();
        await(user + " gets " + activityId).atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            inboxItemsOf(user, processInstanceId).stream().filter(i -> activityId.equals(i.get("activityId")))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }
}
