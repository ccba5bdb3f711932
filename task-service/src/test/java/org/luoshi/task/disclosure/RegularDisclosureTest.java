package org.luoshi.task.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.disclosure.application.DisclosureService;
import org.luoshi.task.plan.domain.PlanStatus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** 定期公布: the schedule, and the job's work on given days (the job itself is off in tests). */
@QuarkusTest
class RegularDisclosureTest {
    @Inject
    DisclosureFixtures fixtures;

    @Inject
    DisclosureService disclosure;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aMonthlySchedulePublishesOncePerMonth() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        setSchedule(planId, null, "MONTHLY", true).then().statusCode(200).header("ETag", equalTo("W/\"0\""));

        assertThat(publishedFor(planId, LocalDate.of(2026, 3, 10))).hasSize(1);
        assertThat(publishedFor(planId, LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(publishedFor(planId, LocalDate.of(2026, 4, 1))).hasSize(1);
        given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(200)
                .body("asOf", equalTo(List.of("2026-04-01", "2026-03-10")))
                .body("trigger", equalTo(List.of("SCHEDULED", "SCHEDULED")));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aQuarterlySchedulePublishesOncePerQuarter() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        setSchedule(planId, null, "QUARTERLY", true).then().statusCode(200);
        assertThat(publishedFor(planId, LocalDate.of(2026, 1, 5))).hasSize(1);
        assertThat(publishedFor(planId, LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(publishedFor(planId, LocalDate.of(2026, 4, 1))).hasSize(1);
        given().when().get("/api/plans/" + planId + "/disclosure-schedule").then().statusCode(200)
                .body("interval", equalTo("QUARTERLY")).body("lastScheduledAsOf", equalTo("2026-04-01"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aDisabledScheduleOrADraftPlanPublishesNothing() {
        long disabled = fixtures.plan(PlanStatus.IN_FORCE).planId();
        setSchedule(disabled, null, "MONTHLY", false).then().statusCode(200).body("nextDue", nullValue());
        long draft = fixtures.plan(PlanStatus.DRAFT).planId();
        setSchedule(draft, null, "MONTHLY", true).then().statusCode(200).body("nextDue", nullValue());

        assertThat(publishedFor(disabled, LocalDate.of(2026, 5, 2))).isEmpty();
        assertThat(publishedFor(draft, LocalDate.of(2026, 5, 2))).isEmpty();

        fixtures.confirm(draft);
        assertThat(publishedFor(draft, LocalDate.of(2026, 5, 3))).hasSize(1);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void changingAScheduleNeedsTheVersionLastReadAndIsAudited() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        given().when().get("/api/plans/" + planId + "/disclosure-schedule").then().statusCode(200)
                .body("enabled", equalTo(false)).body("interval", nullValue());
        setSchedule(planId, null, "MONTHLY", true).then().statusCode(200);
        setSchedule(planId, null, "QUARTERLY", true).then().statusCode(428);
        setSchedule(planId, "W/\"7\"", "QUARTERLY", true).then().statusCode(412);
        setSchedule(planId, "W/\"0\"", "QUARTERLY", false).then().statusCode(200)
                .body("interval", equalTo("QUARTERLY")).body("enabled", equalTo(false)).header("ETag", equalTo("W/\"1\""));
        given().contentType(ContentType.JSON).body("{\"interval\":\"WEEKLY\",\"enabled\":true}").header("If-Match", "W/\"1\"")
                .when().put("/api/plans/" + planId + "/disclosure-schedule")
                .then().statusCode(400).body("errors[0].field", equalTo("interval"));
        given().queryParam("entityType", "disclosure-schedule").queryParam("entityId", String.valueOf(planId))
                .when().get("/api/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("disclosure-schedule.changed", "disclosure-schedule.changed")))
                .body("items[0].before.interval", equalTo("MONTHLY"))
                .body("items[0].after.interval", equalTo("QUARTERLY"))
                .body("items[0].after.enabled", equalTo(false));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aScheduledPublicationIsAuditedAsTheSystems() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        setSchedule(planId, null, "MONTHLY", true).then().statusCode(200);
        long id = publishedFor(planId, LocalDate.of(2026, 7, 1)).get(0);
        given().queryParam("entityType", "disclosure-snapshot").queryParam("entityId", String.valueOf(id))
                .when().get("/api/audit").then().statusCode(200)
                .body("items[0].action", equalTo("disclosure.published"))
                .body("items[0].actor", equalTo("system"))
                .body("items[0].after.periodKey", equalTo("2026-07"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void nodesRunningTheJobAtTheSameTimePublishAPeriodOnce() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        setSchedule(planId, null, "MONTHLY", true).then().statusCode(200);
        LocalDate day = LocalDate.of(2026, 9, 1);
        // each thread runs the job as a node would, in transactions of its own, all at once
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Long> published;
        try {
            List<java.util.concurrent.CompletableFuture<List<Long>>> nodes = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return disclosure.publishDue(day);
                    }, threads)).toList();
            start.countDown();
            published = nodes.stream().flatMap(n -> n.join().stream()).toList();
        } finally {
            threads.shutdown();
        }

        List<Long> ofPlan = given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(200)
                .extract().jsonPath().getList("snapshotId", Long.class);
        assertThat(ofPlan).hasSize(1);
        assertThat(published).filteredOn(ofPlan::contains).containsExactlyElementsOf(ofPlan);
    }

    /** What the job published for this plan on the day (other tests' schedules may be due too). */
    private List<Long> publishedFor(long planId, LocalDate day) {
        // on a thread of its own, as the scheduler runs it: no caller, so the audit names the system
        List<Long> published = java.util.concurrent.CompletableFuture.supplyAsync(() -> disclosure.publishDue(day)).join();
        List<Long> ofPlan = given().when().get("/api/public/plans/" + planId + "/snapshots").then().extract().jsonPath()
                .getList("snapshotId", Long.class);
        return published.stream().filter(id -> ofPlan != null && ofPlan.contains(id)).toList();
    }

    private static io.restassured.response.Response setSchedule(long planId, String ifMatch, String interval, boolean enabled) {
        var request = given().contentType(ContentType.JSON).body("{\"interval\":\"" + interval + "\",\"enabled\":" + enabled + "}");
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/plans/" + planId + "/disclosure-schedule");
    }
}
