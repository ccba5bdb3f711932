package org.luoshi.workflow.milestone;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The supervising office's review list comes from the inbox filtered by activity (server-side paging and counts, no
 * filtering in the browser), its items name their milestone, and a report sent again after a rejection is reviewed
 * next to the rejected one.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class InboxReviewFilterTest {
    private static final String PROBLEM = "application/problem+json";

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    DataSource dataSource;

    @Inject
    InboxReadModel readModel;

    @Test
    void theActivityFilterListsExactlyTheReportsWaitingForReviewPageByPage() {
        String marker = "审核筛选" + uniqueTaskId();
        List<String> reviewed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviewed.add(reportedMilestone(marker, "节点" + i));
        }
        String unreportedTitle = "节点未报" + uniqueTaskId();
        String waitingForReport = trackedMilestone(marker, unreportedTitle);

        // every item of these processes: 3 reviews and 1 report item (the supervisor sees only the reviews anyway)
        JsonPath all = inbox(DemoUsers.SUPERVISOR, Map.of("text", marker, "processKey", "milestone-reporting"));
        assertEquals(3, all.getInt("total"));

        JsonPath first = inbox(DemoUsers.SUPERVISOR, Map.of("text", marker, "activity", "reviewReport", "size", 2));
        assertEquals(3, first.getInt("total"), "the count covers every page");
        assertEquals(2, first.getList("items").size());
        JsonPath second = inbox(DemoUsers.SUPERVISOR, Map.of("text", marker, "activity", "reviewReport", "size", 2, "page", 1));
        assertEquals(1, second.getList("items").size());
        JsonPath counted = as(DemoUsers.SUPERVISOR).queryParam("text", marker).queryParam("activity", "reviewReport")
                .get("/api/inbox/count").then().statusCode(200).extract().jsonPath();
        assertEquals(3, counted.getInt("total"), "the count-only request counts what the pages list");
        assertEquals(first.getInt("overdue"), counted.getInt("overdue"));
        assertNull(counted.get("items"), "no page with the count");
        List<String> pis = new ArrayList<>(first.getList("items.processInstanceId"));
        pis.addAll(second.getList("items.processInstanceId"));
        assertEquals(reviewed.stream().sorted().toList(), pis.stream().sorted().toList(), "each review once across the pages");
        assertEquals(List.of("reviewReport", "reviewReport"), first.getList("items.activityId"));
        assertTrue(first.getList("items.milestoneTitle", String.class).stream().allMatch(t -> t.startsWith("节点")),
                "the items name their milestone: " + first.getList("items.milestoneTitle"));

        // the lead's report item, by its own activity; two activities at once; an activity nobody has
        JsonPath lead = inbox(DemoUsers.STAFF_HAIDIAN, Map.of("text", marker, "activity", "submitReport"));
        assertEquals(1, lead.getInt("total"));
        assertEquals(waitingForReport, lead.getString("items[0].processInstanceId"));
        assertEquals(unreportedTitle, lead.getString("items[0].milestoneTitle"));
        assertEquals(1, as(DemoUsers.STAFF_HAIDIAN).queryParam("text", marker)
                .queryParam("activity", "submitReport").queryParam("activity", "acceptTask")
                .get("/api/inbox").then().statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(0, inbox(DemoUsers.SUPERVISOR, Map.of("text", marker, "activity", "submitReport")).getInt("total"),
                "the filter narrows the caller's own items, it does not widen them");

        // the milestone's title is searchable too
        JsonPath byTitle = inbox(DemoUsers.STAFF_HAIDIAN, Map.of("text", unreportedTitle));
        assertEquals(List.of(waitingForReport), byTitle.getList("items.processInstanceId"));
    }

    @Test
    void theReviewItemIsInTheSupervisorsInboxWhenTheReportAnswers() {
        String marker = "即时审核" + uniqueTaskId();
        String pi = trackedMilestone(marker, "节点即时");
        String report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "已完成", "percent", 100))
                .post("/api/milestone-items/" + report + "/report").then().statusCode(200);
        // no waiting: a supervisor refreshing right after the lead's submit sees the report to review
        JsonPath review = inbox(DemoUsers.SUPERVISOR, Map.of("text", marker, "activity", "reviewReport"));
        assertEquals(List.of(pi), review.getList("items.processInstanceId"));
        assertEquals(1, taskService.reportPuts(review.getLong("items[0].taskId") * 10 + 1).size(),
                "recorded in task-service once, before the item was offered");
    }

    @Test
    void aReportSentAgainAfterARejectionIsReviewedNextToTheRejectedOne() {
        String marker = "退回重报" + uniqueTaskId();
        String pi = reportedMilestone(marker, "节点重报");
        String firstReview = awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        JsonPath firstView = milestoneItem(DemoUsers.SUPERVISOR, firstReview);
        assertNull(firstView.get("previousReport"), "a first report has nothing to compare with");
        assertNull(firstView.get("lastRejection"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "请补充佐证材料"))
                .post("/api/milestone-items/" + firstReview + "/review").then().statusCode(200);

        String again = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "已补充佐证材料", "percent", 100, "evidenceIds", List.of(7)))
                .post("/api/milestone-items/" + again + "/report").then().statusCode(200);

        String secondReview = awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        JsonPath view = milestoneItem(DemoUsers.SUPERVISOR, secondReview);
        assertEquals("已补充佐证材料", view.getString("report.text"));
        assertEquals(2, view.getInt("report.round"));
        assertEquals(pi + ":lead:1", view.getString("previousReport.reportKey"));
        assertEquals("已完成", view.getString("previousReport.text"));
        assertEquals(60, view.getInt("previousReport.percent"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, view.getString("previousReport.submittedBy"));
        assertEquals("请补充佐证材料", view.getString("previousReport.rejection.comment"));
        assertEquals(DemoUsers.SUPERVISOR, view.getString("previousReport.rejection.decidedBy"));
        assertEquals(pi + ":lead:1", view.getString("lastRejection.reportKey"), "the rejection was of the first report");
    }

    @Test
    void rowsWrittenBeforeTheColumnExistedGetTheirMilestoneTitleAtStartUp() throws Exception {
        String marker = "补填标题" + uniqueTaskId();
        String running = reportedMilestone(marker, "节点补填");
        String ended = reportedMilestone(marker, "节点已完");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + awaitMilestoneItem(DemoUsers.SUPERVISOR, ended, "REVIEW") + "/review")
                .then().statusCode(200);
        await("the approved milestone's instance ends").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> WorkflowApi.processState(ended).getBoolean("ended"));
        // rows written by the earlier read model have no title: the running instance's (its variables in the runtime
        // tables) and the ended one's (only in the history)
        for (String pi : List.of(running, ended)) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement clear = connection.prepareStatement(
                            "update luoshi_inbox_item set milestone_title = null where process_instance_id = ?")) {
                clear.setString(1, pi);
                assertEquals(2, clear.executeUpdate());
            }
        }
        assertTrue(readModel.backfillMilestoneTitles() >= 4);
        assertEquals(List.of("COMPLETED:节点补填", "OPEN:节点补填"), titles(running));
        assertEquals(List.of("COMPLETED:节点已完", "COMPLETED:节点已完"), titles(ended));
    }

    private List<String> titles(String pi) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select status, milestone_title from luoshi_inbox_item where process_instance_id = ? order by status")) {
            select.setString(1, pi);
            List<String> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
            return found;
        }
    }

    @Test
    void fieldErrorsCarryAStableCodeAndParamsBesideTheEnglishMessage() {
        String pi = reportedMilestone("错误代码" + uniqueTaskId(), "节点代码");
        String review = awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post("/api/milestone-items/" + review + "/review").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("comment: is required when the decision is REJECT"))
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].message", equalTo("is required when the decision is REJECT"))
                .body("errors[0].code", equalTo("required"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "comment", "长".repeat(2001)))
                .post("/api/milestone-items/" + review + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].code", equalTo("length"))
                .body("errors[0].params.max", equalTo(2000));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE"))
                .post("/api/milestone-items/" + review + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("decision"))
                .body("errors[0].code", equalTo("oneOf"))
                .body("errors[0].params.allowed", equalTo("APPROVE, REJECT"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("action", "REJECT", "itemIds", List.of(review)))
                .post("/api/inbox/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("comment")).body("errors[0].code", equalTo("required"));
        as(DemoUsers.SUPERVISOR).queryParam("dueFrom", "tomorrow").get("/api/inbox").then().statusCode(400)
                .body("errors[0].field", equalTo("dueFrom")).body("errors[0].code", equalTo("format"))
                .body("errors[0].params.expected", equalTo("2026-01-31T00:00:00Z"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static JsonPath inbox(String user, Map<String, Object> query) {
        return as(user).queryParams(query).get("/api/inbox").then().statusCode(200).extract().jsonPath();
    }

    /** A tracked milestone of a haidian task titled with the marker; returns its milestone-reporting instance. */
    private String trackedMilestone(String marker, String milestoneTitle) {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, marker + "任务", "haidian", List.of(), List.of(MilestoneServiceStub.milestone(taskId * 10 + 1, 1,
                milestoneTitle, LocalDate.now().plusDays(40).toString())));
        JsonPath started = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        return started.getString("milestones[0].processInstanceId");
    }

    /** A tracked milestone whose lead has reported 60 %: it waits in 督查室审核. */
    private String reportedMilestone(String marker, String milestoneTitle) {
        String pi = trackedMilestone(marker, milestoneTitle);
        String report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "已完成", "percent", 60))
                .post("/api/milestone-items/" + report + "/report").then().statusCode(200);
        awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        return pi;
    }

    private static JsonPath milestoneItem(String user, String id) {
        return as(user).get("/api/milestone-items/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String awaitMilestoneItem(String user, String pi, String kind) {
        List<String> found = new ArrayList<>();
        await(user + "'s " + kind + " item").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> items = as(user).queryParam("processInstanceId", pi).get("/api/milestone-items")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            found.clear();
            items.stream().filter(i -> kind.equals(i.get("kind"))).forEach(i -> found.add((String) i.get("id")));
            return found.size() == 1;
        });
        return found.get(0);
    }
}
