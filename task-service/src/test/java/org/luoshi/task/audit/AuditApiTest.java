package org.luoshi.task.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.audit.application.AuditService;
import org.luoshi.task.audit.domain.AuditVisibility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** GET /api/audit and /api/audit/verify: for the supervising office, evaluators and admins only. */
@QuarkusTest
class AuditApiTest {
    @Inject
    AuditLog audit;

    @Inject
    AuditService auditService;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aSupervisorSeesTheChainVerifiedAsValid() {
        record("test.verified", uniqueId(), null, Map.of("n", 1));
        given().when().get("/api/audit/verify")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", greaterThanOrEqualTo(1))
                .body("firstBrokenSeq", nullValue())
                .body("reason", nullValue())
                .body("lastHash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    @TestSecurity(user = "wang.fang", roles = "evaluator")
    void anEvaluatorMayVerifyAndList() {
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().when().get("/api/audit").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin.zhao", roles = "admin")
    void anAdminMayVerifyAndList() {
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        given().when().get("/api/audit").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void departmentStaffMayNeitherListNorVerify() {
        given().when().get("/api/audit").then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void theWorkflowEngineMayNotReadTheAuditLog() {
        given().when().get("/api/audit").then().statusCode(403);
    }

    @Test
    void withoutATokenTheAuditLogAnswers401() {
        given().when().get("/api/audit/verify").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = { "supervisor", "admin" })
    void theEntriesOfOneEntityComeNewestFirstWithTheirStatesAsJson() {
        String id = uniqueId();
        long created = record("plan.created", id, null, Map.of("status", "DRAFT", "title", "规划"));
        record("plan.created", uniqueId(), null, Map.of("status", "DRAFT"));
        long changed = record("plan.status-changed", id, Map.of("status", "DRAFT"), Map.of("status", "IN_FORCE"));

        given().queryParam("entityType", "audit-test").queryParam("entityId", id)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.seq", contains((int) changed, (int) created))
                .body("items.action", contains("plan.status-changed", "plan.created"))
                .body("items[0].before.status", equalTo("DRAFT"))
                .body("items[0].after.status", equalTo("IN_FORCE"))
                .body("items[1].before", nullValue())
                .body("items[1].after.title", equalTo("规划"))
                .body("items[0].actor", equalTo("chen.jing"))
                .body("items[0].actorRoles", contains("admin", "supervisor"))
                .body("items[0].prevHash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void entriesArePagedAndFilteredByActor() {
        String id = uniqueId();
        long first = record("test.paged", id, null, Map.of("n", 1));
        record("test.paged", id, Map.of("n", 1), Map.of("n", 2));
        given().queryParam("entityId", id).queryParam("page", 1).queryParam("size", 1)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.seq", contains((int) first));
        given().queryParam("entityId", id).queryParam("actor", "chen.jing")
                .when().get("/api/audit")
                .then().statusCode(200).body("total", equalTo(2)).body("items.actor", everyItem(equalTo("chen.jing")));
        given().queryParam("entityId", id).queryParam("actor", "someone.else")
                .when().get("/api/audit")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void anOversizedPageIsABadRequest() {
        given().queryParam("size", 500).when().get("/api/audit")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private long record(String action, String entityId, Object before, Object after) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, "audit-test", entityId, before, after));
        return auditService.list("audit-test", entityId, null, AuditVisibility.EVERYTHING, 0, 1).items().get(0).seq();
    }

    private static String uniqueId() {
        return "t-" + UUID.randomUUID();
    }
}
