package org.luoshi.workflow.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.awaitInboxItem;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.milestone.MilestoneServiceStub;
import org.luoshi.workflow.milestone.MilestoneTestResources;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.NotificationStore;
import org.luoshi.workflow.notification.Recipient;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 考核 with real tokens and the task-service stub: a known history of one task — a 催办 by hand and one by the ladder, a 督办 and one
 * outside the period, an adjustment requested and approved — added to task-service's figures.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class DepartmentAssessmentApiTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    NotificationStore notifications;

    @Test
    void escalationsAndAdjustmentsOfThePlansTasksInThePeriodAreAddedToTaskServicesFigures() throws Exception {
        long taskId = uniqueTaskId();
        long otherTask = taskId + 1;
        long planId = taskId;
        long milestoneId = taskId * 10 + 1;
        LocalDate today = LocalDate.now(BEIJING);
        LocalDate from = today.minusDays(10);
        taskService.addTask(taskId, "建设怀柔综合性国家科学中心", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "完成设施验收", today.plusDays(20).toString())));
        taskService.assessment(planId, recorded(planId, from, today, List.of(taskId)));

        String milestonePi = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath()
                .getString("milestones[0].processInstanceId");
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/" + milestonePi + "/chase").then().statusCode(200);
        notify(NotificationKind.URGING, taskId, "haidian", today.atTime(0, 0));
        notify(NotificationKind.SUPERVISION, taskId, "haidian", today.atTime(10, 0));
        notify(NotificationKind.SUPERVISION, taskId, "supervision", today.atTime(10, 0));
        notify(NotificationKind.URGING, taskId, "haidian", from.minusDays(1).atTime(23, 0));
        notify(NotificationKind.URGING, otherTask, "haidian", today.atTime(10, 0));

        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "RESOURCE_CHANGE", "justification", "设备到货延迟",
                        "milestoneDueDates", Map.of(String.valueOf(milestoneId), today.plusDays(50).toString())))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(200);
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment");
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(200);
        WorkflowApi.awaitProcess(pi, "the adjustment is applied", s -> s.getBoolean("ended"));

        String query = "?planId=" + planId + "&from=" + from + "&to=" + today;
        JsonPath answer = as(DemoUsers.SUPERVISOR).get("/api/department-assessment" + query).then().statusCode(200)
                .body("departments", hasSize(1))
                .body("asOf", equalTo(today.toString()))
                .extract().jsonPath();
        assertEquals("haidian", answer.getString("departments[0].departmentCode"));
        assertEquals("海淀区", answer.getString("departments[0].nameZh"));
        assertEquals(3, answer.getInt("departments[0].onTime"));
        assertEquals(1, answer.getInt("departments[0].late"));
        assertEquals(12.5f, answer.getFloat("departments[0].averageDaysLate"));
        assertEquals(2, answer.getInt("departments[0].urgings"));
        assertEquals(1, answer.getInt("departments[0].supervisions"));
        assertEquals(1, answer.getInt("departments[0].returned"));
        assertEquals(1, answer.getInt("departments[0].adjustmentsRequested"));
        assertEquals(1, answer.getInt("departments[0].adjustmentsApproved"));
        assertEquals(1, answer.getInt("departments[0].red"));

        // the period before: no escalation of it, nothing asked for then
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment?planId=" + planId + "&from=" + from.minusDays(5)
                + "&to=" + from.minusDays(1)).then().statusCode(200)
                .body("departments[0].urgings", equalTo(1))
                .body("departments[0].supervisions", equalTo(0))
                .body("departments[0].adjustmentsRequested", equalTo(0));

        byte[] xlsx = as(DemoUsers.ADMIN).get("/api/department-assessment/xlsx" + query).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(1);
            Row haidian = sheet.getRow(2);
            assertEquals("收到催办", header.getCell(7).getStringCellValue());
            assertEquals("海淀区", haidian.getCell(1).getStringCellValue());
            assertEquals(2, (int) haidian.getCell(7).getNumericCellValue());
            assertEquals(12.5, haidian.getCell(6).getNumericCellValue());
        }
    }

    @Test
    void onlyTheSupervisingOfficeAndAdminsMayAsk() {
        long planId = uniqueTaskId();
        taskService.assessment(planId, recorded(planId, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of()));
        String query = "?planId=" + planId + "&from=2025-01-01&to=2025-12-31";
        as(DemoUsers.STAFF_HAIDIAN).get("/api/department-assessment" + query).then().statusCode(403);
        as(DemoUsers.STAFF_HAIDIAN).get("/api/department-assessment/xlsx" + query).then().statusCode(403);
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment" + query).then().statusCode(200)
                .body("departments", hasSize(0));
    }

    @Test
    void aBadPeriodIsA400NamingTheFieldAndAnUnknownPlanA404() {
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment?from=2025-01-01&to=2025-12-31").then().statusCode(400)
                .body("errors[0].field", equalTo("planId"));
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment?planId=1&to=2025-12-31").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment?planId=1&from=2025-01-01&to=2024-12-31").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        as(DemoUsers.SUPERVISOR).get("/api/department-assessment?planId=" + uniqueTaskId() + "&from=2025-01-01&to=2025-12-31")
                .then().statusCode(404);
    }

    private void notify(NotificationKind kind, long taskId, String group, java.time.LocalDateTime at) {
        notifications.insert(new NotificationDraft(kind, List.of(Recipient.group(group)), "督办", "测试", null, null, taskId,
                null, "assessment-test:" + taskId + ":" + kind + ":" + group + ":" + at), Recipient.group(group),
                "assessment-test:" + taskId + ":" + kind + ":" + group + ":" + at, at.atZone(BEIJING).toInstant());
    }

    /** task-service's answer: haidian 3 on time, 1 late, 12.5 days late on average, 1 returned, 1 red task. */
    private static Map<String, Object> recorded(long planId, LocalDate from, LocalDate to, List<Long> taskIds) {
        Map<String, Object> haidian = new LinkedHashMap<>();
        haidian.put("departmentCode", "haidian");
        haidian.put("nameZh", "海淀区");
        haidian.put("nameEn", "Haidian District");
        haidian.put("onTime", 3);
        haidian.put("late", 1);
        haidian.put("missing", 0);
        haidian.put("notDue", 0);
        haidian.put("averageDaysLate", 12.5);
        haidian.put("returned", 1);
        haidian.put("red", 1);
        haidian.put("yellow", 0);
        haidian.put("green", 0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("planId", planId);
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("asOf", to.toString());
        answer.put("taskIds", taskIds);
        answer.put("departments", taskIds.isEmpty() ? List.of() : List.of(haidian));
        return answer;
    }
}
