package org.luoshi.workflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.workflow.WorkflowApi.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Read and unread: each person reads for themselves (a department's notification read by li.na stays unread for her
 * colleague wang.li), the copy to the person and the one to their department are read together, and nobody marks a
 * notification that is not addressed to them (404).
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class NotificationReadStateTest {

    @Inject
    NotificationStore store;

    @Test
    void eachReaderMarksTheirOwnAndOnlyTheirOwnNotificationsRead() {
        long liNaBefore = unread(DemoUsers.STAFF_HAIDIAN);
        long wangLiBefore = unread(DemoUsers.STAFF_HAIDIAN_COLLEAGUE);
        long liuYangBefore = unread(DemoUsers.STAFF_CHAOYANG);
        String occasion = "read-test:" + UUID.randomUUID();
        // one occasion to li.na and to her department (listed once), one more to her department
        long decision = notify(occasion, Recipient.user(DemoUsers.STAFF_HAIDIAN), Recipient.group("haidian"));
        long chase = notify(occasion + ":chase", Recipient.group("haidian"));
        assertEquals(liNaBefore + 2, unread(DemoUsers.STAFF_HAIDIAN));
        assertEquals(wangLiBefore + 2, unread(DemoUsers.STAFF_HAIDIAN_COLLEAGUE));
        assertEquals(liuYangBefore, unread(DemoUsers.STAFF_CHAOYANG), "chaoyang is told nothing");

        // another department's person cannot mark it, nor learn that it exists
        as(DemoUsers.STAFF_CHAOYANG).put("/api/notifications/" + chase + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        as(DemoUsers.STAFF_HAIDIAN).put("/api/notifications/" + Long.MAX_VALUE + "/read").then().statusCode(404);
        as(DemoUsers.STAFF_HAIDIAN).put("/api/notifications/abc/read").then().statusCode(400);

        as(DemoUsers.STAFF_HAIDIAN).put("/api/notifications/" + chase + "/read").then().statusCode(204);
        as(DemoUsers.STAFF_HAIDIAN).put("/api/notifications/" + chase + "/read").then().statusCode(204);
        assertEquals(liNaBefore + 1, unread(DemoUsers.STAFF_HAIDIAN));
        assertEquals(wangLiBefore + 2, unread(DemoUsers.STAFF_HAIDIAN_COLLEAGUE), "wang.li has read nothing");
        assertEquals(Map.of(chase, true, decision, false), readFlags(DemoUsers.STAFF_HAIDIAN, decision, chase));
        assertEquals(Map.of(chase, false), readFlags(DemoUsers.STAFF_HAIDIAN_COLLEAGUE, decision, chase),
                "wang.li sees the department's notifications, not li.na's own");

        long marked = as(DemoUsers.STAFF_HAIDIAN_COLLEAGUE).put("/api/notifications/read").then().statusCode(200)
                .extract().jsonPath().getLong("marked");
        
        assertEquals(0, unread(DemoUsers.STAFF_HAIDIAN_COLLEAGUE));
        assertEquals(liNaBefore + 1, unread(DemoUsers.STAFF_HAIDIAN), "wang.li's marks are her own");
        assertEquals(liuYangBefore, unread(DemoUsers.STAFF_CHAOYANG));
    }

    private long notify(String occasion, Recipient... recipients) {
        NotificationDraft draft = new NotificationDraft(NotificationKind.URGING, List.of(recipients), "【催办】" + occasion,
                "正文", "http://localhost/x", "pi-" + occasion, 1L, 2L, occasion);
        Long first = null;
        for (Recipient recipient : recipients) {
            Long id = store.insert(draft, recipient, occasion + ":" + recipient.type() + ":" + recipient.name(), Instant.now());
            first = first == null ? id : first;
        }
        return first;
    }

    private static long unread(String user) {
        return as(user).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    /** id → read, of those of the ids the user's list shows. */
    private static Map<Long, Boolean> readFlags(String user, long... ids) {
        List<Map<String, Object>> items = as(user).queryParam("size", 100).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        java.util.Map<Long, Boolean> flags = new java.util.HashMap<>();
        for (Map<String, Object> item : items) {
            long id = ((Number) item.get("id")).longValue();
            for (long wanted : ids) {
                if (id == wanted) {
                    flags.put(id, (Boolean) item.get("read"));
                }
            }
        }
        return flags;
    }
}
