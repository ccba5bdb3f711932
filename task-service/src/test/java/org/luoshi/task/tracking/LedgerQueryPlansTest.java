package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The ledger is read many thousand times (the bench's "recorded" check): a repeated request reuses Hibernate's
 * translation of each of its queries instead of translating it anew (issue 15). Hibernate caches no translation of a
 * query with a parameter that may be bound to a list (one bound to a list, {@code in :p}, or one in the select clause):
 * such a query shows as executed with a hit for its parsed text only. Counted, never timed.
 */
@QuarkusTest
class LedgerQueryPlansTest {
    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Test
    @TestSecurity(user = "multi.dept", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"fengtai\",\"daxing\"]", type = ClaimType.JSON_ARRAY))
    void aRepeatedFilteredLedgerPageOfAStaffCallerReusesEveryQueryPlan() {
        long planId = fixtures.planInForce();
        for (String lead : new String[] { "fengtai", "daxing", "tongzhou" }) {
            fixtures.assignedTask(planId, lead);
        }
        String page = "/api/tasks?planId=" + planId + "&status=ASSIGNED&status=ACCEPTED&light=GREEN&light=NONE&light=YELLOW";
        given().when().get(page).then().statusCode(200).body("total", equalTo(2));

        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        given().when().get(page).then().statusCode(200).body("total", equalTo(2));
        long executed = statistics.getQueryExecutionCount();
        long hits = statistics.getQueryPlanCacheHitCount();
        long misses = statistics.getQueryPlanCacheMissCount();
        statistics.setStatisticsEnabled(false);

        assertThat(executed).isPositive();
        assertThat(misses).isZero();
        // each query: one hit for its parsed HQL, one for its translation to SQL
        assertThat(hits).isEqualTo(2 * executed);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aStatusRepeatedInTheFilterDoesNotCrowdOutAnother() {
        long planId = fixtures.planInForce();
        fixtures.assignedTask(planId, "fengtai");

        given().when().get("/api/tasks?planId=" + planId + "&status=ACCEPTED&status=ACCEPTED&status=ACCEPTED&status=ACCEPTED"
                + "&status=COMPLETED&status=ASSIGNED").then().statusCode(200).body("total", equalTo(1));
    }
}
