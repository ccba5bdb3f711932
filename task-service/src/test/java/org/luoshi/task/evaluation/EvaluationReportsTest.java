package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.application.EvaluationReportService;
import org.luoshi.task.evaluation.report.AssessmentReportModel;
import org.luoshi.task.tracking.EvidenceFilesTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The assessment report: made from the frozen snapshot and the evaluation's own data only, as .docx and .pdf with
 * their SHA-256; the same inputs give the same bytes.
 */
@QuarkusTest
@TestSecurity(user = "zhao.min", roles = "evaluator")
@OidcSecurity(claims = @Claim(key = "organisation", value = "kjpg"))
class EvaluationReportsTest {
    @Inject
    EvaluationFixtures fixtures;

    @Inject
    EvaluationReportService reports;

    @Test
    void generatingTwiceWithUnchangedInputsGivesByteIdenticalFilesAndAChangeGivesOthers() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        given().contentType(ContentType.JSON).body("[{\"subjectKind\":\"CHAPTER\",\"subjectRef\":\"三\",\"criterion\":\"completion\",\"score\":8}]")
                .when().put("/api/evaluations/" + id + "/scores").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"findings\":\"总体进展良好。\",\"recommendations\":\"加快进度。\"}")
                .when().put("/api/evaluations/" + id + "/findings").then().statusCode(200);
        String snapshotSha = given().when().get("/api/evaluations/" + id).then().extract().path("snapshotSha256");

        JsonPath first = given().when().post("/api/evaluations/" + id + "/reports").then().statusCode(201)
                .body("$", hasSize(2))
                .body("format", org.hamcrest.Matchers.contains("DOCX", "PDF"))
                .body("snapshotSha256", everyItem(equalTo(snapshotSha)))
                .body("current", everyItem(equalTo(true)))
                .extract().jsonPath();
        given().when().get("/api/evaluations/" + id).then().body("reportsCurrent", equalTo(true));

        fixtures.changeTask(plan.overdueTask());
        JsonPath second = given().when().post("/api/evaluations/" + id + "/reports").then().statusCode(201).extract().jsonPath();
        assertThat(second.getList("sha256")).isEqualTo(first.getList("sha256"));

        byte[] pdf = given().when().get("/api/evaluations/" + id + "/reports/pdf").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        assertThat(EvidenceFilesTest.sha256(pdf)).isEqualTo(second.getString("sha256[1]"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] docx = given().when().get("/api/evaluations/" + id + "/reports/DOCX").then().statusCode(200).extract().asByteArray();
        assertThat(EvidenceFilesTest.sha256(docx)).isEqualTo(second.getString("sha256[0]"));
        assertThat(docx[0]).isEqualTo((byte) 'P');

        given().contentType(ContentType.JSON).body("{\"findings\":\"总体进展较好。\",\"recommendations\":\"加快进度。\"}")
                .when().put("/api/evaluations/" + id + "/findings").then().statusCode(200);
        given().when().get("/api/evaluations/" + id + "/reports").then().body("current", everyItem(equalTo(false)));
        JsonPath third = given().when().post("/api/evaluations/" + id + "/reports").then().statusCode(201).extract().jsonPath();
        assertThat(third.getList("sha256")).doesNotContainAnyElementsOf(first.getList("sha256"));
    }

    @Test
    void theReportModelComesFromTheSnapshotNotFromTheLiveTables() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        AssessmentReportModel before = reports.model(id);
        fixtures.changeTask(plan.overdueTask());
        fixtures.changeTask(plan.laterTask());
        assertThat(reports.model(id)).isEqualTo(before);
    }

    @Test
    void theModelShowsOverdueItemsIndicatorsAndTheRequiredPathFromTheSnapshot() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        AssessmentReportModel model = reports.model(id);

        assertThat(model.kind()).isEqualTo(AssessmentReportModel.EvaluationKind.MID_TERM);
        assertThat(model.organisationName()).isEqualTo("首都科技评估中心（演示）");
        assertThat(model.asOf()).isEqualTo(fixtures.evaluation(id).snapshotDate);
        assertThat(model.overview().tasks()).isEqualTo(2);
        assertThat(model.overview().tasksOverdue()).isEqualTo(1);
        assertThat(model.overview().milestones()).isEqualTo(2);
        assertThat(model.overview().milestonesCompleted()).isEqualTo(1);
        assertThat(model.overview().milestonesOverdue()).isEqualTo(1);
        assertThat(model.overview().departmentsInScope()).isEqualTo(3);
        assertThat(model.overview().selfAssessmentsSubmitted()).isZero();
        assertThat(model.overview().chapters()).isEqualTo(2);
        assertThat(model.overview().chaptersWithTasks()).isEqualTo(1);

        assertThat(model.overdue()).extracting(AssessmentReportModel.ItemRow::status).containsExactly("任务逾期", "节点逾期");
        assertThat(model.overdue().get(0).reference()).isEqualTo("三（一）1");
        assertThat(model.overdue().get(0).department()).isEqualTo("海淀区");

        assertThat(model.byChapter()).extracting(AssessmentReportModel.CompletionRow::key).containsExactly("三");
        assertThat(model.byChapter().get(0).tasks()).isEqualTo(2);
        assertThat(model.byChapter().get(0).overdue()).isEqualTo(1);
        assertThat(model.byDepartment()).extracting(AssessmentReportModel.CompletionRow::key).containsExactly("drc", "haidian");

        AssessmentReportModel.IndicatorRow indicator = model.indicators().get(0);
        assertThat(indicator.kind()).isEqualTo("预期性");
        assertThat(indicator.comparison()).isEqualTo("不低于");
        assertThat(indicator.latestYear()).isEqualTo(2022);
        assertThat(indicator.latestValue()).isEqualByComparingTo("140");
        assertThat(indicator.preliminary()).isFalse();
        assertThat(indicator.progressPercent()).isEqualByComparingTo("40.0");
        assertThat(indicator.status()).isIn("已实现", "进度正常", "进度滞后", "难以完成");
        assertThat(indicator.values()).extracting(AssessmentReportModel.YearPoint::year).containsExactly(2021, 2022);
        assertThat(indicator.requiredPath()).hasSize(6);
        assertThat(indicator.requiredPath().get(0).value()).isEqualByComparingTo("100");
        assertThat(indicator.requiredPath().get(2).value()).isEqualByComparingTo("140");
        assertThat(indicator.requiredPath().get(5).value()).isEqualByComparingTo("200");

        assertThat(model.selfAssessments()).extracting(AssessmentReportModel.SelfAssessmentRow::departmentCode)
                .containsExactly("chaoyang", "drc", "haidian");
        assertThat(model.scores()).isEmpty();
        assertThat(model.totalScore()).isNull();
        assertThat(model.snapshotSha256()).isEqualTo(fixtures.evaluation(id).snapshotSha256);
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void returnedReportsAndAdjustmentsOfThePeriodReachTheReport() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"LEAD\",\"departmentCode\":\"haidian\",\"submittedBy\":\"li.na\",\"text\":\"方案已起草\",\"percent\":50}")
                .when().put("/api/milestones/" + plan.openMilestone() + "/reports/eval-ret-" + plan.openMilestone())
                .then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\",\"comment\":\"请补充佐证材料\",\"decidedOn\":\""
                        + LocalDate.now() + "\"}")
                .when().put("/api/milestone-reports/eval-ret-" + plan.openMilestone() + "/decision").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"taskId\":" + plan.laterTask() + ",\"reasonCategory\":\"POLICY_CHANGE\",\"justification\":\"政策调整\","
                        + "\"requestedBy\":\"wang.fang\",\"reviewedBy\":\"chen.jing\",\"approvedBy\":\"chen.jing\","
                        + "\"newDueDate\":\"2099-06-30\",\"newLeadDepartmentCode\":\"eit\"}")
                .when().put("/api/adjustments/eval-adj-" + plan.laterTask()).then().statusCode(200);
        // returned and adjusted today: an evaluation of a period that includes today reports them
        long id = fixtures.launch(plan.planId(), "kjpg", LocalDate.of(2021, 1, 1), LocalDate.now().plusDays(1));
        AssessmentReportModel model = reports.model(id);

        assertThat(model.returned()).hasSize(1);
        assertThat(model.returned().get(0).status()).isEqualTo("退回");
        assertThat(model.returned().get(0).note()).isEqualTo("请补充佐证材料");
        assertThat(model.returned().get(0).department()).isEqualTo("海淀区");
        assertThat(model.adjusted()).hasSize(1);
        AssessmentReportModel.AdjustedRow adjusted = model.adjusted().get(0);
        assertThat(adjusted.reasonCategory()).isEqualTo("政策调整");
        assertThat(adjusted.originalDue()).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(adjusted.adjustedDue()).isEqualTo(LocalDate.of(2099, 6, 30));
        assertThat(adjusted.adjustedLead()).isEqualTo("市经济和信息化局");
        assertThat(model.overview().adjustments()).isEqualTo(1);
        assertThat(model.byDepartment()).extracting(AssessmentReportModel.CompletionRow::key).contains("eit");
    }

    @Test
    void scoresReachTheReportWithTheirCriteriaAndTheTotal() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        given().contentType(ContentType.JSON)
                .body("[{\"subjectKind\":\"INDICATOR\",\"subjectRef\":\"" + plan.indicatorId()
                        + "\",\"criterion\":\"trend\",\"score\":9,\"comment\":\"趋势向好\"},"
                        + "{\"subjectKind\":\"CHAPTER\",\"subjectRef\":\"三\",\"criterion\":\"completion\",\"score\":9.5}]")
                .when().put("/api/evaluations/" + id + "/scores").then().statusCode(200);
        AssessmentReportModel model = reports.model(id);
        List<AssessmentReportModel.ScoreRow> scores = model.scores();
        assertThat(scores).extracting(AssessmentReportModel.ScoreRow::subjectKind).containsExactly("章节", "指标");
        assertThat(scores.get(0).subjectName()).isEqualTo("三、建设国际科技创新中心");
        assertThat(scores.get(0).criterionName()).isEqualTo("任务完成度");
        assertThat(scores.get(1).subjectName()).isEqualTo("全社会研究与试验发展经费支出");
        assertThat(scores.get(1).maxScore()).isEqualByComparingTo(BigDecimal.TEN);
        // (0.95 × 30 + 0.9 × 10) / 40 × 100 = 93.75 → 93.8
        assertThat(model.totalScore()).isEqualByComparingTo("93.8");
        assertThat(model.grade()).isEqualTo("优秀");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void anIndicatorTargetChangedBeforeTheLaunchShowsItsOriginalNextToTheAdjustedOne() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        given().header("If-Match", "W/\"0\"").contentType(ContentType.JSON)
                .body("{\"name\":\"全社会研究与试验发展经费支出\",\"unit\":\"亿元\",\"kind\":\"EXPECTED\",\"baselineYear\":2020,"
                        + "\"baselineValue\":100,\"targetYear\":2025,\"targetValue\":180,\"comparison\":\"AT_LEAST\","
                        + "\"responsibleDepartmentCode\":\"stc-zgc\"}")
                .when().put("/api/indicators/" + plan.indicatorId()).then().statusCode(200);
        long id = fixtures.launch(plan.planId(), "kjpg");
        AssessmentReportModel model = reports.model(id);
        AssessmentReportModel.IndicatorRow row = model.indicators().get(0);
        assertThat(row.target()).isEqualByComparingTo("180");
        assertThat(row.originalTarget()).isEqualByComparingTo("200");
        assertThat(model.adjusted()).hasSize(1);
        assertThat(model.adjusted().get(0).originalTarget()).isEqualTo("2025年不低于200亿元");
        assertThat(model.adjusted().get(0).adjustedTarget()).isEqualTo("2025年不低于180亿元");
    }
}
