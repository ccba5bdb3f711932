package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * 改派 and 撤回 as workflow-service records them: task-service's state follows the process, so the department asked to
 * accept reads the task and the one that returned it does not, and a withdrawn task is no department's.
 */
@QuarkusTest
class ReassignmentAndWithdrawalTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TaskRepository tasks;

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aReassignmentMovesTheTaskToTheNewDepartmentOncePerKey() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        String key = "proc-" + taskId + ":reassign:1";
        reassign(taskId, key, "chaoyang").then().statusCode(200)
                .body("leadDepartmentCode", equalTo("chaoyang")).body("status", equalTo("ASSIGNED"));
        int version = given().get("/api/tasks/" + taskId).then().extract().path("version");
        reassign(taskId, key, "chaoyang").then().statusCode(200).body("version", equalTo(version));
        reassign(taskId, "other-" + key, "xicheng; drop").then().statusCode(400)
                .body("errors[0].field", equalTo("departmentCode"));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aWithdrawnTaskIsNoDepartmentsAndWaitsToBeAssignedAgain() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        withdraw(taskId, "proc-" + taskId + ":recordWithdrawal").then().statusCode(200)
                .body("leadDepartmentCode", nullValue()).body("status", equalTo("DRAFT"));
        withdraw(taskId, "proc-" + taskId + ":recordWithdrawal").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void anAcceptedTaskIsNeitherReassignedNorWithdrawn() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "accept-" + taskId)
                .body("{\"departmentCode\":\"haidian\",\"acceptedBy\":\"li.na\"}")
                .put("/api/tasks/" + taskId + "/acceptance").then().statusCode(200);
        reassign(taskId, "r-" + taskId, "chaoyang").then().statusCode(409).contentType("application/problem+json");
        withdraw(taskId, "w-" + taskId).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "liu.yang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"chaoyang\"]", type = ClaimType.JSON_ARRAY))
    void theDepartmentAskedToAcceptAReassignedTaskReadsIt() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        given().get("/api/tasks/" + taskId).then().statusCode(404);
        change(taskId, task -> task.reassignTo("chaoyang"));
        given().get("/api/tasks/" + taskId).then().statusCode(200).body("leadDepartmentCode", equalTo("chaoyang"));
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void theDepartmentThatReturnedATaskNoLongerReadsItOnceReassignedOrWithdrawn() {
        long reassigned = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        long withdrawn = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        given().get("/api/tasks/" + reassigned).then().statusCode(200);
        change(reassigned, task -> task.reassignTo("chaoyang"));
        change(withdrawn, PlanTask::withdrawAssignment);
        given().get("/api/tasks/" + reassigned).then().statusCode(404);
        given().get("/api/tasks/" + withdrawn).then().statusCode(404);
    }

    private void change(long taskId, java.util.function.Consumer<PlanTask> transition) {
        QuarkusTransaction.requiringNew().run(() -> transition.accept(tasks.findById(taskId)));
    }

    private static Response reassign(long taskId, String key, String department) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"departmentCode\":\"" + department + "\",\"by\":\"chen.jing\"}")
                .put("/api/tasks/" + taskId + "/reassignment");
    }

    private static Response withdraw(long taskId, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"by\":\"chen.jing\",\"note\":\"任务取消\"}")
                .put("/api/tasks/" + taskId + "/withdrawal");
    }
}
