package org.luoshi.task.tracking;

import org.luoshi.task.Fixtures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.luoshi.task.tracking.domain.PlanTask;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The 台账 costs one page of tasks however many match: the database counts, orders and pages. */
@QuarkusTest
class TaskListPagingTest {
    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPageOfTheLedgerLoadsOnlyTheTasksOfThatPageAndCountsTheRest() {
        long planId = fixtures.planInForce();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(fixtures.assignedTask(planId, "haidian"));
        }
        sessions.getStatistics().setStatisticsEnabled(true);
        sessions.getStatistics().clear();

        given().queryParam("planId", planId).queryParam("page", 3).queryParam("size", 5).queryParam("sort", "reference")
                .when().get("/api/tasks")
                .then().statusCode(200)
                .body("total", equalTo(40))
                .body("countsByStatus.ASSIGNED", equalTo(40))
                .body("countsByLight.NONE", equalTo(40))
                .body("items.id", contains(ids.subList(15, 20).stream().map(Long::intValue).toArray()));

        long loaded = sessions.getStatistics().getEntityStatistics(PlanTask.class.getName()).getLoadCount();
        sessions.getStatistics().setStatisticsEnabled(false);
        assertThat(loaded).isLessThanOrEqualTo(5);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPageBeyondTheLastIsEmptyAndStillCounts() {
        long planId = fixtures.planInForce();
        fixtures.assignedTask(planId, "haidian");
        given().queryParam("planId", planId).queryParam("page", 1000).queryParam("size", 500)
                .when().get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items.size()", equalTo(0));
    }
}
