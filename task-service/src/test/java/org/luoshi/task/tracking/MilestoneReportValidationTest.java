package org.luoshi.task.tracking;

import org.luoshi.task.Fixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A report citing evidence of another department's milestone is refused by task-service, and workflow-service can
 * learn so before it accepts the report: {@code POST /api/milestones/{id}/reports/validation} answers the same 400
 * naming the field, and records nothing.
 */
@QuarkusTest
class MilestoneReportValidationTest {
    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aReportCitingEvidenceOfAnotherDepartmentsMilestoneIsRefusedBeforeItIsAcceptedNamingTheEvidence() {
        long planId = fixtures.planInForce();
        long haidian = fixtures.milestone(fixtures.assignedTask(planId, "haidian", List.of(), LocalDate.of(2030, 12, 31),
                "海淀区的任务"), "完成方案", LocalDate.of(2030, 6, 30));
        long chaoyang = fixtures.milestone(fixtures.assignedTask(planId, "chaoyang", List.of(), LocalDate.of(2030, 12, 31),
                "朝阳区的任务"), "完成方案", LocalDate.of(2030, 6, 30));
        long foreign = fixtures.evidence(chaoyang, "朝阳区的材料.pdf", EvidenceFilesTest.PDF);
        String body = MilestoneReportsTest.report("LEAD", "haidian", ",\"evidenceIds\":[" + foreign + "]");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/milestones/" + haidian + "/reports/validation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("evidenceIds[0]"));
        MilestoneReportsTest.put(haidian, "foreign-" + haidian, body)
                .then().statusCode(400).body("errors[0].field", equalTo("evidenceIds[0]"));
        given().when().get("/api/milestones/" + haidian + "/reports").then().statusCode(200).body("$", empty());

        long own = fixtures.evidence(haidian, "海淀区的材料.pdf", EvidenceFilesTest.PDF);
        given().contentType(ContentType.JSON)
                .body(MilestoneReportsTest.report("LEAD", "haidian", ",\"evidenceIds\":[" + own + "]"))
                .when().post("/api/milestones/" + haidian + "/reports/validation")
                .then().statusCode(204);
        given().when().get("/api/milestones/" + haidian + "/reports").then().statusCode(200).body("$", empty());
    }
}
