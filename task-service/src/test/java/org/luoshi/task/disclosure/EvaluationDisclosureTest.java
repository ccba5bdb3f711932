package org.luoshi.task.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.application.EvaluationPublished;
import org.luoshi.task.plan.domain.PlanStatus;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** An evaluation's publication makes its report files public with a status snapshot that lists them. */
@QuarkusTest
class EvaluationDisclosureTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    DisclosureFixtures fixtures;

    @Test
    void thePublishedReportFilesAreDownloadableAndListedInAnEvaluationSnapshot() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        byte[] pdf = "%PDF-1.7 评估报告".getBytes(StandardCharsets.UTF_8);
        byte[] docx = "PK\u0003\u0004 docx".getBytes(StandardCharsets.UTF_8);
        long evaluationId = System.nanoTime() % 1_000_000_000L;
        fixtures.fireEvaluationPublished(DisclosureFixtures.event(planId, evaluationId, List.of(
                DisclosureFixtures.file("中期评估报告.pdf", "application/pdf", pdf),
                DisclosureFixtures.file("中期评估报告.docx", DOCX, docx))), false);

        JsonPath latest = given().queryParam("planId", planId).when().get("/api/public/snapshots/latest")
                .then().statusCode(200).extract().jsonPath();
        assertThat(latest.getString("trigger")).isEqualTo("EVALUATION");
        assertThat(latest.getLong("evaluation.id")).isEqualTo(evaluationId);
        assertThat(latest.getList("documents.filename")).containsExactly("中期评估报告.pdf", "中期评估报告.docx");
        assertThat(latest.getList("documents.evaluationId", Long.class)).containsOnly(evaluationId);
        String href = latest.getString("documents[0].href");

        Response download = given().when().get(href);
        download.then().statusCode(200).contentType("application/pdf")
                .header("ETag", equalTo("\"" + DisclosureFixtures.sha256(pdf) + "\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E4%B8%AD%E6%9C%9F"))
                .header("Cache-Control", containsString("immutable"));
        assertThat(download.asByteArray()).isEqualTo(pdf);
        given().when().get(latest.getString("documents[1].href")).then().statusCode(200).contentType(DOCX);
        given().header("If-None-Match", "\"" + DisclosureFixtures.sha256(pdf) + "\"").when().get(href).then().statusCode(304);
    }

    @Test
    void whenTheEvaluationsPublicationFailsNothingOfItIsPublished() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        long evaluationId = System.nanoTime() % 1_000_000_000L;
        fixtures.fireEvaluationPublished(DisclosureFixtures.event(planId, evaluationId,
                List.of(DisclosureFixtures.file("报告.pdf", "application/pdf", "%PDF rolled back".getBytes(StandardCharsets.UTF_8)))),
                true);
        given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(404);
        given().queryParam("planId", planId).when().get("/api/public/snapshots/latest").then().statusCode(404);
    }

    @Test
    void aReportFileWhoseHashDoesNotMatchFailsThePublication() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        EvaluationPublished.ReportFile tampered = new EvaluationPublished.ReportFile("报告.pdf", "application/pdf",
                "%PDF changed".getBytes(StandardCharsets.UTF_8), "0".repeat(64));
        assertThatThrownBy(() -> fixtures.fireEvaluationPublished(DisclosureFixtures.event(planId, 77, List.of(tampered)), false))
                .hasStackTraceContaining("SHA-256");
        given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(404);
    }

    @Test
    void anEvaluationOfADraftPlanIsNotPublished() {
        long planId = fixtures.plan(PlanStatus.DRAFT).planId();
        assertThatThrownBy(() -> fixtures.fireEvaluationPublished(DisclosureFixtures.event(planId, 78,
                List.of(DisclosureFixtures.file("报告.pdf", "application/pdf", new byte[] { 1 }))), false))
                .hasStackTraceContaining("draft");
        given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(404);
    }

    @Test
    void theSameEvaluationPublishedTwiceIsDisclosedOnce() {
        long planId = fixtures.plan(PlanStatus.IN_FORCE).planId();
        long evaluationId = System.nanoTime() % 1_000_000_000L;
        EvaluationPublished event = DisclosureFixtures.event(planId, evaluationId,
                List.of(DisclosureFixtures.file("报告.pdf", "application/pdf", "%PDF once".getBytes(StandardCharsets.UTF_8))));
        fixtures.fireEvaluationPublished(event, false);
        fixtures.fireEvaluationPublished(event, false);
        given().when().get("/api/public/plans/" + planId + "/snapshots").then().statusCode(200)
                .body("size()", equalTo(1));
        JsonPath latest = given().queryParam("planId", planId).when().get("/api/public/snapshots/latest").then().extract().jsonPath();
        assertThat(latest.getList("documents")).hasSize(1);
    }
}
