package org.luoshi.workflow.escalation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.luoshi.workflow.WorkflowApi.as;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The administrators read the reminder ladder the service runs with (application.properties' defaults here). */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class LadderResourceTest {

    @Test
    void theAdminReadsEachRungsOffsetAndRecipientsAsConfigured() {
        as(DemoUsers.ADMIN).when().get("/api/ladder")
                .then().statusCode(200)
                .body("rungs.rung", contains("reminder", "urging", "supervision"))
                .body("rungs.label", contains("提醒", "催办", "督办"))
                .body("rungs[0].offset", equalTo("PT-168H"))
                .body("rungs[0].offsetDays", equalTo(-7))
                .body("rungs[0].recipients", contains("lead"))
                .body("rungs[1].offsetDays", equalTo(1))
                .body("rungs[2].offsetDays", equalTo(7))
                .body("rungs[2].recipients", contains("lead", "supervision"))
                .body("timeOfDay", equalTo("09:00"))
                .body("zone", equalTo("Asia/Shanghai"));
    }

    @Test
    void theSupervisorMayReadItToo() {
        as(DemoUsers.SUPERVISOR).when().get("/api/ladder").then().statusCode(200).body("rungs.size()", equalTo(3));
    }

    @Test
    void staffMayNotAndNobodyWithoutAToken() {
        as(DemoUsers.STAFF_STC).when().get("/api/ladder").then().statusCode(403);
        given().when().get("/api/ladder").then().statusCode(401).body("rungs", nullValue());
    }
}
