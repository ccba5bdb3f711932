package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.shared.application.BusinessCalendar;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

/** 考核 over the API: a known history of one department's milestones and reports, and who may ask. */
@QuarkusTest
class DepartmentAssessmentTest {
    @Inject
    Fixtures fixtures;

    @Inject
    BusinessCalendar calendar;

    static ValidatableResponse assessment(long planId, String query) {
        return given().when().get("/api/plans/" + planId + "/department-assessment" + query).then();
    }

    /**
     * Reports are submitted today. Haidian: due 10 days ago, reported today (late, 10); due in 5 days, reported
     * (on time); due 20 days ago, reported and returned (missing, 20; one returned); due in 10 days (not yet judged);
     * due 100 days ago (outside the period). Average days late (10 + 20) / 2 = 15.0; its one task is red today.
     */
    @Test
    @TestSecurity(user = "chen.jing", roles = { "supervisor", "service" })
    void aKnownHistoryGivesTheHandCheckedFiguresPerDepartment() {
        LocalDate today = calendar.today();
        long planId = fixtures.planInForce();
        long task = fixtures.assignedTask(planId, "haidian", List.of("chaoyang"), today.plusYears(1), "海淀区牵头的任务");
        long late = fixtures.milestone(task, "迟交", today.minusDays(10));
        long onTime = fixtures.milestone(task, "按时", today.plusDays(5));
        long returned = fixtures.milestone(task, "退回", today.minusDays(20));
        fixtures.milestone(task, "未到期", today.plusDays(10));
        fixtures.milestone(task, "评估期外", today.minusDays(100));
        MilestoneReportsTest.put(late, "late-" + late, MilestoneReportsTest.report("LEAD", "haidian", "")).then().statusCode(200);
        MilestoneReportsTest.put(onTime, "ontime-" + onTime, MilestoneReportsTest.report("LEAD", "haidian", ""))
                .then().statusCode(200);
        MilestoneReportsTest.put(returned, "ret-" + returned, MilestoneReportsTest.report("LEAD", "haidian", ""))
                .then().statusCode(200);
        MilestoneReportsTest.decide("ret-" + returned, "{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\","
                + "\"comment\":\"缺少佐证材料\",\"decidedOn\":\"" + today + "\"}").then().statusCode(200);

        assessment(planId, "?from=" + today.minusDays(60) + "&to=" + today.plusDays(30)).statusCode(200)
                .body("asOf", equalTo(today.toString()))
                .body("taskIds", contains((int) task))
                .body("departments", hasSize(1))
                .body("departments[0].departmentCode", equalTo("haidian"))
                .body("departments[0].nameZh", equalTo("海淀区"))
                .body("departments[0].onTime", equalTo(1))
                .body("departments[0].late", equalTo(1))
                .body("departments[0].missing", equalTo(1))
                .body("departments[0].notDue", equalTo(1))
                .body("departments[0].averageDaysLate", equalTo(15.0f))
                .body("departments[0].returned", equalTo(1))
                .body("departments[0].red", equalTo(1))
                .body("departments[0].green", equalTo(0));

        // a period that ended before the reports: nothing reported by its end, all three missing then
        assessment(planId, "?from=" + today.minusDays(60) + "&to=" + today.minusDays(1)).statusCode(200)
                .body("asOf", equalTo(today.minusDays(1).toString()))
                .body("departments[0].onTime", equalTo(0))
                .body("departments[0].missing", equalTo(2))
                .body("departments[0].returned", equalTo(0))
                .body("departments[0].averageDaysLate", equalTo(14.0f));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPeriodMissingADateOrEndingBeforeItStartsIsA400NamingTheField() {
        long planId = fixtures.planInForce();
        assessment(planId, "?to=2025-12-31").statusCode(400).body("errors[0].field", equalTo("from"));
        assessment(planId, "?from=2025-01-01").statusCode(400).body("errors[0].field", equalTo("to"));
        assessment(planId, "?from=2025-01-01&to=2024-12-31").statusCode(400).body("errors[0].field", equalTo("to"));
        assessment(planId, "?from=2025-13-01&to=2025-12-31").statusCode(400);
        assessment(Long.MAX_VALUE, "?from=2025-01-01&to=2025-12-31").statusCode(404);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPlanWithoutTasksHasNoDepartments() {
        assessment(fixtures.planInForce(), "?from=2025-01-01&to=2025-12-31").statusCode(200)
                .body("departments", hasSize(0)).body("taskIds", hasSize(0));
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void staffMayNotSeeIt() {
        assessment(fixtures.planInForce(), "?from=2025-01-01&to=2025-12-31").statusCode(403);
    }

    @Test
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    void evaluatorsMayNotSeeIt() {
        assessment(fixtures.planInForce(), "?from=2025-01-01&to=2025-12-31").statusCode(403);
    }
}
