package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.luoshi.task.tracking.MilestoneReportsTest.decide;
import static org.luoshi.task.tracking.MilestoneReportsTest.put;
import static org.luoshi.task.tracking.MilestoneReportsTest.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.tracking.domain.EvidenceFile;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneReport;
import org.luoshi.task.tracking.domain.PlanTask;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Recording a report and its decision runs on every cycle of every milestone: it reads what the rules need, not the
 * milestone's files when the report cites none, nor the task's other milestones to learn whether the task is done
 * (issue 15). Counted with Hibernate's statistics, never timed.
 */
@QuarkusTest
@TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
class ReportPathReadsTest {
    private static final String APPROVAL = "{\"decision\":\"APPROVED\",\"decidedBy\":\"chen.jing\",\"decidedOn\":\"2026-11-26\"}";

    @Inject
    Fixtures fixtures;

    @Inject
    SessionFactory sessions;

    @Test
    void aReportCitingNoFileDoesNotReadTheMilestonesFiles() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of(), LocalDate.of(2026, 12, 31), "无佐证");
        long milestoneId = fixtures.milestone(taskId, "节点", LocalDate.of(2026, 6, 30));
        fixtures.evidence(milestoneId, "方案.pdf", EvidenceFilesTest.PDF);

        Statistics statistics = counting();
        put(milestoneId, "plain-" + milestoneId, report("LEAD", "haidian", "")).then().statusCode(200);
        long filesLoaded = statistics.getEntityStatistics(EvidenceFile.class.getName()).getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(filesLoaded).isZero();
        put(milestoneId, "cited-" + milestoneId, report("LEAD", "haidian", ",\"evidenceIds\":[-1]"))
                .then().statusCode(400).body("errors[0].field", equalTo("evidenceIds[0]"));
    }

    @Test
    void anApprovalCompletesTheTaskWithItsLastMilestoneWithoutLoadingTheOthers() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of(), LocalDate.of(2026, 12, 31), "两个节点");
        long first = fixtures.milestone(taskId, "一期", LocalDate.of(2026, 3, 31));
        long second = fixtures.milestone(taskId, "二期", LocalDate.of(2026, 6, 30));
        put(first, "first-" + first, report("LEAD", "haidian", "")).then().statusCode(200);
        put(second, "second-" + second, report("LEAD", "haidian", "")).then().statusCode(200);

        Statistics statistics = counting();
        decide("first-" + first, APPROVAL).then().statusCode(200);
        long afterFirst = statistics.getCollectionStatistics(PlanTask.class.getName() + ".milestones").getLoadCount();
        given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("status", not(equalTo("COMPLETED"))).body("milestones[0].status", equalTo("DONE"));

        statistics.clear();
        decide("second-" + second, APPROVAL).then().statusCode(200);
        long afterSecond = statistics.getCollectionStatistics(PlanTask.class.getName() + ".milestones").getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(afterFirst).isZero();
        assertThat(afterSecond).isZero();
        given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedOn", equalTo("2026-11-26"));
    }

    @Test
    void aRepeatedApprovalReusesTheTranslationOfEveryQueryItRuns() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of(), LocalDate.of(2026, 12, 31), "两个节点");
        long first = fixtures.milestone(taskId, "一期", LocalDate.of(2026, 3, 31));
        long second = fixtures.milestone(taskId, "二期", LocalDate.of(2026, 6, 30));
        put(first, "again-" + first, report("LEAD", "haidian", "")).then().statusCode(200);
        put(second, "again-" + second, report("LEAD", "haidian", "")).then().statusCode(200);
        decide("again-" + first, APPROVAL).then().statusCode(200);

        Statistics statistics = counting();
        decide("again-" + second, APPROVAL).then().statusCode(200);
        long executed = statistics.getQueryExecutionCount();
        long hits = statistics.getQueryPlanCacheHitCount();
        long misses = statistics.getQueryPlanCacheMissCount();
        statistics.setStatisticsEnabled(false);

        // each HQL query (the report with its milestone, the task's progress): one hit for its parsed text, one for its
        // translation to SQL (LedgerQueryPlansTest); the report key's lock is native SQL, one hit for its plan. Before,
        // the progress query's translation was made anew: one hit less.
        assertThat(executed).isEqualTo(3);
        assertThat(misses).isZero();
        assertThat(hits).isEqualTo(2 * executed - 1);
        given().when().get("/api/tasks/" + taskId).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aDecisionReadsItsReportAndTheReportsMilestoneWithTaskAndPlanInOneQuery() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of(), LocalDate.of(2026, 12, 31), "一次读");
        long milestoneId = fixtures.milestone(taskId, "节点", LocalDate.of(2026, 6, 30));
        put(milestoneId, "one-read-" + milestoneId, report("LEAD", "haidian", "")).then().statusCode(200);

        Statistics statistics = counting();
        decide("one-read-" + milestoneId, "{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\","
                + "\"decidedOn\":\"2026-11-26\",\"comment\":\"缺少佐证\"}").then().statusCode(200)
                .body("decision", equalTo("REJECTED"));
        long queries = statistics.getQueryExecutionCount();
        long milestonesFetchedAlone = statistics.getEntityStatistics(Milestone.class.getName()).getFetchCount();
        long tasksFetchedAlone = statistics.getEntityStatistics(PlanTask.class.getName()).getFetchCount();
        statistics.setStatisticsEnabled(false);

        // the report key's lock (native) and the report with its milestone; a rejection completes nothing
        assertThat(queries).isEqualTo(2);
        assertThat(milestonesFetchedAlone).isZero();
        assertThat(tasksFetchedAlone).isZero();
    }

    @Test
    void aDecisionReadsTheReportWithItsFilesAndConsolidatedReportsInOneStatementAndAnswersEachOnce() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of("chaoyang", "drc"),
                LocalDate.of(2026, 12, 31), "两个配合单位");
        long milestoneId = fixtures.milestone(taskId, "节点", LocalDate.of(2026, 6, 30));
        long plan = fixtures.evidence(milestoneId, "方案.pdf", EvidenceFilesTest.PDF);
        long minutes = fixtures.evidence(milestoneId, "纪要.pdf", EvidenceFilesTest.PDF);
        put(milestoneId, "sub-c-" + milestoneId, report("SUB", "chaoyang", "")).then().statusCode(200);
        put(milestoneId, "sub-d-" + milestoneId, report("SUB", "drc", "")).then().statusCode(200);
        String lead = "lead-" + milestoneId;
        put(milestoneId, lead, report("LEAD", "haidian", ",\"evidenceIds\":[" + minutes + "," + plan
                + "],\"consolidates\":[\"sub-d-" + milestoneId + "\",\"sub-c-" + milestoneId + "\"]"))
                .then().statusCode(200);

        Statistics statistics = counting();
        decide(lead, APPROVAL).then().statusCode(200)
                .body("evidenceIds", contains((int) minutes, (int) plan))
                .body("consolidates", contains("sub-d-" + milestoneId, "sub-c-" + milestoneId));
        long listsReadAlone = statistics.getCollectionStatistics(MilestoneReport.class.getName() + ".evidenceIds").getFetchCount()
                + statistics.getCollectionStatistics(MilestoneReport.class.getName() + ".consolidates").getFetchCount();
        statistics.setStatisticsEnabled(false);

        assertThat(listsReadAlone).isZero();
        given().when().get("/api/milestones/" + milestoneId + "/reports").then().statusCode(200)
                .body("find { it.reportKey == '" + lead + "' }.evidenceIds", contains((int) minutes, (int) plan));
    }

    private Statistics counting() {
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        return statistics;
    }
}
