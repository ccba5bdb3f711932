package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/**
 * 逾期 on the dashboard: a task is late by an open milestone past its due date — not a task due in a year whose
 * milestones are on time — and the list says by how many days, the latest first; each caller sees only their tasks'.
 */
@QuarkusTest
class OverdueMilestonesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Fixtures fixtures;

    private long planId;
    private long lateTask;
    private long lateMilestone;
    private long laterMilestone;

    private void plan() {
        planId = fixtures.planInForce();
        lateTask = fixtures.assignedTask(planId, "haidian", List.of(), TODAY.plusYears(1), "海淀区的逾期任务");
        lateMilestone = fixtures.milestone(lateTask, "方案编制", TODAY.minusDays(5));
        fixtures.milestone(lateTask, "年度目标", TODAY.plusMonths(6));
        long otherLate = fixtures.assignedTask(planId, "chaoyang", List.of(), TODAY.plusYears(1), "朝阳区的逾期任务");
        laterMilestone = fixtures.milestone(otherLate, "建设启动", TODAY.minusDays(155));
        // due next year, its one milestone on time: not late
        long onTime = fixtures.assignedTask(planId, "haidian", List.of(), TODAY.plusYears(1), "按期任务");
        fixtures.milestone(onTime, "按期节点", TODAY.plusDays(40));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisorSeesEachOverdueMilestoneWithItsDaysLateTheLatestFirstAndNoTaskThatIsOnTime() {
        plan();
        JsonPath overdue = given().get("/api/plans/" + planId + "/overdue-milestones").then().statusCode(200).extract().jsonPath();
        assertThat(overdue.getLong("total")).isEqualTo(2);
        assertThat(overdue.getLong("tasks")).isEqualTo(2);
        assertThat(overdue.getList("items.milestoneId", Long.class)).containsExactly(laterMilestone, lateMilestone);
        assertThat(overdue.getList("items.daysLate", Long.class)).containsExactly(155L, 5L);
        assertThat(overdue.getList("items.taskTitle", String.class)).doesNotContain("按期任务");
        assertThat(overdue.getString("items[1].milestoneTitle")).isEqualTo("方案编制");
        assertThat(overdue.getString("items[1].leadDepartmentName")).isEqualTo("海淀区");
        assertThat(overdue.getString("items[1].dueDate")).isEqualTo(TODAY.minusDays(5).toString());

        assertThat(given().queryParam("size", 1).queryParam("page", 1).get("/api/plans/" + planId + "/overdue-milestones")
                .then().statusCode(200).extract().jsonPath().getList("items.milestoneId", Long.class)).containsExactly(lateMilestone);
        given().queryParam("size", 0).get("/api/plans/" + planId + "/overdue-milestones").then().statusCode(400);
        given().get("/api/plans/" + Long.MAX_VALUE + "/overdue-milestones").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffSeeOnlyTheirDepartmentsOverdueMilestones() {
        plan();
        JsonPath overdue = given().get("/api/plans/" + planId + "/overdue-milestones").then().statusCode(200).extract().jsonPath();
        assertThat(overdue.getList("items.milestoneId", Long.class)).containsExactly(lateMilestone);
        assertThat(overdue.getLong("total")).isEqualTo(1);
    }
}
