package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Which tasks a department's staff see, read from the departments claim (fast: identity by @TestSecurity). */
@QuarkusTest
class TaskVisibilityTest {
    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "multi.dept", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"fengtai\",\"daxing\"]", type = ClaimType.JSON_ARRAY))
    void staffOfTwoDepartmentsSeeTheTasksOfBothAndNoOthers() {
        long planId = fixtures.planInForce();
        for (String lead : List.of("fengtai", "daxing", "tongzhou")) {
            fixtures.assignedTask(planId, lead);
        }

        given().when().get("/api/tasks?planId=" + planId)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.leadDepartmentCode", hasItems("fengtai", "daxing"))
                .body("items.leadDepartmentCode", everyItem(in(List.of("fengtai", "daxing"))));
    }

    @Test
    @TestSecurity(user = "no.dept", roles = "staff")
    void staffWithoutADepartmentSeeNoTasks() {
        given().when().get("/api/tasks?size=200").then().statusCode(200).body("total", equalTo(0));
    }
}
