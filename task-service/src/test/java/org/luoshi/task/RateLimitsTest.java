package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

/**
 * No single user can call a costly operation in a loop: report generation, plan import, ledger export and audit
 * verification answer 429 with Retry-After once the user's calls in the current window reach the limit. The window
 * is filled in the database (where every node counts) instead of by thousands of calls.
 */
@QuarkusTest
class RateLimitsTest {
    @Inject
    DataSource dataSource;

    @Test
    @TestSecurity(user = "limit.verifier", roles = "supervisor")
    void verifyingTheAuditChainIsRefusedWith429AndRetryAfterOnceTheUsersLimitIsReached() {
        calls("limit.verifier", "audit-verification", limit("audit-verification") - 1);
        given().when().get("/api/audit/verify").then().statusCode(200);
        refused(given().when().get("/api/audit/verify").then());
    }

    @Test
    @TestSecurity(user = "limit.exporter", roles = "supervisor")
    void exportingTheLedgerIsRefusedWith429OnceTheUsersLimitIsReached() {
        calls("limit.exporter", "ledger-export", limit("ledger-export"));
        refused(given().when().get("/api/plans/1/ledger").then());
    }

    @Test
    @TestSecurity(user = "limit.importer", roles = "supervisor")
    void importingPlansIsRefusedWith429OnceTheUsersLimitIsReached() {
        calls("limit.importer", "plan-import", limit("plan-import"));
        refused(given().contentType("text/plain").body("规划").when().post("/api/plan-imports").then());
    }

    @Test
    @TestSecurity(user = "limit.evaluator", roles = "evaluator")
    void generatingReportsIsRefusedWith429OnceTheUsersLimitIsReached() {
        calls("limit.evaluator", "report-generation", limit("report-generation"));
        refused(given().when().post("/api/evaluations/1/reports").then());
    }

    @Test
    @TestSecurity(user = "limit.other", roles = "supervisor")
    void oneUsersLimitDoesNotStopAnother() {
        calls("limit.someone", "audit-verification", limit("audit-verification"));
        given().when().get("/api/audit/verify").then().statusCode(200);
    }

    private static void refused(ValidatableResponse response) {
        String retryAfter = response.statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://luoshi.org/problems/too-many-requests"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3601L);
    }

    /** The configured number of calls of the operation per window. */
    private static int limit(String operation) {
        return ConfigProvider.getConfig().getValue("luoshi.rate-limits." + operation + ".requests", Integer.class);
    }

    /** As if the user had already called the operation this many times in the current hour. */
    private void calls(String username, String operation, int hits) {
        Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into rate_limit_window (username, operation, window_start, hits) values (?, ?, ?, ?)"
                        + " on conflict (username, operation, window_start) do update set hits = excluded.hits")) {
            insert.setString(1, username);
            insert.setString(2, operation);
            insert.setTimestamp(3, Timestamp.from(window));
            insert.setInt(4, hits);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
