package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.application.EvaluationPublished;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.tracking.EvidenceFilesTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** What workflow-service records: self-assessments, submission, review and publication. */
@QuarkusTest
@TestSecurity(user = "workflow", roles = "service")
class EvaluationTransitionsTest {
    @Inject
    EvaluationFixtures fixtures;

    @Inject
    PublishedEvents published;

    /** Remembers the publications disclosure would see. */
    @ApplicationScoped
    static class PublishedEvents {
        final List<EvaluationPublished> seen = new ArrayList<>();

        void on(@Observes EvaluationPublished event) {
            seen.add(event);
        }

        List<EvaluationPublished> of(long evaluationId) {
            return seen.stream().filter(e -> e.evaluationId() == evaluationId).toList();
        }
    }

    static io.restassured.response.Response selfAssessment(long id, String department, String summary) {
        return given().contentType(ContentType.JSON)
                .body("{\"summary\":\"" + summary + "\",\"achievements\":\"建成平台\",\"problems\":\"资金不足\","
                        + "\"nextSteps\":\"加快建设\",\"submittedBy\":\"li.na\"}")
                .when().put("/api/evaluations/" + id + "/self-assessments/" + department);
    }

    static io.restassured.response.Response review(long id, String decision, String comment) {
        return given().contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\"," + (comment == null ? "" : "\"comment\":\"" + comment + "\",")
                        + "\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluations/" + id + "/review");
    }

    @Test
    void aDepartmentsSelfAssessmentIsRecordedOnceAndMakesTheReportOutOfDate() {
        long id = fixtures.launchedEvaluation("kjpg");
        fixtures.currentReports(id);
        selfAssessment(id, "haidian", "海淀区自评").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("departmentName", equalTo("海淀区"))
                .body("submittedBy", equalTo("li.na"));
        int version = given().when().get("/api/evaluations/" + id).then().body("reportsCurrent", equalTo(false))
                .extract().path("version");
        // the same text again changes nothing
        selfAssessment(id, "haidian", "海淀区自评").then().statusCode(200);
        given().when().get("/api/evaluations/" + id).then().body("version", equalTo(version));
        given().when().get("/api/evaluations/" + id + "/self-assessments").then()
                .body("status", org.hamcrest.Matchers.contains("MISSING", "MISSING", "SUBMITTED"));
    }

    @Test
    void aSelfAssessmentOfADepartmentOutOfScopeOrWithoutSummaryIsRefused() {
        long id = fixtures.launchedEvaluation("kjpg");
        selfAssessment(id, "eit", "不在范围").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"summary\":\" \",\"submittedBy\":\"li.na\"}")
                .when().put("/api/evaluations/" + id + "/self-assessments/haidian")
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
        selfAssessment(999999999L, "haidian", "x").then().statusCode(404);
        fixtures.status(id, EvaluationStatus.IN_REVIEW);
        selfAssessment(id, "haidian", "迟到的自评").then().statusCode(409);
    }

    @Test
    void submissionNeedsAReportGeneratedAfterTheLastChange() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/evaluations/" + id + "/submission")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("generate the report again"));
        fixtures.currentReports(id);
        selfAssessment(id, "drc", "发改委自评").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/evaluations/" + id + "/submission")
                .then().statusCode(409);
        fixtures.currentReports(id);
        given().contentType(ContentType.JSON).body("{\"by\":\"zhao.min\"}").when().post("/api/evaluations/" + id + "/submission")
                .then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        // a retried step changes nothing
        given().when().post("/api/evaluations/" + id + "/submission").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void aReturnNeedsACommentAndSendsTheEvaluationBackToTheEvaluator() {
        long id = fixtures.launchedEvaluation("kjpg");
        review(id, "APPROVE", null).then().statusCode(409);
        fixtures.status(id, EvaluationStatus.IN_REVIEW);
        review(id, "RETURN", null).then().statusCode(400).body("errors[0].field", equalTo("comment"));
        review(id, "RETURN", "  ").then().statusCode(400).body("errors[0].field", equalTo("comment"));
        review(id, "MAYBE", "x").then().statusCode(400).body("errors[0].field", equalTo("decision"));
        review(id, "RETURN", "请补充指标分析").then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("reviewComment", equalTo("请补充指标分析"))
                .body("reviewedBy", equalTo("chen.jing"));
        review(id, "RETURN", "请补充指标分析").then().statusCode(200).body("status", equalTo("RETURNED"));
        review(id, "APPROVE", null).then().statusCode(409);
        fixtures.currentReports(id);
        given().when().post("/api/evaluations/" + id + "/submission").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        review(id, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void publicationOfAnApprovedEvaluationHandsBothReportFilesToDisclosureOnce() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().post("/api/evaluations/" + id + "/publication").then().statusCode(409)
                .body("detail", containsString("only an approved evaluation"));
        fixtures.currentReports(id);
        given().when().post("/api/evaluations/" + id + "/submission").then().statusCode(200);
        given().when().post("/api/evaluations/" + id + "/publication").then().statusCode(409);
        review(id, "APPROVE", "同意").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"by\":\"chen.jing\"}").when().post("/api/evaluations/" + id + "/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("chen.jing"));
        given().when().post("/api/evaluations/" + id + "/publication").then().statusCode(200);

        List<EvaluationPublished> events = published.of(id);
        assertThat(events).hasSize(1);
        EvaluationPublished event = events.get(0);
        assertThat(event.title()).endsWith("中期评估报告");
        assertThat(event.publishedBy()).isEqualTo("chen.jing");
        assertThat(event.files()).extracting(EvaluationPublished.ReportFile::mediaType)
                .containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf");
        event.files().forEach(f -> assertThat(EvidenceFilesTest.sha256(f.content())).isEqualTo(f.sha256()));
        assertThat(event.asOf()).isEqualTo(fixtures.evaluation(id).snapshotDate);
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        long id = fixtures.launchedEvaluation("kjpg");
        selfAssessment(id, "haidian", "自评").then().statusCode(200);
        fixtures.currentReports(id);
        given().when().post("/api/evaluations/" + id + "/submission").then().statusCode(200);
        review(id, "APPROVE", null).then().statusCode(200);
        given().when().post("/api/evaluations/" + id + "/publication").then().statusCode(200);
        List<String> actions = fixtures.auditActions(id);
        assertThat(actions).contains("evaluation.launched", "evaluation.self-assessment-submitted", "evaluation.submitted",
                "evaluation.reviewed", "evaluation.published");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void peopleMoveAnEvaluationOnlyThroughTheWorkflow() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().post("/api/evaluations/" + id + "/submission").then().statusCode(403);
        review(id, "APPROVE", null).then().statusCode(403);
        given().when().post("/api/evaluations/" + id + "/publication").then().statusCode(403);
        selfAssessment(id, "haidian", "x").then().statusCode(403);
    }
}
