package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.task.plan.importing.PlanImportTest;
import org.luoshi.task.tracking.ledger.LedgerMilestone;
import org.luoshi.task.tracking.ledger.LedgerRow;
import org.luoshi.task.tracking.ledger.LedgerSheet;
import org.luoshi.task.tracking.ledger.LedgerWorkbook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The 台账 through the API: export, round trip, import that creates and updates, and refused files. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class LedgerExchangeTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A plan of its own, confirmed: the sample document with a distinguishing comment. */
    private static long plan(String marker) {
        long planId = draftPlan(marker);
        given().contentType(ContentType.JSON).body("{\"status\":\"IN_FORCE\"}").when().put("/api/plans/" + planId + "/status")
                .then().statusCode(200);
        return planId;
    }

    /** A draft plan of its own: the sample document with a distinguishing comment, imported. */
    private static long draftPlan(String marker) {
        byte[] document = (new String(PlanImportTest.samplePlan(), StandardCharsets.UTF_8) + "\n<!-- " + marker + " -->")
                .getBytes(StandardCharsets.UTF_8);
        return given().contentType("text/html").body(document).when().post("/api/plan-imports")
                .then().extract().jsonPath().getLong("plan.id");
    }

    private static byte[] export(long planId) {
        return given().when().get("/api/plans/" + planId + "/ledger")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
    }

    private static io.restassured.response.Response importing(long planId, byte[] xlsx) {
        return given().contentType(XLSX).body(xlsx).when().post("/api/plans/" + planId + "/ledger");
    }

    @Test
    void anExportedLedgerHasEveryTaskWithItsReferenceAndImportsBackChangingNothing() {
        long planId = plan("round trip " + System.nanoTime());
        LedgerSheet sheet = new LedgerWorkbook().read(new ByteArrayInputStream(export(planId)));
        assertThat(sheet.rows()).hasSize(118);
        assertThat(sheet.rows().get(0).reference()).isEqualTo("三（一）1");

        importing(planId, export(planId)).then().statusCode(200)
                .body("rows", equalTo(118)).body("updated", equalTo(0)).body("created", equalTo(0)).body("unchanged", equalTo(118));
    }

    @Test
    void anImportAssignsUpdatesAndCreatesTasksAndIsAuditable() {
        long planId = plan("import " + System.nanoTime());
        LedgerSheet sheet = new LedgerWorkbook().read(new ByteArrayInputStream(export(planId)));
        List<LedgerRow> rows = new ArrayList<>();
        LedgerRow first = sheet.rows().get(0);
        rows.add(new LedgerRow(3, first.reference(), first.task(), "市科委、中关村管委会", List.of("海淀区", "drc"),
                LocalDate.of(2025, 12, 31), List.of(new LedgerMilestone(LocalDate.of(2024, 6, 30), "完成方案", true),
                        new LedgerMilestone(LocalDate.of(2025, 12, 31), "完成建设", false)),
                "", ""));
        rows.add(new LedgerRow(4, "三（一）99", "新增的任务", "海淀区", List.of(), null, List.of(), "", ""));
        byte[] xlsx = new LedgerWorkbook().write(new LedgerSheet("台账", rows));

        importing(planId, xlsx).then().statusCode(200).body("updated", equalTo(1)).body("created", equalTo(1));
        given().queryParam("planId", planId).queryParam("department", "haidian").queryParam("size", 200)
                .when().get("/api/tasks").then()
                .body("items.reference", hasItem("三（一）99"))
                .body("items.find { it.reference == '三（一）1' }.leadDepartmentCode", equalTo("stc-zgc"))
                .body("items.find { it.reference == '三（一）1' }.milestones.size()", equalTo(2))
                .body("items.find { it.reference == '三（一）1' }.milestones[0].status", equalTo("DONE"));
        given().queryParam("entityType", "task").queryParam("size", 5).when().get("/api/audit")
                .then().body("items.action", hasItem("task.ledger-imported"));
    }

    @Test
    void theMilestonesAnImportAddsAreWrittenOnceEachAuditedAndShownInTheTasksEntries() {
        long planId = plan("milestones " + System.nanoTime());
        LedgerSheet sheet = new LedgerWorkbook().read(new ByteArrayInputStream(export(planId)));
        List<LedgerMilestone> two = List.of(new LedgerMilestone(LocalDate.of(2030, 3, 31), "启动", false),
                new LedgerMilestone(LocalDate.of(2030, 9, 30), "验收", false));
        List<LedgerRow> rows = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LedgerRow row = sheet.rows().get(i);
            references.add(row.reference());
            rows.add(new LedgerRow(3 + i, row.reference(), row.task(), "海淀区", List.of(), null, two, "", ""));
        }
        rows.add(new LedgerRow(6, "三（一）98", "新增带节点的任务", "海淀区", List.of(), null,
                List.of(new LedgerMilestone(LocalDate.of(2030, 6, 30), "新任务节点", false)), "", ""));
        byte[] xlsx = new LedgerWorkbook().write(new LedgerSheet("台账", rows));

        importing(planId, xlsx).then().statusCode(200).body("updated", equalTo(3)).body("created", equalTo(1));
        io.restassured.path.json.JsonPath tasks = given().queryParam("planId", planId).queryParam("size", 200)
                .when().get("/api/tasks").then().statusCode(200).extract().jsonPath();
        for (String reference : references) {
            assertThat(tasks.getList("items.find { it.reference == '" + reference + "' }.milestones.title"))
                    .containsExactly("启动", "验收");
            assertThat(tasks.getList("items.find { it.reference == '" + reference + "' }.milestones.ordinal"))
                    .containsExactly(1, 2);
        }
        assertThat(tasks.getList("items.find { it.reference == '三（一）98' }.milestones.title")).containsExactly("新任务节点");

        long updated = tasks.getLong("items.find { it.reference == '" + references.get(0) + "' }.id");
        given().queryParam("entityType", "task").queryParam("entityId", updated).when().get("/api/audit").then()
                .body("items[0].action", equalTo("task.ledger-imported"))
                .body("items[0].after.milestones.title", org.hamcrest.Matchers.contains("启动", "验收"));
        long milestoneId = tasks.getLong("items.find { it.reference == '" + references.get(0) + "' }.milestones[1].id");
        given().queryParam("entityType", "milestone").queryParam("entityId", milestoneId).when().get("/api/audit").then()
                .body("total", equalTo(1)).body("items[0].action", equalTo("milestone.added"));

        importing(planId, xlsx).then().statusCode(200).body("updated", equalTo(0)).body("created", equalTo(0))
                .body("unchanged", equalTo(4));
        given().queryParam("planId", planId).queryParam("size", 200).when().get("/api/tasks").then()
                .body("items.find { it.reference == '" + references.get(2) + "' }.milestones.size()", equalTo(2));
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aFileWithBadRowsListsEachWithItsRowNumberAndImportsNothing() {
        long planId = plan("bad rows " + System.nanoTime());
        List<LedgerRow> rows = List.of(
                new LedgerRow(3, "三（一）1", "改了标题", "海淀区", List.of(), null, List.of(), "", ""),
                new LedgerRow(4, "三（一）2", "任务二", "亚特兰蒂斯局", List.of(), null, List.of(), "", ""),
                new LedgerRow(5, "九十九（一）1", "不存在的章节", "海淀区", List.of(), null, List.of(), "", ""),
                new LedgerRow(6, "三（一）3", "任务三", "海淀区", List.of("月球区"), null, List.of(), "", ""));
        importing(planId, new LedgerWorkbook().write(new LedgerSheet("台账", rows))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("rows[4].牵头单位", "rows[5].序号", "rows[6].配合单位"));
        given().queryParam("planId", planId).queryParam("size", 1).when().get("/api/tasks")
                .then().body("items[0].title", org.hamcrest.Matchers.not(equalTo("改了标题")))
                .body("items[0].leadDepartmentCode", equalTo(null));
    }

    @Test
    void aDraftPlansLedgerShapesItsTasksButAssignsNoneNamingEachRowThatTries() {
        long planId = draftPlan("draft " + System.nanoTime());
        LedgerRow first = new LedgerWorkbook().read(new ByteArrayInputStream(export(planId))).rows().get(0);
        List<LedgerRow> assigning = List.of(
                new LedgerRow(3, first.reference(), "改了标题", "海淀区", List.of(), null, List.of(), "", ""),
                new LedgerRow(4, "三（一）99", "新增的任务", "", List.of("海淀区"), null, List.of(), "", ""));
        importing(planId, new LedgerWorkbook().write(new LedgerSheet("台账", assigning))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("rows[3].牵头单位", "rows[4].配合单位"));

        List<LedgerRow> shaping = List.of(
                new LedgerRow(3, first.reference(), "改了标题", "", List.of(), LocalDate.of(2025, 6, 30),
                        List.of(new LedgerMilestone(LocalDate.of(2024, 6, 30), "完成方案", false)), "", ""),
                new LedgerRow(4, "三（一）99", "新增的任务", "", List.of(), null, List.of(), "", ""));
        importing(planId, new LedgerWorkbook().write(new LedgerSheet("台账", shaping))).then().statusCode(200)
                .body("updated", equalTo(1)).body("created", equalTo(1));
        given().queryParam("planId", planId).queryParam("size", 200).when().get("/api/tasks").then()
                .body("items.find { it.reference == '" + first.reference() + "' }.title", equalTo("改了标题"))
                .body("items.find { it.reference == '" + first.reference() + "' }.status", equalTo("DRAFT"))
                .body("items.find { it.reference == '" + first.reference() + "' }.leadDepartmentCode", equalTo(null))
                .body("items.find { it.reference == '三（一）99' }.status", equalTo("DRAFT"));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() {
        long planId = plan("not a workbook " + System.nanoTime());
        given().contentType(ContentType.TEXT).body("序号,任务\n1,x").when().post("/api/plans/" + planId + "/ledger")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void staffMayNotImportALedger() {
        given().contentType(XLSX).body(new byte[] { 1, 2, 3 }).when().post("/api/plans/1/ledger").then().statusCode(403);
    }
}
