package org.luoshi.workflow.inbox;

import static org.luoshi.workflow.WorkflowApi.as;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Inbox calls for the read-model tests: find a process's item by its business key (text filter), act on it. */
final class InboxApi {
    static final String PROBLEM = "application/problem+json";

    private InboxApi() {
    }

    /** The open item of the process in the user's inbox, or null. */
    static Map<String, Object> itemOf(String username, String processInstanceId, String businessKey) {
        JsonPath inbox = as(username).queryParam("text", businessKey).queryParam("size", 100)
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = inbox.getList("items");
        return items.stream().filter(i -> processInstanceId.equals(i.get("processInstanceId"))).findFirst().orElse(null);
    }

    static String itemIdOf(String username, String processInstanceId, String businessKey) {
        Map<String, Object> item = itemOf(username, processInstanceId, businessKey);
        if (item == null) {
            throw new AssertionError(username + " has no item of process " + processInstanceId);
        }
        return (String) item.get("id");
    }

    static JsonPath complete(String username, String itemId, Map<String, Object> form) {
        return as(username).contentType(ContentType.JSON).body(form)
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(200).extract().jsonPath();
    }
}
