package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.evaluation.EvaluationFixtures;
import org.luoshi.task.evaluation.EvaluationLaunchTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * workflow-service retries its calls, and a retry may overlap the attempt it repeats: calls with the same key that
 * arrive together have one effect, and each gets that effect's outcome.
 */
@QuarkusTest
@TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
class IdempotentConcurrentCallsTest {
    private static final int CALLS = 6;

    @Inject
    Fixtures fixtures;

    @Inject
    EvaluationFixtures evaluationFixtures;

    /** Starts the same call CALLS times at once and returns the answers. */
    static List<Response> together(Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> result = new ArrayList<>();
            for (Future<Response> answer : answers) {
                result.add(answer.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::statusCode).collect(Collectors.toList());
    }

    @Test
    void concurrentAcceptancesWithOneKeyAcceptOnceAndAllAnswerThatAcceptance() throws Exception {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        String key = "proc-" + taskId + ":recordAcceptance";
        List<Response> answers = together(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"departmentCode\":\"haidian\",\"acceptedBy\":\"li.na\"}")
                .when().put("/api/tasks/" + taskId + "/acceptance"));
        assertThat(statuses(answers), everyItem(equalTo(200)));
        assertThat(answers.stream().map(a -> a.path("acceptedAt")).distinct().toList(), hasSize(1));
        assertThat(answers.stream().map(a -> (Object) a.path("version")).distinct().toList(), hasSize(1));
        int version = given().when().get("/api/tasks/" + taskId).then().extract().path("version");
        assertThat(answers.get(0).path("version"), equalTo(version));
    }

    @Test
    void concurrentAdjustmentsWithOneKeyMakeOneRevision() throws Exception {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of("chaoyang"), LocalDate.of(2025, 12, 31),
                "建设创新中心");
        String key = "proc-" + taskId + ":applyAdjustment";
        String body = "{\"taskId\":" + taskId + ",\"reasonCategory\":\"POLICY_CHANGE\",\"justification\":\"国家政策调整\","
                + "\"requestedBy\":\"li.na\",\"reviewedBy\":\"chen.jing\",\"approvedBy\":\"sun.lei\",\"newDueDate\":\"2026-06-30\"}";
        List<Response> answers = together(() -> given().contentType(ContentType.JSON).body(body)
                .when().put("/api/adjustments/" + key));
        assertThat(statuses(answers), everyItem(equalTo(200)));
        assertThat(answers.stream().map(a -> (Object) a.path("revision")).distinct().toList(), hasSize(1));
        given().when().get("/api/tasks/" + taskId + "/revisions").then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void concurrentReportsAndDecisionsWithOneKeyAreRecordedOnce() throws Exception {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of(), LocalDate.of(2025, 12, 31), "海淀任务");
        long milestoneId = fixtures.milestone(taskId, "完成方案", LocalDate.of(2025, 6, 30));
        String key = "lead-" + milestoneId;
        List<Response> reports = together(() -> given().contentType(ContentType.JSON)
                .body("{\"kind\":\"LEAD\",\"departmentCode\":\"haidian\",\"submittedBy\":\"li.na\",\"text\":\"方案已完成\","
                        + "\"percent\":100}")
                .when().put("/api/milestones/" + milestoneId + "/reports/" + key));
        assertThat(statuses(reports), everyItem(equalTo(200)));
        assertThat(reports.stream().map(a -> a.path("submittedAt")).distinct().toList(), hasSize(1));

        List<Response> decisions = together(() -> given().contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\",\"decidedBy\":\"chen.jing\",\"decidedOn\":\"2026-11-26\"}")
                .when().put("/api/milestone-reports/" + key + "/decision"));
        assertThat(statuses(decisions), everyItem(equalTo(200)));
        assertThat(decisions.stream().map(a -> a.path("decidedAt")).distinct().toList(), hasSize(1));
    }

    @Test
    void concurrentLaunchesWithOneKeyCreateOneEvaluation() throws Exception {
        String body = EvaluationLaunchTest.body(evaluationFixtures.plan().planId());
        String key = java.util.UUID.randomUUID() + ":createEvaluation";
        List<Response> answers = together(() -> EvaluationLaunchTest.launch(key, body));
        // a repeat answers like the first call (201 with the same evaluation)
        assertThat(statuses(answers), everyItem(equalTo(201)));
        assertThat(answers.stream().map(a -> (Object) a.path("id")).distinct().toList(), hasSize(1));
    }
}
